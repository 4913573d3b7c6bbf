/** Test pictures for the photo checks (used by tests only). */
import { PNG } from 'pngjs'

/** A 16×12 JPEG as Chromium encodes it (JFIF, ICC profile, one scan), and the same picture as WebP (VP8X + ICCP + VP8). */
export const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAkEAAABAUDBQAAAAAAAAAAAAABBBESAAIDExUFBjEHFCFSkf/EABUBAQEAAAAAAAAAAAAAAAAAAAIG/8QAHREAAQIHAAAAAAAAAAAAAAAAAAMTEhQhIlGB0f/aAAwDAQACEQMRAD8Asemu0yO6MjkKpmn21tliaUFc5VWUfUIdStpkdr47H1TNTubj780oo1qIkoewxKENSPae/HnTJW4j7FWaRycKg+eR+wP6ke1BmQOmTVtWX6s07V5RR8cB8gEI+hLNwX53yh//2Q==', 'base64')
export const WEBP = Buffer.from('UklGRkICAABXRUJQVlA4WAoAAAAgAAAADwAACwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggVAAAANABAJ0BKhAADAABQCYlsAACntblGrEAAPnrzj/4p+nne/2rN+bt/dr6ed6JKT+///5uPPRr/SUf/DY4d/0PDjT/mUf/L7Bp//NJC4uY/dFVIVwAAA==', 'base64')

/** What a phone puts in: a GPS position, as text we can search for afterwards. */
export const GPS_MARK = 'GPSLatitude 39.9042N GPSLongitude 116.4074E'

/** An EXIF block (big-endian TIFF) with an orientation tag and a GPS IFD pointer, followed by the GPS text. */
export function exifBlock(orientation = 6): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4)
  tiff.write('MM', 0, 'latin1')
  tiff.writeUInt16BE(42, 2)
  tiff.writeUInt32BE(8, 4)
  tiff.writeUInt16BE(2, 8)
  // Orientation (SHORT, 1 value).
  tiff.writeUInt16BE(0x0112, 10)
  tiff.writeUInt16BE(3, 12)
  tiff.writeUInt32BE(1, 14)
  tiff.writeUInt16BE(orientation, 18)
  // GPSInfo IFD pointer (LONG), pointing past the IFD at the GPS text.
  tiff.writeUInt16BE(0x8825, 22)
  tiff.writeUInt16BE(4, 24)
  tiff.writeUInt32BE(1, 26)
  tiff.writeUInt32BE(tiff.length, 30)
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, Buffer.from(GPS_MARK, 'latin1')])
}

/** The JPEG with an APP1 EXIF segment (orientation + GPS) and a comment right after SOI. */
export function jpegWithGps(orientation = 6): Buffer {
  const exif = exifBlock(orientation)
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif])
  const comment = Buffer.from('taken at ' + GPS_MARK, 'latin1')
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]), comment])
  return Buffer.concat([JPEG.subarray(0, 2), app1, com, JPEG.subarray(2)])
}

/** A small PNG, with a tEXt and an eXIf chunk carrying the GPS text when asked. */
export function png(withGps = false): Buffer {
  const image = new PNG({ width: 8, height: 6 })
  image.data.fill(200)
  const plain = PNG.sync.write(image)
  if (!withGps) return plain
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  // After the signature (8) and IHDR (25 bytes).
  const at = 8 + 25
  return Buffer.concat([plain.subarray(0, at), chunk('tEXt', Buffer.from('Location\0' + GPS_MARK, 'latin1')), chunk('eXIf', exifBlock().subarray(6)), plain.subarray(at)])
}

/** The WebP with an EXIF chunk (and its VP8X flag set). */
export function webpWithGps(): Buffer {
  const exif = exifBlock().subarray(6)
  const head = Buffer.alloc(8)
  head.write('EXIF', 0, 'latin1')
  head.writeUInt32LE(exif.length, 4)
  const chunk = Buffer.concat([head, exif, exif.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
  const out = Buffer.concat([WEBP, chunk])
  out.writeUInt32LE(out.length - 8, 4)
  out[20] = out[20]! | 0x08 // VP8X flags: EXIF present
  return out
}

function crc32(b: Buffer) {
  let c = 0xffffffff
  for (const byte of b) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
}

/** The start of a Linux executable, as a file renamed to photo.jpg would send it. */
export const EXECUTABLE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 0x90)])
