import { zipStream } from './zip-stream'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A cell: text, a number, or nothing (an empty cell). */
export type XlsxCell = string | number | null | undefined

export interface XlsxStreamOptions {
  /** Shown on the sheet's tab; characters Excel forbids are replaced and it is cut to 31 characters. */
  sheetName: string
  header: readonly string[]
  rows: AsyncIterable<readonly XlsxCell[]>
}

// Excel's grid; a sheet beyond it opens truncated or not at all, so the writer refuses instead.
const MAX_ROWS = 1_048_576
const MAX_COLUMNS = 16_384
// XML gathered before it is handed to the zip writer: large enough to deflate well, small enough to keep memory flat.
const BATCH_CHARS = 64 * 1024

/**
 * A single-sheet .xlsx workbook as a stream: header row then data rows, written as they come, flat memory.
 * Rows are pulled from `rows` only as the consumer reads. The stream errors (RangeError) past Excel's 1,048,576 rows
 * or 16,384 columns, or past 4 GiB of sheet XML (no ZIP64; see ZIP32_LIMIT).
 *
 * @example
 * return new Response(xlsxStream({ sheetName: '评价明细', header: ['窗口', '得分'], rows: iterateRows() }), {
 *   headers: { 'content-type': XLSX_CONTENT_TYPE },
 * })
 */
export function xlsxStream(options: XlsxStreamOptions): ReadableStream<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s)
  return zipStream([
    { name: '[Content_Types].xml', data: text(CONTENT_TYPES) },
    { name: '_rels/.rels', data: text(ROOT_RELATIONSHIPS) },
    { name: 'xl/workbook.xml', data: text(workbookXml(options.sheetName)) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(WORKBOOK_RELATIONSHIPS) },
    { name: 'xl/styles.xml', data: text(STYLES) },
    // Last, so that everything before it is small and the rows stream straight through.
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(options.header, options.rows) },
  ])
}

async function* sheetXml(header: readonly string[], rows: AsyncIterable<readonly XlsxCell[]>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder()
  let xml = `${DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`
  xml += rowXml(1, header, HEADER_STYLE)
  let r = 1
  for await (const row of rows) {
    if (++r > MAX_ROWS) throw new RangeError(`xlsx: more than ${MAX_ROWS} rows (Excel's limit, header included)`)
    xml += rowXml(r, row, '')
    if (xml.length >= BATCH_CHARS) {
      yield encoder.encode(xml)
      xml = ''
    }
  }
  yield encoder.encode(`${xml}</sheetData></worksheet>`)
}

const HEADER_STYLE = ' s="1"' // cellXfs[1] in STYLES: bold

function rowXml(r: number, cells: readonly XlsxCell[], style: string): string {
  if (cells.length > MAX_COLUMNS) throw new RangeError(`xlsx: row ${r} has more than ${MAX_COLUMNS} columns (Excel's limit)`)
  let xml = `<row r="${r}">`
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i]
    // Nothing to write for an empty cell; non-finite numbers have no cell value in SpreadsheetML, so they are left empty too.
    if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) continue
    const ref = `${columnName(i)}${r}`
    // An inline string is never evaluated as a formula, so text starting with = + - @ needs no guard here (unlike CSV).
    xml += typeof value === 'number' ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`
  }
  return `${xml}</row>`
}

const columnNames: string[] = []

/** A, B, … Z, AA, AB, … (bijective base 26), cached since every row asks for the same few. */
function columnName(index: number): string {
  let name = columnNames[index]
  if (name === undefined) {
    name = ''
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
    columnNames[index] = name
  }
  return name
}

// Characters XML 1.0 cannot carry at all (not even as references): C0 controls but tab, LF and CR; U+FFFE, U+FFFF;
// surrogates without their pair. They are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// Excel reads _xHHHH_ inside a string as an escaped character; writing the underscore as _x005F_ keeps such text literal.
const EXCEL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g
const MARKUP = /[&<>"]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
// Most cells need none of the above; one test spares them three replaces.
const NEEDS_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF_&<>"]/

/** Text as XML character data or attribute value: markup escaped, characters XML cannot carry removed. */
function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s
  return s
    .replace(NOT_XML, '')
    .replace(EXCEL_ESCAPE, '_x005F_')
    .replace(MARKUP, (ch) => ENTITIES[ch]!)
}

/** The tab name: Excel refuses : \ / ? * [ ], a leading or trailing apostrophe, more than 31 characters, and "History". */
function sheetTitle(name: string): string {
  let title = ''
  for (const ch of name.replace(NOT_XML, '').replace(/[:\\/?*[\]]/g, ' ')) {
    if (title.length + ch.length > 31) break
    title += ch
  }
  title = title.replace(/^'+|'+$/g, '').trim()
  return title === '' || title.toLowerCase() === 'history' ? 'Sheet1' : title
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const DOCUMENT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const CONTENT_TYPES = `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>`

const ROOT_RELATIONSHIPS = `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NS}">\
<Relationship Id="rId1" Type="${DOCUMENT_RELATIONSHIP}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`

const WORKBOOK_RELATIONSHIPS = `${DECLARATION}<Relationships xmlns="${RELATIONSHIPS_NS}">\
<Relationship Id="rId1" Type="${DOCUMENT_RELATIONSHIP}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${DOCUMENT_RELATIONSHIP}/styles" Target="styles.xml"/>\
</Relationships>`

const workbookXml = (sheetName: string) =>
  `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOCUMENT_RELATIONSHIP}"><sheets><sheet name="${xmlText(sheetTitle(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`

// The smallest style sheet Excel accepts (it insists on the two default fills), plus a bold font for the header.
const STYLES = `${DECLARATION}<styleSheet xmlns="${MAIN_NS}">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`
