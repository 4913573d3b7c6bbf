import { beforeAll, describe, expect, it } from 'vitest'
import { sessionIdOf, SESSION_IDLE_MS } from '../../server/auth/sessions'
import { PASSWORD, sessionCookieOf, useHarness } from '../support/harness'

const h = useHarness()
beforeAll(async () => {
  await h().createUser('admin', 'admin')
  await h().createUser('clerk', 'viewer')
  await h().createUser('target', 'viewer')
})

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  h().request('POST', '/api/auth/login', { body: { username, password }, headers })

describe('sign-in and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and stores only the token hash', async () => {
    const res = await login('clerk', PASSWORD)
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Path=\//)
    expect(setCookie).not.toMatch(/Secure/) // plain http on localhost
    const token = /manyi_session=([^;]+)/.exec(setCookie)![1]!
    expect(token.length).toBeGreaterThanOrEqual(24) // 160 random bits
    const rows = await h().db.selectFrom('sessions').selectAll().execute()
    expect(rows.some((r) => r.id === token)).toBe(false)
    expect(rows.some((r) => r.id === sessionIdOf(token))).toBe(true)
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const res = await login('clerk', PASSWORD, { 'X-Forwarded-Proto': 'https', Origin: 'https://localhost' })
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await login('clerk', 'not-the-password-1')
    const unknown = await login('nobody', 'not-the-password-1')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message)
  })

  it('renews an active session at most once an hour and refuses it after 12 idle hours', async () => {
    const cookie = sessionCookieOf(await login('clerk', PASSWORD))!
    h().advance(30 * 60 * 1000)
    const early = await h().request('GET', '/api/auth/me', { cookie })
    expect(early.status).toBe(200)
    expect(early.headers.get('set-cookie')).toBeNull() // not renewed within the hour
    h().advance(40 * 60 * 1000)
    const renewed = await h().request('GET', '/api/auth/me', { cookie })
    expect(renewed.status).toBe(200)
    expect(renewed.headers.get('set-cookie')).toMatch(/manyi_session=.+Max-Age=43200/)
    h().advance(SESSION_IDLE_MS - 60_000)
    expect((await h().request('GET', '/api/auth/me', { cookie })).status).toBe(200) // the renewal kept it alive
    h().advance(SESSION_IDLE_MS + 1000)
    const expired = await h().request('GET', '/api/auth/me', { cookie })
    expect(expired.status).toBe(401)
    expect((await expired.json()).error.code).toBe('session_expired')
  })

  it('ends the session on sign-out', async () => {
    const cookie = sessionCookieOf(await login('clerk', PASSWORD))!
    expect((await h().request('POST', '/api/auth/logout', { cookie })).status).toBe(200)
    expect((await h().request('GET', '/api/auth/me', { cookie })).status).toBe(401)
  })

  it('locks an account after repeated wrong passwords with 429 and Retry-After, then lets the right password in', async () => {
    for (let i = 0; i < 5; i++) expect((await login('target', `wrong-password-${i}`)).status).toBe(401)
    const locked = await login('target', PASSWORD)
    expect(locked.status).toBe(429)
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect((await locked.json()).error.code).toBe('too_many_attempts')
    // Another account from another address is not affected.
    expect((await login('clerk', PASSWORD, { 'X-Forwarded-For': '203.0.113.9' })).status).toBe(200)
    h().advance(retryAfter * 1000 + 1)
    expect((await login('target', PASSWORD)).status).toBe(200)
  })

  it('counts simultaneous failures without an error', async () => {
    await h().createUser('rushed', 'viewer')
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login('rushed', `wrong-password-${i}`, { 'X-Forwarded-For': `192.0.2.${i}` })))
    expect(results.map((r) => r.status).every((s) => s === 401 || s === 429)).toBe(true)
    const row = await h().db.selectFrom('login_throttle').selectAll().where('key', '=', 'user:rushed').executeTakeFirstOrThrow()
    expect(row.failures).toBeGreaterThanOrEqual(5)
  })

  it('throttles one client address guessing many accounts', async () => {
    const headers = { 'X-Forwarded-For': '198.51.100.7' }
    let last: Response | undefined
    for (let i = 0; i < 31; i++) last = await login(`guess${i}`, 'wrong-password-1', headers)
    expect(last!.status).toBe(429)
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    // The throttle table holds no raw address.
    const keys = (await h().db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key)
    expect(keys.join(' ')).not.toContain('198.51.100.7')
  })

  it('refuses a disabled account even with the right password', async () => {
    const admin = sessionCookieOf(await login('admin', PASSWORD))!
    const user = await h().createUser('leaver', 'viewer')
    const session = sessionCookieOf(await login('leaver', PASSWORD))!
    await h().request('PATCH', `/api/users/${user.id}`, { cookie: admin, body: { active: false } })
    expect((await h().request('GET', '/api/auth/me', { cookie: session })).status).toBe(401)
    const res = await login('leaver', PASSWORD)
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('account_disabled')
  })

  it('changes a password: the old one stops working, other sessions end, this one stays', async () => {
    const user = await h().createUser('changer', 'viewer')
    const here = sessionCookieOf(await login('changer', PASSWORD))!
    const elsewhere = sessionCookieOf(await login('changer', PASSWORD))!
    const wrong = await h().request('POST', '/api/auth/password', { cookie: here, body: { currentPassword: 'nope', newPassword: 'Another-passw0rd' } })
    expect(wrong.status).toBe(400)
    const res = await h().request('POST', '/api/auth/password', { cookie: here, body: { currentPassword: PASSWORD, newPassword: 'Another-passw0rd' } })
    expect(res.status).toBe(200)
    expect((await h().request('GET', '/api/auth/me', { cookie: here })).status).toBe(200)
    expect((await h().request('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401)
    expect((await login('changer', PASSWORD)).status).toBe(401)
    expect((await login('changer', 'Another-passw0rd')).status).toBe(200)
    expect(user.mustChangePassword).toBe(false)
  })

  it('gives a reset user a temporary password they must change', async () => {
    const admin = sessionCookieOf(await login('admin', PASSWORD))!
    const user = await h().createUser('forgetful', 'viewer')
    const res = await h().request('POST', `/api/users/${user.id}/reset-password`, { cookie: admin })
    const { temporaryPassword } = (await res.json()) as { temporaryPassword: string }
    expect(res.headers.get('cache-control')).toBe('no-store')
    const signIn = await login('forgetful', temporaryPassword)
    expect(signIn.status).toBe(200)
    expect((await signIn.json()).user.mustChangePassword).toBe(true)
  })
})

describe('same-origin check', () => {
  it('refuses a cross-origin POST with 403, even with a valid session', async () => {
    const cookie = sessionCookieOf(await login('admin', PASSWORD))!
    const res = await h().request('POST', '/api/org/sectors', { cookie, body: { name: '跨站' }, headers: { Origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('cross_origin_refused')
    const sites = await h().request('POST', '/api/org/sectors', { cookie, noOrigin: true, body: { name: '跨站' }, headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(sites.status).toBe(403)
    const bare = await h().request('POST', '/api/org/sectors', { cookie, noOrigin: true, body: { name: '跨站' } })
    expect(bare.status).toBe(403)
    const names = (await h().db.selectFrom('sectors').select('name').execute()).map((s) => s.name)
    expect(names).not.toContain('跨站')
  })

  it('refuses a cross-origin login (login CSRF) but accepts Sec-Fetch-Site: same-origin', async () => {
    expect((await login('clerk', PASSWORD, { Origin: 'https://evil.example' })).status).toBe(403)
    const ok = await h().request('POST', '/api/auth/login', { noOrigin: true, body: { username: 'clerk', password: PASSWORD }, headers: { 'Sec-Fetch-Site': 'same-origin' } })
    expect(ok.status).toBe(200)
  })

  it('accepts the configured public origin', async () => {
    const res = await login('clerk', PASSWORD, { Origin: 'http://localhost:8787' })
    expect(res.status).toBe(200)
  })
})

describe('security headers and errors', () => {
  it('sends a CSP without unsafe-inline, and no-store on API answers', async () => {
    const res = await h().request('GET', '/healthz')
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await h().request('GET', '/api/auth/me')).headers.get('cache-control')).toBe('no-store')
  })

  it('localises errors: Chinese by default, English on Accept-Language', async () => {
    const zh = await h().request('GET', '/api/auth/me')
    expect((await zh.json()).error.message).toBe('请先登录')
    const en = await h().request('GET', '/api/auth/me', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })
    expect((await en.json()).error.message).toBe('Please sign in first')
  })

  it('answers unknown API routes with a JSON 404 and a request id', async () => {
    const res = await h().request('GET', '/api/nope')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('route_not_found')
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })
})
