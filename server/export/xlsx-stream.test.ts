import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { readXlsxRows, readZip, zipText } from './xlsx-read'
import { XLSX_CONTENT_TYPE, xlsxStream, type XlsxCell } from './xlsx-stream'

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

async function* each<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items
}

const SHEET = 'xl/worksheets/sheet1.xml'

/** Throws unless every tag closes in order and nothing but entities follows an ampersand (a well-formedness check). */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '')
  const stack: string[] = []
  for (const [tag, closing, name, selfClosing] of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:\s+[\w:.-]+="[^"<]*")*\s*(\/?)>|</g)) {
    if (name === undefined) throw new Error(`stray "<" in ${body.slice(0, 200)}`)
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes nothing open: ${tag}`)
    } else if (!selfClosing) stack.push(name)
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' > ')}`)
  const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(body)
  if (badAmpersand) throw new Error(`bare & at ${badAmpersand.index}`)
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(body)) throw new Error('control character XML 1.0 cannot carry')
}

describe('xlsxStream', () => {
  it('is the Office Open XML spreadsheet type', () => {
    expect(XLSX_CONTENT_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('writes the parts of a workbook with one frozen-header sheet, each well-formed', async () => {
    const bytes = await collect(xlsxStream({ sheetName: '评价明细', header: ['窗口', '得分'], rows: each([['A-01', 95]]) }))
    const names = readZip(bytes).map((f) => f.name)
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', SHEET])
    for (const name of names) assertWellFormed(zipText(bytes, name))
    expect(zipText(bytes, 'xl/workbook.xml')).toContain('<sheet name="评价明细" sheetId="1" r:id="rId1"/>')
    expect(zipText(bytes, '[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"')
    const sheet = zipText(bytes, SHEET)
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">窗口</t></is></c>') // bold header
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">A-01</t></is></c><c r="B2"><v>95</v></c>')
  })

  it('keeps Chinese text, escapes markup, drops characters XML cannot carry, writes numbers as numbers and skips empty cells', async () => {
    const rows: XlsxCell[][] = [
      ['满意度调查：非常满意 😀', 'a<b & c>"d"\'e', 'bell\u0007nul\u0000vt\u000Bff\u000Cesc\u001Bok', 'lone\uD800high', 'lone\uDC00low'],
      [3.25, -0, 1e21, 0, -17],
      [null, undefined, '', 'only D'],
      ['tab\tnew\nline  ', '_x0041_ stays literal', '=1+1', NaN, Infinity],
    ]
    const bytes = await collect(xlsxStream({ sheetName: 'data', header: ['A', 'B', 'C', 'D', 'E'], rows: each(rows) }))
    const sheet = zipText(bytes, SHEET)
    assertWellFormed(sheet)
    expect(sheet).toContain('a&lt;b &amp; c&gt;&quot;d&quot;\'e')
    expect(sheet).toContain('<c r="A3"><v>3.25</v></c><c r="B3"><v>0</v></c><c r="C3"><v>1e+21</v></c><c r="D3"><v>0</v></c><c r="E3"><v>-17</v></c>')
    expect(sheet).toContain('<row r="4"><c r="D4" t="inlineStr">') // A4–C4 are not written at all
    expect(sheet).toContain('<c r="C5" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c></row>') // text, never a formula; no NaN/∞ cells
    expect(sheet).toContain('_x005F_x0041_')
    expect(readXlsxRows(bytes)).toEqual([
      ['A', 'B', 'C', 'D', 'E'],
      ['满意度调查：非常满意 😀', 'a<b & c>"d"\'e', 'bellnulvtffescok', 'lonehigh', 'lonelow'],
      ['3.25', '0', '1e+21', '0', '-17'],
      ['', '', '', 'only D', ''],
      ['tab\tnew\nline  ', '_x0041_ stays literal', '=1+1', '', ''],
    ])
  })

  it('names columns past Z as Excel does (AA, AZ, BA, ZZ, AAA)', async () => {
    const header = Array.from({ length: 703 }, (_, i) => `h${i}`)
    const sheet = zipText(await collect(xlsxStream({ sheetName: 'wide', header, rows: each([]) })), SHEET)
    for (const [i, ref] of [[0, 'A1'], [25, 'Z1'], [26, 'AA1'], [51, 'AZ1'], [52, 'BA1'], [701, 'ZZ1'], [702, 'AAA1']] as const) {
      expect(sheet).toContain(`<c r="${ref}" s="1" t="inlineStr"><is><t xml:space="preserve">h${i}</t>`)
    }
  })

  it('makes a sheet name Excel accepts', async () => {
    const name = async (sheetName: string) => /<sheet name="([^"]*)"/.exec(zipText(await collect(xlsxStream({ sheetName, header: [], rows: each([]) })), 'xl/workbook.xml'))?.[1]
    expect(await name('2024/05 [上半月]: 排名?')).toBe('2024 05  上半月   排名')
    expect(await name("'一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三'")).toBe('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十')
    expect(await name('')).toBe('Sheet1')
    expect(await name('History')).toBe('Sheet1')
    expect(await name('R&D <2>')).toBe('R&amp;D &lt;2&gt;')
  })

  it('reads back as the rows it was given, across many deflated batches', async () => {
    const header = ['编号', '窗口', '单位', '满意度', '备注']
    const rows = Array.from({ length: 5_000 }, (_, i) => [String(i + 1), `窗口${i % 37}`, `水务集团${i % 5}`, i % 5, i % 7 === 0 ? '' : `备注 <${i}> & "说明"`])
    const bytes = await collect(xlsxStream({ sheetName: '明细', header, rows: each(rows) }))
    expect(readZip(bytes).find((f) => f.name === SHEET)!.size).toBeGreaterThan(10 * 64 * 1024)
    const back = readXlsxRows(bytes)
    expect(back).toHaveLength(5_001)
    expect(back).toEqual([header, ...rows.map((r) => r.map(String))])
  })

  it('errors the stream when the rows fail, and releases the rows when the download is cancelled', async () => {
    async function* failing(): AsyncGenerator<XlsxCell[]> {
      yield ['one']
      throw new Error('database went away')
    }
    await expect(collect(xlsxStream({ sheetName: 's', header: ['h'], rows: failing() }))).rejects.toThrow('database went away')

    let released = false
    async function* endless(): AsyncGenerator<XlsxCell[]> {
      try {
        for (let i = 0; ; i++) yield [i, `row ${i}`]
      } finally {
        released = true
      }
    }
    const reader = xlsxStream({ sheetName: 's', header: ['n', 'text'], rows: endless() }).getReader()
    for (let i = 0; i < 30; i++) await reader.read() // past the five small parts, into the sheet
    await reader.cancel()
    expect(released).toBe(true)
  })

  it("refuses more rows than Excel's 1,048,576", async () => {
    async function* many(): AsyncGenerator<XlsxCell[]> {
      for (let i = 0; i < 1_048_576; i++) yield []
    }
    // 1,048,575 data rows + the header fit; one more does not.
    await expect(collect(xlsxStream({ sheetName: 's', header: ['h'], rows: many() }))).rejects.toThrow(/1048576 rows/)
  })

  it('pulls rows only as the consumer reads, with flat memory over 200,000 rows', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const total = 200_000
    const heapAt: number[] = []
    let produced = 0
    async function* rows(): AsyncGenerator<XlsxCell[]> {
      for (let i = 0; i < total; i++) {
        if (i === total / 5 || i === total - 1) {
          gc()
          heapAt.push(process.memoryUsage().heapUsed)
        }
        produced++
        // Fresh, distinct strings per row, so that buffered rows (or buffered XML) would cost real memory.
        yield [i, `R${i}-${'窗口综合受理'.repeat(2)}`, `单位${i % 97}`, i % 5, `${i}@备注 <${i}> & "x"`, i / 7, null, `T${i * 31}`, `${i}${'x'.repeat(120)}`, i * 3, `z${i}${'y'.repeat(120)}`, `第${i}行`]
      }
    }
    const reader = xlsxStream({ sheetName: 'big', header: Array.from({ length: 12 }, (_, i) => `列${i}`), rows: rows() }).getReader()

    // Backpressure: while the consumer pauses, the producer stays a chunk or so ahead (a few hundred rows)
    // instead of running on; the pause only gives an eager producer the chance to show itself.
    for (let i = 0; i < 20; i++) await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(produced).toBeGreaterThan(0)
    expect(produced).toBeLessThan(2_000)

    let bytes = 0
    for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length
    expect(produced).toBe(total)
    expect(bytes).toBeGreaterThan(1_000_000)
    expect(heapAt).toHaveLength(2)
    // Buffering the remaining 160,000 rows, or their XML, would take well over 100 MB.
    expect(heapAt[1]! - heapAt[0]!).toBeLessThan(50 * 1024 * 1024)
  })
})
