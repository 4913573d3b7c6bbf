import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { keyedHash } from './secrets'

/** The cookie holding a browser's device marker: random, signed, no fingerprinting. */
export const DEVICE_COOKIE = 'manyi_device'
export const DEVICE_MAX_AGE_S = 400 * 24 * 60 * 60
const DEVICE_PAIR = `${DEVICE_COOKIE}=`

/**
 * The device marker cookie's value in a Cookie header, or undefined: the first `manyi_device=` that starts a cookie
 * (at the start of the header or after a semicolon), not the tail of another cookie's name. A marker is base64url text
 * and a dot, so no quoting or percent-decoding applies; anything else there fails readDeviceMarker's check anyway.
 * Read on every submission, so it looks for the one name instead of parsing every cookie.
 */
export function deviceMarkerCookie(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (let at = header.indexOf(DEVICE_PAIR); at !== -1; at = header.indexOf(DEVICE_PAIR, at + 1)) {
    let before = at - 1
    while (before >= 0 && (header[before] === ' ' || header[before] === '\t')) before--
    if (before >= 0 && header[before] !== ';') continue
    const end = header.indexOf(';', at)
    return header.slice(at + DEVICE_PAIR.length, end === -1 ? header.length : end).trim()
  }
  return undefined
}

/**
 * The MAC of a device id. Its first 22 base64url characters sign the marker, and its first 32 hex characters are the
 * device hash stored with responses (`keyedHash(secret, 'device', id)`: the same input), so one HMAC gives both.
 */
const deviceMac = (secret: Buffer, id: string) => createHmac('sha256', secret).update(`device:${id}`).digest()
const signatureOf = (mac: Buffer) => mac.toString('base64url').slice(0, 22)
const deviceHashOf = (mac: Buffer) => mac.toString('hex', 0, 16)

/** A new device marker: 128 random bits and their signature. */
export function newDeviceMarker(secret: Buffer): string {
  const id = randomBytes(16).toString('base64url')
  return `${id}.${signatureOf(deviceMac(secret, id))}`
}

/**
 * Recent results of the HMACs on the submit path, per secret and kind: a phone submits and resends with the same marker,
 * and a service hall's citizens share a network prefix. One bounded map per kind (emptied when full), so that a stream
 * of new values, each seen once, never pushes out the ones that repeat. Single addresses are not kept: phones on mobile
 * networks rarely repeat one, and a map of one-off entries cost more in garbage collection than the HMACs it saved
 * (docs/performance.md).
 */
type Kind = 'marker' | 'device' | 'net'
const memos = new WeakMap<Buffer, Record<Kind, Map<string, string | null>>>()
const MEMO_MAX = 20_000
function memo(secret: Buffer, kind: Kind, key: string, compute: () => string | null): string | null {
  let maps = memos.get(secret)
  if (!maps) memos.set(secret, (maps = { marker: new Map(), device: new Map(), net: new Map() }))
  const map = maps[kind]
  const hit = map.get(key)
  if (hit !== undefined) return hit
  const value = compute()
  if (map.size >= MEMO_MAX) map.clear()
  map.set(key, value)
  return value
}

/** The marker's id when its signature is ours, else null (a forged or damaged cookie counts as no marker). */
export function readDeviceMarker(secret: Buffer, marker: string | undefined): string | null {
  if (!marker || marker.length > 64) return null
  return memo(secret, 'marker', marker, () => {
    const [id, sig] = marker.split('.')
    if (!id || !sig || id.length !== 22) return null
    const mac = deviceMac(secret, id)
    const expected = Buffer.from(signatureOf(mac))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    // The submission that follows asks for this device's hash: it is the same MAC (see deviceMac).
    memo(secret, 'device', id, () => deviceHashOf(mac))
    return id
  })
}

/** What a response keeps of its sender: keyed hashes of the device, the address and its network prefix. */
export function senderHashes(secret: Buffer, deviceId: string | null, address: string) {
  return {
    deviceHash: deviceId ? memo(secret, 'device', deviceId, () => deviceHashOf(deviceMac(secret, deviceId))) : null,
    ipHash: address === 'unknown' ? null : keyedHash(secret, 'ip', address, 16),
    netHash: address === 'unknown' ? null : netHash(secret, networkPrefix(address)),
  }
}

/** Remembered per prefix: the many addresses of one network share it. */
const netHash = (secret: Buffer, prefix: string) => memo(secret, 'net', prefix, () => keyedHash(secret, 'net', prefix, 16))

/** The /24 of an IPv4 address or the /48 of an IPv6 one: a shared hall network looks like one prefix. */
export function networkPrefix(address: string): string {
  const v4 = address.replace(/^::ffff:/, '')
  if (isIP(v4) === 4) return v4.split('.').slice(0, 3).join('.')
  if (isIP(address) === 6) return expandV6(address).slice(0, 3).join(':')
  return address
}

function expandV6(address: string): string[] {
  const [head, tail = ''] = address.split('::')
  const a = head ? head.split(':') : []
  const b = tail ? tail.split(':') : []
  return [...a, ...Array(8 - a.length - b.length).fill('0'), ...b]
}
