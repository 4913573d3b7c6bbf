import { createRoute } from '@hono/zod-openapi'
import { ChangePasswordBody, LoginBody, Me } from '../../shared/schemas/auth'
import { Ok } from '../../shared/schemas/common'
import { actorOf } from '../access/actor'
import { AppError } from '../http/errors'
import { createRouter, errors, json, jsonBody, PUBLIC } from '../http/openapi'
import { clientAddress } from '../http/client'
import { getUser, setPassword } from '../users/service'
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './cookie'
import { DUMMY_HASH, verifyPassword } from './password'
import { createSession, invalidateSession } from './sessions'
import { accountKey, clientKey, lockedFor, recordFailure, recordSuccess } from './throttle'

const tags = ['auth']

const login = createRoute({
  method: 'post',
  path: '/login',
  tags,
  summary: 'Sign in with user name and password; sets the session cookie',
  ...PUBLIC,
  request: { body: jsonBody(LoginBody) },
  responses: { 200: json(Me, 'Signed in'), ...errors(400, 401, 403, 429) },
})

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags,
  summary: 'Sign out; ends this session',
  ...PUBLIC,
  responses: { 200: json(Ok, 'Signed out'), ...errors(403) },
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in user',
  responses: { 200: json(Me, 'The signed-in user'), ...errors(401) },
})

const changePassword = createRoute({
  method: 'post',
  path: '/password',
  tags,
  summary: 'Change one’s own password; other sessions end',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 200: json(Ok, 'Changed'), ...errors(400, 401, 403) },
})

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { db, now } = c.get('deps')
    const { username, password } = c.req.valid('json')
    const address = clientAddress(c)
    const wait = await lockedFor(db, [accountKey(username), clientKey(address)], now())
    if (wait > 0) throw new AppError(429, 'too_many_attempts', { seconds: wait }, { retryAfter: wait }, { 'Retry-After': String(wait) })
    const user = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst()
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)
    if (!user || !valid) {
      await recordFailure(db, username, address, now())
      throw new AppError(401, 'invalid_credentials')
    }
    if (user.active !== 1) throw new AppError(403, 'account_disabled')
    await recordSuccess(db, username)
    const session = await createSession(db, user.id, now())
    await db.updateTable('users').set({ last_login_at: now().toISOString() }).where('id', '=', user.id).execute()
    setSessionCookie(c, session.token, session.expiresAt)
    c.get('log').info('login', { reqId: c.get('requestId'), userId: user.id })
    return c.json({ user: await getUser(db, user.id) }, 200)
  })
  .openapi(logout, async (c) => {
    const token = readSessionCookie(c)
    if (token) await invalidateSession(c.get('deps').db, token)
    clearSessionCookie(c)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(me, async (c) => {
    const actor = actorOf(c)
    return c.json({ user: await getUser(c.get('deps').db, actor.id) }, 200)
  })
  .openapi(changePassword, async (c) => {
    const actor = actorOf(c)
    const { db, now } = c.get('deps')
    const { currentPassword, newPassword } = c.req.valid('json')
    const row = await db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow()
    if (!(await verifyPassword(currentPassword, row.password_hash))) {
      throw new AppError(400, 'wrong_current_password', undefined, { fields: [{ path: 'currentPassword', code: 'wrong_current_password' }] })
    }
    await setPassword(db, actor.id, newPassword, false, now(), readSessionCookie(c))
    return c.json({ ok: true as const }, 200)
  })
