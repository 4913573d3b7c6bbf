import { describe, expect, it } from 'vitest'
import { csvLine, parseCsv } from './csv'

describe('parseCsv', () => {
  it('reads Excel output: BOM, CRLF, quoted commas and newlines, doubled quotes', () => {
    const result = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n')
    expect(result).toEqual({
      ok: true,
      records: [
        { row: 1, cells: ['a', 'b'] },
        { row: 2, cells: ['x, y', 'say "hi"'] },
        { row: 3, cells: ['multi\nline', 'z'] },
      ],
    })
  })

  it('skips blank lines but keeps spreadsheet row numbers', () => {
    const result = parseCsv('h\n\nv1\n\n\nv2')
    expect(result.ok && result.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'h'],
      [3, 'v1'],
      [6, 'v2'],
    ])
  })

  it('reports the row of an unclosed quote', () => {
    expect(parseCsv('a\n"b\nc')).toEqual({ ok: false, row: 2, error: 'unclosed_quote' })
  })
})

describe('csvLine', () => {
  it('round-trips through parseCsv and defuses formulas', () => {
    const line = csvLine(['供水, 东区', 'a"b', '=SUM(A1)', 3, null])
    expect(line.endsWith('\r\n')).toBe(true)
    const parsed = parseCsv(line)
    expect(parsed.ok && parsed.records[0]!.cells).toEqual(['供水, 东区', 'a"b', "'=SUM(A1)", '3', ''])
  })
})
