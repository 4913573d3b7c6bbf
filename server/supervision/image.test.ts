import { describe, expect, it } from 'vitest'
import { EXECUTABLE, GPS_MARK, JPEG, WEBP, jpegWithGps, png, webpWithGps } from './image-fixtures'
import { cleanImage, exifOrientation, sniffImage } from './image'

const text = (b: Uint8Array) => Buffer.from(b).toString('latin1')

describe('photo checks', () => {
  it('tells the type by content, whatever the file was called', () => {
    expect(sniffImage(JPEG)).toBe('image/jpeg')
    expect(sniffImage(png())).toBe('image/png')
    expect(sniffImage(WEBP)).toBe('image/webp')
    expect(cleanImage(EXECUTABLE)).toEqual({ ok: false, problem: 'photo_type' })
    expect(cleanImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ ok: false, problem: 'photo_type' })
  })

  it('removes EXIF (with its GPS position) and comments from a JPEG, keeping the picture and its orientation', () => {
    const input = jpegWithGps(6)
    expect(text(input)).toContain(GPS_MARK)
    const result = cleanImage(input)
    if (!result.ok) throw new Error(result.problem)
    expect(text(result.bytes)).not.toContain('GPS')
    // The picture itself (everything from the quantisation tables on) is byte for byte the same.
    const dqt = JPEG.indexOf(Buffer.from([0xff, 0xdb]))
    expect(Buffer.from(result.bytes).includes(JPEG.subarray(dqt))).toBe(true)
    // Still upright: the orientation survives as a minimal EXIF.
    const app1 = Buffer.from(result.bytes).indexOf(Buffer.from([0xff, 0xe1]))
    expect(exifOrientation(result.bytes.subarray(app1 + 4))).toBe(6)
    // A clean photo passes through unchanged.
    const clean = cleanImage(JPEG)
    expect(clean.ok && Buffer.from(clean.bytes).equals(JPEG)).toBe(true)
  })

  it('removes text and EXIF chunks from a PNG and keeps every chunk CRC valid', () => {
    const result = cleanImage(png(true))
    if (!result.ok) throw new Error(result.problem)
    expect(text(result.bytes)).not.toContain('GPS')
    expect(Buffer.from(result.bytes).equals(png(false))).toBe(true)
  })

  it('removes the EXIF chunk of a WebP and clears its flag', () => {
    const result = cleanImage(webpWithGps())
    if (!result.ok) throw new Error(result.problem)
    expect(text(result.bytes)).not.toContain('GPS')
    expect(result.bytes[20]! & 0x08).toBe(0)
    expect(Buffer.from(result.bytes).equals(WEBP)).toBe(true)
  })

  it('refuses damaged images', () => {
    expect(cleanImage(JPEG.subarray(0, JPEG.length - 40))).toEqual({ ok: false, problem: 'photo_corrupt' })
    const badCrc = png()
    badCrc[30] = badCrc[30]! ^ 0xff
    expect(cleanImage(badCrc)).toEqual({ ok: false, problem: 'photo_corrupt' })
    expect(cleanImage(png().subarray(0, 40))).toEqual({ ok: false, problem: 'photo_corrupt' })
    expect(cleanImage(WEBP.subarray(0, 60))).toEqual({ ok: false, problem: 'photo_corrupt' })
  })
})
