import { randomBytes } from 'node:crypto'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32 } from './crc32'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('crc32', () => {
  it('gives the published check values', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array(0))).toBe(0)
    expect(crc32(bytes('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339)
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad)
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b)
  })

  it('continues across chunks to the CRC of the whole', () => {
    const data = randomBytes(100_000)
    let running = 0
    for (let at = 0; at < data.length; at += 7_777) running = crc32(data.subarray(at, at + 7_777), running)
    expect(running).toBe(crc32(data))
    // zlib's own implementation as an independent oracle (present in Node ≥ 20.15).
    expect(running).toBe(zlib.crc32(data))
  })

  it('checksums multi-byte UTF-8 text as bytes', () => {
    const text = bytes('满意度调查 — 窗口 A-01')
    expect(crc32(text)).toBe(zlib.crc32(text))
  })
})
