import { randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readZip } from './xlsx-read'
import { zipStream, type ZipEntry } from './zip-stream'

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const text = (s: string) => new TextEncoder().encode(s)

async function* chunksOf(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

describe('zipStream', () => {
  it('writes an archive whose directory lists each file with the CRC and sizes of its data', async () => {
    const random = randomBytes(300_000) // incompressible: deflate output larger than 64 KB per chunk
    const repeated = text('窗口 A-01 综合受理;'.repeat(20_000)) // back-references across chunk boundaries
    const entries: ZipEntry[] = [
      { name: 'a.txt', data: text('hello') },
      { name: 'empty.bin', data: new Uint8Array(0) },
      { name: '目录/数据.bin', data: chunksOf(random, 70_000) },
      { name: 'x/repeated.txt', data: chunksOf(repeated, 50_000) },
      { name: 'sync.txt', data: [text('one '), new Uint8Array(0), text('two')] },
    ]
    const bytes = await collect(zipStream(entries))
    const files = readZip(bytes) // throws if a CRC or size disagrees with the data
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'empty.bin', '目录/数据.bin', 'x/repeated.txt', 'sync.txt'])
    expect(Buffer.from(files[0]!.data).toString()).toBe('hello')
    expect(files[1]!.data.length).toBe(0)
    expect(files[1]!.crc).toBe(0)
    expect(Buffer.from(files[2]!.data).equals(random)).toBe(true)
    expect(files[2]!.crc).toBe(zlib.crc32(random))
    expect(files[2]!.size).toBe(random.length)
    expect(Buffer.from(files[3]!.data).equals(repeated)).toBe(true)
    // The dictionary carries over between chunks: repetitive text compresses as if deflated in one piece.
    expect(files[3]!.compressedSize).toBeLessThan(repeated.length / 100)
    expect(Buffer.from(files[4]!.data).toString()).toBe('one two')
    for (const f of files) {
      expect(f.method).toBe(8)
      expect(f.flags).toBe(0x0808) // data descriptor + UTF-8 names
    }
  })

  it('leaves CRC and sizes out of the local header and puts them in a signed data descriptor after the data', async () => {
    const bytes = await collect(zipStream([{ name: 'a.txt', data: text('abc') }]))
    const v = new DataView(bytes.buffer)
    expect(v.getUint32(0, true)).toBe(0x04034b50)
    expect([v.getUint32(14, true), v.getUint32(18, true), v.getUint32(22, true)]).toEqual([0, 0, 0])
    const [file] = readZip(bytes)
    const descriptor = 30 + 'a.txt'.length + file!.compressedSize
    expect(v.getUint32(descriptor, true)).toBe(0x08074b50)
    expect(v.getUint32(descriptor + 4, true)).toBe(zlib.crc32('abc'))
    expect(v.getUint32(descriptor + 12, true)).toBe(3)
  })

  it('records the given modification time as a DOS date and time', async () => {
    const bytes = await collect(zipStream([{ name: 'a', data: text('a') }], { modified: new Date(2024, 4, 17, 13, 45, 31) }))
    const v = new DataView(bytes.buffer)
    const time = v.getUint16(10, true)
    const date = v.getUint16(12, true)
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([13, 45, 30])
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2024, 5, 17])
  })

  it('reads an entry only when the consumer gets to it', async () => {
    let started = false
    async function* late(): AsyncGenerator<Uint8Array> {
      started = true
      yield text('late')
    }
    const reader = zipStream([{ name: 'first', data: text('1') }, { name: 'second', data: late() }]).getReader()
    await reader.read() // the first local header
    expect(started).toBe(false)
    for (let r = await reader.read(); !r.done; r = await reader.read());
    expect(started).toBe(true)
  })

  it('errors the stream when an entry cannot be read', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield text('part')
      throw new Error('cursor lost')
    }
    await expect(collect(zipStream([{ name: 'a', data: failing() }]))).rejects.toThrow('cursor lost')
  })
})
