import { promisify } from 'node:util'
import { constants, deflateRaw } from 'node:zlib'
import { crc32 } from './crc32'

/** One file of an archive. */
export interface ZipEntry {
  /** Path inside the archive, with forward slashes (stored as UTF-8). */
  name: string
  /**
   * The file's bytes. An iterable is read only when the archive reaches this entry, one chunk per pull; each chunk
   * is deflated on its own, so chunks of tens of kilobytes compress well and a few bytes per chunk would not.
   */
  data: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>
}

export interface ZipOptions {
  /** The modification time recorded for every entry (default: now, in the server's local time as DOS times are). */
  modified?: Date
}

/**
 * Without ZIP64, sizes and offsets are 32-bit and 0xFFFFFFFF means "see ZIP64", so the last usable value is one less.
 * A 1,000,000-row × 12-column response export is about 0.8 GB of sheet XML (measured: 82 MB per 100,000 rows) and
 * 65 MB compressed: far below. Rather than write a file that no reader can open, the writer throws past the limit.
 */
export const ZIP32_LIMIT = 0xfffffffe

const FLAG_DATA_DESCRIPTOR = 1 << 3 // CRC and sizes follow the data, as they are unknown when the header is written
const FLAG_UTF8_NAME = 1 << 11
const FLAGS = FLAG_DATA_DESCRIPTOR | FLAG_UTF8_NAME
const METHOD_DEFLATE = 8
const VERSION = 20 // 2.0: deflate, data descriptors
// Level 1 deflates XML about four times faster than the default level, for output only ~12% larger.
const LEVEL = 1
const WINDOW = 32 * 1024
// An empty fixed-Huffman block with the final bit set: ends the deflate stream that the sync-flushed chunks left open.
const FINAL_BLOCK = new Uint8Array([0x03, 0x00])

const deflate = promisify(deflateRaw)

/** An archive as a stream that reads each entry's data only as the consumer reads, so memory stays flat. */
export function zipStream(entries: Iterable<ZipEntry>, options: ZipOptions = {}): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries, options)
  return new ReadableStream<Uint8Array>({
    // Every pull enqueues exactly one chunk or closes: a pull that enqueued nothing would leave the reader waiting.
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    // Lets the entries' iterators run their `finally` (e.g. release a database cursor) when the download is aborted.
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

interface Written {
  name: Uint8Array
  crc: number
  compressedSize: number
  size: number
  offset: number
}

/** The archive's bytes in order: per entry a local header, deflated data and a data descriptor; then the directory. */
async function* zipChunks(entries: Iterable<ZipEntry>, options: ZipOptions = {}): AsyncGenerator<Uint8Array> {
  const { time, date } = dosDateTime(options.modified ?? new Date())
  const written: Written[] = []
  let offset = 0
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name)
    if (name.length > 0xffff) throw new RangeError(`zip: entry name longer than 65535 bytes: ${entry.name.slice(0, 80)}…`)
    const header = localHeader(name, time, date)
    const record: Written = { name, crc: 0, compressedSize: 0, size: 0, offset }
    yield header
    offset += header.length
    // Each chunk is deflated alone (in the thread pool) but with the previous 32 KB as its dictionary, and ends with a
    // sync flush (no final bit), so the pieces concatenate into one deflate stream that compresses as well as one call.
    let dictionary: Uint8Array | undefined
    for await (const chunk of asIterable(entry.data)) {
      if (chunk.length === 0) continue
      record.size = within32(record.size + chunk.length, entry.name)
      record.crc = crc32(chunk, record.crc)
      const out = await deflate(chunk, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) })
      dictionary = tail(dictionary, chunk)
      record.compressedSize = within32(record.compressedSize + out.length, entry.name)
      yield out
      offset += out.length
    }
    record.compressedSize = within32(record.compressedSize + FINAL_BLOCK.length, entry.name)
    const descriptor = dataDescriptor(record)
    yield concat([FINAL_BLOCK, descriptor])
    offset = within32(offset + FINAL_BLOCK.length + descriptor.length, 'the archive')
    written.push(record)
  }
  if (written.length > 0xffff) throw new RangeError('zip: more than 65535 entries')
  const directory = concat(written.map((w) => centralHeader(w, time, date)))
  within32(offset + directory.length, 'the archive')
  yield concat([directory, endOfCentralDirectory(written.length, directory.length, offset)])
}

function within32(n: number, what: string): number {
  if (n > ZIP32_LIMIT) throw new RangeError(`zip: ${what} exceeds 4 GiB, which needs ZIP64 (not supported)`)
  return n
}

async function* asIterable(data: ZipEntry['data']): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) yield data
  else yield* data
}

/** The last 32 KB of everything deflated so far (copied: callers may reuse their buffers). */
function tail(previous: Uint8Array | undefined, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= WINDOW || !previous) return chunk.slice(-WINDOW)
  return concat([previous, chunk]).slice(-WINDOW)
}

function localHeader(name: Uint8Array, time: number, date: number): Uint8Array {
  const b = new Uint8Array(30 + name.length)
  const v = new DataView(b.buffer)
  v.setUint32(0, 0x04034b50, true)
  v.setUint16(4, VERSION, true)
  v.setUint16(6, FLAGS, true)
  v.setUint16(8, METHOD_DEFLATE, true)
  v.setUint16(10, time, true)
  v.setUint16(12, date, true)
  // CRC, sizes and extra-field length stay 0: the sizes come in the data descriptor.
  v.setUint16(26, name.length, true)
  b.set(name, 30)
  return b
}

function dataDescriptor(w: Written): Uint8Array {
  const b = new Uint8Array(16)
  const v = new DataView(b.buffer)
  v.setUint32(0, 0x08074b50, true) // optional by the spec, expected by several readers
  v.setUint32(4, w.crc, true)
  v.setUint32(8, w.compressedSize, true)
  v.setUint32(12, w.size, true)
  return b
}

function centralHeader(w: Written, time: number, date: number): Uint8Array {
  const b = new Uint8Array(46 + w.name.length)
  const v = new DataView(b.buffer)
  v.setUint32(0, 0x02014b50, true)
  v.setUint16(4, VERSION, true) // made by: MS-DOS host, so no Unix permissions are implied
  v.setUint16(6, VERSION, true)
  v.setUint16(8, FLAGS, true)
  v.setUint16(10, METHOD_DEFLATE, true)
  v.setUint16(12, time, true)
  v.setUint16(14, date, true)
  v.setUint32(16, w.crc, true)
  v.setUint32(20, w.compressedSize, true)
  v.setUint32(24, w.size, true)
  v.setUint16(28, w.name.length, true)
  // Extra and comment lengths, disk number, internal and external attributes: 0.
  v.setUint32(42, w.offset, true)
  b.set(w.name, 46)
  return b
}

function endOfCentralDirectory(count: number, size: number, offset: number): Uint8Array {
  const b = new Uint8Array(22)
  const v = new DataView(b.buffer)
  v.setUint32(0, 0x06054b50, true)
  v.setUint16(8, count, true)
  v.setUint16(10, count, true)
  v.setUint32(12, size, true)
  v.setUint32(16, offset, true)
  return b
}

/** DOS date and time: local, two-second resolution, years 1980–2107 (clamped). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = d.getFullYear()
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 }
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 }
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
