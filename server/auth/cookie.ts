import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { isHttps } from '../http/client'
import { SESSION_COOKIE } from './sessions'

const attributes = (c: Context<AppEnv>) => ({ path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: isHttps(c) })

export const readSessionCookie = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE)

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, { ...attributes(c), expires: expiresAt, maxAge: Math.max(0, Math.floor((expiresAt.getTime() - c.get('deps').now().getTime()) / 1000)) })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, attributes(c))
}
