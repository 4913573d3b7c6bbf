import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { keyedHash } from './secrets'

/** The cookie holding a browser's device marker: random, signed, no fingerprinting. */
export const DEVICE_COOKIE = 'manyi_device'
export const DEVICE_MAX_AGE_S = 400 * 24 * 60 * 60

const sign = (secret: Buffer, id: string) => createHmac('sha256', secret).update(`device:${id}`).digest('base64url').slice(0, 22)

/** A new device marker: 128 random bits and their signature. */
export function newDeviceMarker(secret: Buffer): string {
  const id = randomBytes(16).toString('base64url')
  return `${id}.${sign(secret, id)}`
}

/** The marker's id when its signature is ours, else null (a forged or damaged cookie counts as no marker). */
export function readDeviceMarker(secret: Buffer, marker: string | undefined): string | null {
  if (!marker) return null
  const [id, sig] = marker.split('.')
  if (!id || !sig || id.length !== 22) return null
  const expected = Buffer.from(sign(secret, id))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}

/** What a response keeps of its sender: keyed hashes of the device, the address and its network prefix. */
export function senderHashes(secret: Buffer, deviceId: string | null, address: string) {
  return {
    deviceHash: deviceId ? keyedHash(secret, 'device', deviceId) : null,
    ipHash: address === 'unknown' ? null : keyedHash(secret, 'ip', address, 16),
    netHash: address === 'unknown' ? null : keyedHash(secret, 'net', networkPrefix(address), 16),
  }
}

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
