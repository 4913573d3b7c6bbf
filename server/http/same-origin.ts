import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { AppError } from './errors'
import { requestOrigin } from './client'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site. Hono's csrf middleware only looks at
 * form posts; this checks every method and content type. Counter systems that call with a unit API key and no
 * cookie are not browsers and pass.
 */
export function sameOrigin(cookieName: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    const fetchSite = c.req.header('sec-fetch-site')
    const allowed = new Set([requestOrigin(c), new URL(c.get('deps').config.PUBLIC_URL).origin])
    let ok: boolean
    if (origin !== undefined) ok = allowed.has(origin)
    else if (fetchSite !== undefined) ok = fetchSite === 'same-origin'
    else ok = !getCookie(c, cookieName) && c.req.header('authorization') !== undefined
    if (!ok) throw new AppError(403, 'cross_origin_refused')
    return next()
  }
}
