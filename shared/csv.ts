/** A parsed CSV record with its 1-based row number as a spreadsheet would show it. */
export interface CsvRecord {
  row: number
  cells: string[]
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; row: number; error: 'unclosed_quote' }

/** Parses RFC 4180 CSV (UTF-8, optional BOM, CRLF or LF, quoted fields with "" escapes); blank lines are skipped. */
export function parseCsv(input: string): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let inQuotes = false
  let row = 1
  let recordRow = 1
  let i = 0
  const endRecord = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ row: recordRow, cells })
    cells = []
    cell = ''
  }
  while (i < text.length) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        inQuotes = false
      } else {
        if (ch === '\n') row++
        cell += ch
      }
      i++
      continue
    }
    if (ch === '"' && cell === '') {
      inQuotes = true
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
      row++
      recordRow = row
    } else {
      cell += ch
    }
    i++
  }
  if (inQuotes) return { ok: false, row: recordRow, error: 'unclosed_quote' }
  if (cell !== '' || cells.length > 0) endRecord()
  return { ok: true, records }
}

/** Quotes one CSV field when needed, and defuses spreadsheet formulas (=, +, -, @) by prefixing an apostrophe. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One CSV line (CRLF-terminated, as Excel writes it). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n'
}

/** The UTF-8 byte-order mark that makes Excel open Chinese CSV correctly. */
export const CSV_BOM = '\ufeff'
