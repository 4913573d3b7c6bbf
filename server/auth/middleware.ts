import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookie'
import { validateSession } from './sessions'

/** Puts the signed-in actor (or null) on the context; renews the cookie when the session slid. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', null)
  c.set('sessionProblem', null)
  const token = readSessionCookie(c)
  if (token) {
    const { db, now } = c.get('deps')
    const check = await validateSession(db, token, now())
    if (check.status === 'valid') {
      c.set('actor', check.actor)
      if (check.renewed) setSessionCookie(c, token, check.expiresAt)
    } else {
      if (check.status === 'expired') c.set('sessionProblem', 'session_expired')
      clearSessionCookie(c)
    }
  }
  return next()
}
