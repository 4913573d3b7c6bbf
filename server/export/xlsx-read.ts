import zlib from 'node:zlib'

// Reads back what xlsx-stream.ts and zip-stream.ts write, strictly (every CRC and size checked): the tests use it to
// prove an export opens with the right rows; nothing at run time does.

/** One file read back from a zip archive, with the numbers its central directory recorded. */
export interface ZipFile {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localHeaderOffset: number
  data: Uint8Array
}

/**
 * Reads a zip archive through its central directory, as Excel does, and throws unless every entry's CRC and sizes
 * (directory, local header and data descriptor) agree with its data. Deflate and stored entries; no ZIP64.
 */
export function readZip(bytes: Uint8Array): ZipFile[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(v)
  const count = v.getUint16(eocd + 10, true)
  if (v.getUint16(eocd + 8, true) !== count) throw new Error('zip: entry counts disagree')
  const directorySize = v.getUint32(eocd + 12, true)
  let at = v.getUint32(eocd + 16, true)
  if (at + directorySize !== eocd) throw new Error('zip: central directory does not end where the end record starts')
  const files: ZipFile[] = []
  for (let i = 0; i < count; i++) {
    if (v.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: bad central header signature at ${at}`)
    const nameLength = v.getUint16(at + 28, true)
    const skip = nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true)
    const file = {
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      crc: v.getUint32(at + 16, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localHeaderOffset: v.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    }
    files.push({ ...file, data: readEntry(bytes, v, file) })
    at += 46 + skip
  }
  if (at !== eocd) throw new Error('zip: central directory size is wrong')
  return files
}

type Entry = Omit<ZipFile, 'data'>

function readEntry(bytes: Uint8Array, v: DataView, e: Entry): Uint8Array {
  const at = e.localHeaderOffset
  if (v.getUint32(at, true) !== 0x04034b50) throw new Error(`zip: ${e.name}: bad local header signature`)
  const nameLength = v.getUint16(at + 26, true)
  const localName = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength))
  if (localName !== e.name) throw new Error(`zip: local name ${localName} ≠ directory name ${e.name}`)
  const start = at + 30 + nameLength + v.getUint16(at + 28, true)
  const compressed = bytes.subarray(start, start + e.compressedSize)
  if (e.flags & 8) {
    // Data descriptor, with or without its optional signature.
    let d = start + e.compressedSize
    if (v.getUint32(d, true) === 0x08074b50) d += 4
    const recorded = [v.getUint32(d, true), v.getUint32(d + 4, true), v.getUint32(d + 8, true)]
    if (recorded.join() !== [e.crc, e.compressedSize, e.size].join()) throw new Error(`zip: ${e.name}: data descriptor disagrees with the directory`)
  } else if ([v.getUint32(at + 14, true), v.getUint32(at + 18, true), v.getUint32(at + 22, true)].join() !== [e.crc, e.compressedSize, e.size].join()) {
    throw new Error(`zip: ${e.name}: local header disagrees with the directory`)
  }
  const data = e.method === 8 ? new Uint8Array(zlib.inflateRawSync(compressed)) : e.method === 0 ? compressed : null
  if (!data) throw new Error(`zip: ${e.name}: unsupported method ${e.method}`)
  if (data.length !== e.size) throw new Error(`zip: ${e.name}: size ${data.length} ≠ recorded ${e.size}`)
  if (zlib.crc32(data) !== e.crc) throw new Error(`zip: ${e.name}: CRC mismatch`)
  return data
}

function findEndOfCentralDirectory(v: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let at = v.byteLength - 22; at >= Math.max(0, v.byteLength - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === 0x06054b50) return at
  }
  throw new Error('zip: no end of central directory record')
}

/** The text of one part of an archive (e.g. 'xl/worksheets/sheet1.xml'). */
export function zipText(bytes: Uint8Array, name: string): string {
  const file = readZip(bytes).find((f) => f.name === name)
  if (!file) throw new Error(`zip: no ${name}`)
  return new TextDecoder('utf-8', { fatal: true }).decode(file.data)
}

/**
 * The first worksheet of an .xlsx workbook as rows of cell text (numbers as written in the file), header included.
 * Cells are placed by their references; rows are padded with '' to the widest row. Inline strings and plain values
 * only: a workbook with a shared-strings table is not one of ours, and throws.
 */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  const xml = zipText(bytes, 'xl/worksheets/sheet1.xml')
  const rows: string[][] = []
  let rowIndex = 0
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    rowIndex = rowNumber(attribute(row[1]!, 'r')) ?? rowIndex + 1
    const cells: string[] = []
    let column = 0
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attribute(cell[1]!, 'r')
      column = ref ? columnIndex(ref) : column + 1
      cells[column - 1] = cellText(attribute(cell[1]!, 't'), cell[2] ?? '')
    }
    rows[rowIndex - 1] = Array.from(cells, (c) => c ?? '')
  }
  const dense = Array.from(rows, (r) => r ?? []) // rows the sheet skipped are empty
  const width = dense.reduce((w, r) => Math.max(w, r.length), 0)
  return dense.map((r) => [...r, ...Array<string>(width - r.length).fill('')])
}

function cellText(type: string | undefined, inner: string): string {
  if (type === 's') throw new Error('xlsx: shared strings are not supported by this reader')
  if (type === 'inlineStr') return [...inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join('')
  return unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '')
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]
}

function rowNumber(r: string | undefined): number | undefined {
  return r === undefined ? undefined : Number(r)
}

function columnIndex(ref: string): number {
  let n = 0
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? '') n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function unescapeXml(s: string): string {
  return (
    s
      .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
        e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
      )
      // Excel's own escape inside strings (ST_Xstring): _xHHHH_ stands for that UTF-16 unit.
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  )
}
