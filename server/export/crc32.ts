// The reflected CRC-32 of zip and gzip (polynomial 0xEDB88320), one table lookup per byte.
const TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

/**
 * The CRC-32 of `data`, continuing from `previous` (the CRC of everything before it), so that a stream can be
 * checksummed a chunk at a time: crc32(b, crc32(a)) === crc32(a + b).
 */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}
