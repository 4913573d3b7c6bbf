import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AppEnv } from '../env'

/** The client's address: the first X-Forwarded-For hop behind a trusted proxy, else the socket's. Never log it. */
export function clientAddress(c: Context<AppEnv>): string {
  return addressOf(c.get('deps').config.TRUST_PROXY, c.req.header('x-forwarded-for'), () => {
    try {
      return getConnInfo(c).remote.address
    } catch {
      return undefined // app.request() in tests has no socket
    }
  })
}

/** The same from the raw parts (for the submit fast path, which has no Hono context). */
export function addressOf(trustProxy: boolean, forwardedFor: string | undefined, socketAddress: () => string | undefined): string {
  if (trustProxy) {
    const forwarded = forwardedFor?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  return socketAddress() ?? 'unknown'
}

/** The origin this request was addressed to (scheme and host), as the browser saw it. */
export function requestOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url)
  if (c.get('deps').config.TRUST_PROXY) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`
  }
  return url.origin
}

/** True when the browser reached us over HTTPS (directly or through a trusted proxy). */
export const isHttps = (c: Context<AppEnv>) => requestOrigin(c).startsWith('https:')
