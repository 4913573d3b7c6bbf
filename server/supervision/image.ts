/**
 * Photo checks without an image library: the type is judged by the bytes (never the name or the declared type), the
 * structure is walked to the end (a damaged or truncated file is refused), and everything but the picture is dropped —
 * EXIF (with GPS), XMP, comments and text chunks — so that no location leaves the phone through us.
 */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp'

export type ImageCheck = { ok: true; type: ImageType; bytes: Uint8Array } | { ok: false; problem: 'photo_type' | 'photo_corrupt' }

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v)
const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n))

export function sniffImage(b: Uint8Array): ImageType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'image/webp'
  return null
}

/** Checks a photo and returns it without metadata, or why it is refused. */
export function cleanImage(b: Uint8Array): ImageCheck {
  const type = sniffImage(b)
  if (!type) return { ok: false, problem: 'photo_type' }
  const bytes = type === 'image/jpeg' ? cleanJpeg(b) : type === 'image/png' ? cleanPng(b) : cleanWebp(b)
  return bytes ? { ok: true, type, bytes } : { ok: false, problem: 'photo_corrupt' }
}

/**
 * JPEG: keeps the frame, tables, JFIF (APP0), the colour profile (APP2) and Adobe (APP14) segments and the scan; drops
 * EXIF and XMP (APP1), IPTC (APP13), other APPn and comments — but keeps the EXIF orientation, written back as a
 * minimal EXIF of that one tag, so that phone photos still show upright.
 */
function cleanJpeg(b: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [b.subarray(0, 2)]
  let i = 2
  let frame = false
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    const length = (b[i + 2]! << 8) | b[i + 3]!
    if (length < 2 || i + 2 + length > b.length) return null
    const segment = b.subarray(i, i + 2 + length)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true
    if (marker === 0xda) {
      // Start of scan: the entropy-coded data runs to the end-of-image marker.
      if (!frame) return null
      const eoi = lastIndexOfEoi(b)
      if (eoi < i + 2 + length) return null
      out.push(b.subarray(i, eoi + 2))
      return concat(out)
    }
    const isApp = marker >= 0xe0 && marker <= 0xef
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xe2 && marker !== 0xee) && marker !== 0xfe
    if (keep) out.push(segment)
    if (marker === 0xe1) {
      const orientation = exifOrientation(segment.subarray(4))
      if (orientation !== null && orientation !== 1) out.push(orientationSegment(orientation))
    }
    i += 2 + length
  }
  return null
}

/** The Orientation tag (0x0112) of an EXIF block ("Exif\0\0" + TIFF), or null. */
export function exifOrientation(app1: Uint8Array): number | null {
  if (app1.length < 14 || ascii(app1, 0, 6) !== 'Exif\0\0') return null
  const tiff = app1.subarray(6)
  const little = ascii(tiff, 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!)
  const u32le = (at: number) => (little ? (tiff[at]! | (tiff[at + 1]! << 8) | (tiff[at + 2]! << 16) | (tiff[at + 3]! << 24)) >>> 0 : u32(tiff, at))
  const ifd = u32le(4)
  if (ifd + 2 > tiff.length) return null
  const entries = u16(ifd)
  for (let e = 0; e < entries; e++) {
    const at = ifd + 2 + e * 12
    if (at + 12 > tiff.length) return null
    if (u16(at) === 0x0112) {
      const value = u16(at + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

/** An APP1 segment holding nothing but an EXIF orientation. */
function orientationSegment(orientation: number): Uint8Array {
  // "Exif\0\0", big-endian TIFF header, IFD0 with one SHORT entry, no next IFD.
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
  const length = body.length + 2
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...body])
}

function lastIndexOfEoi(b: Uint8Array) {
  for (let i = b.length - 2; i >= 0; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return i
  return -1
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()
function crc32(b: Uint8Array) {
  let c = 0xffffffff
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0

/** PNG: every chunk's CRC checked; text, EXIF and time chunks dropped; must run IHDR … IDAT … IEND. */
function cleanPng(b: Uint8Array): Uint8Array | null {
  const DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']) // the colour profile (iCCP) stays
  const out: Uint8Array[] = [b.subarray(0, 8)]
  let i = 8
  let seenHeader = false
  let seenData = false
  while (i + 12 <= b.length) {
    const length = u32(b, i)
    const type = ascii(b, i + 4, 4)
    if (i + 12 + length > b.length) return null
    if (crc32(b.subarray(i + 4, i + 8 + length)) !== u32(b, i + 8 + length)) return null
    if (!seenHeader && type !== 'IHDR') return null
    seenHeader = true
    if (type === 'IDAT') seenData = true
    if (!DROP.has(type)) out.push(b.subarray(i, i + 12 + length))
    i += 12 + length
    if (type === 'IEND') return seenData ? concat(out) : null
  }
  return null
}

/** WebP: RIFF chunks walked; EXIF and XMP dropped (and their flags cleared in VP8X); must hold image data. */
function cleanWebp(b: Uint8Array): Uint8Array | null {
  const le32 = (at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
  const declared = le32(4) + 8
  if (declared > b.length || declared < 20) return null
  const chunks: Uint8Array[] = []
  let i = 12
  let image = false
  while (i + 8 <= declared) {
    const type = ascii(b, i, 4)
    const size = le32(i + 4)
    const end = i + 8 + size + (size & 1)
    if (i + 8 + size > declared) return null
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANIM') image = true
    if (type === 'VP8X') {
      const copy = b.slice(i, i + 8 + size + (size & 1))
      copy[8] = copy[8]! & ~0x0c // clear the EXIF (0x08) and XMP (0x04) flags
      chunks.push(copy)
    } else if (type !== 'EXIF' && type !== 'XMP ') chunks.push(b.subarray(i, Math.min(end, declared)))
    i = end
  }
  if (!image) return null
  const body = concat(chunks)
  const header = new Uint8Array(12)
  header.set(b.subarray(0, 12))
  const size = body.length + 4
  header[4] = size & 0xff
  header[5] = (size >> 8) & 0xff
  header[6] = (size >> 16) & 0xff
  header[7] = (size >>> 24) & 0xff
  return concat([header, body])
}

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
