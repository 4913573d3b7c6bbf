import { describe, expect, it } from 'vitest'
import { keyedHash } from './secrets'
import { deviceMarkerCookie, networkPrefix, newDeviceMarker, readDeviceMarker, senderHashes } from './markers'

const secret = Buffer.alloc(32, 7)

describe('device markers', () => {
  it('accepts our own markers and refuses forged ones', () => {
    const marker = newDeviceMarker(secret)
    expect(readDeviceMarker(secret, marker)).toBe(marker.split('.')[0])
    expect(readDeviceMarker(secret, marker.slice(0, -1) + (marker.endsWith('A') ? 'B' : 'A'))).toBeNull()
    expect(readDeviceMarker(Buffer.alloc(32, 8), marker)).toBeNull()
    expect(readDeviceMarker(secret, 'garbage')).toBeNull()
    expect(readDeviceMarker(secret, undefined)).toBeNull()
  })

  it('stores the same device hash whether or not the marker was read first', () => {
    const marker = newDeviceMarker(Buffer.alloc(32, 9))
    const id = marker.split('.')[0]!
    const unread = senderHashes(Buffer.alloc(32, 3), 'another-device-id', 'unknown').deviceHash
    expect(unread).toBe(keyedHash(Buffer.alloc(32, 3), 'device', 'another-device-id'))
    expect(readDeviceMarker(Buffer.alloc(32, 9), marker)).toBe(id)
    expect(senderHashes(Buffer.alloc(32, 9), id, 'unknown').deviceHash).toBe(keyedHash(Buffer.alloc(32, 9), 'device', id))
  })

  it('keeps only hashes of the sender, with one prefix for a shared network', () => {
    const a = senderHashes(secret, 'dev1', '203.0.113.10')
    const b = senderHashes(secret, 'dev2', '203.0.113.99')
    expect(a.netHash).toBe(b.netHash)
    expect(a.ipHash).not.toBe(b.ipHash)
    expect(JSON.stringify(a)).not.toContain('203.0.113')
    expect(networkPrefix('2001:db8:1:2::5')).toBe('2001:db8:1')
    expect(networkPrefix('::ffff:198.51.100.4')).toBe('198.51.100')
  })

  it('finds the marker cookie among others, and only a cookie of exactly that name', () => {
    expect(deviceMarkerCookie('manyi_device=abc.def')).toBe('abc.def')
    expect(deviceMarkerCookie('theme=dark; manyi_device=abc.def; lang=en')).toBe('abc.def')
    expect(deviceMarkerCookie('theme=dark;manyi_device= abc.def ')).toBe('abc.def')
    expect(deviceMarkerCookie('x_manyi_device=evil; manyi_device=abc.def')).toBe('abc.def')
    expect(deviceMarkerCookie('x_manyi_device=evil')).toBeUndefined()
    expect(deviceMarkerCookie('manyi_device=first; manyi_device=second')).toBe('first')
    expect(deviceMarkerCookie('manyi_session=s')).toBeUndefined()
    expect(deviceMarkerCookie(undefined)).toBeUndefined()
    expect(deviceMarkerCookie('')).toBeUndefined()
  })
})
