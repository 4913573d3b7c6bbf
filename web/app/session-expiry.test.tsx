import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { orgTree } from '../testing/org-fixture'
import { adminUser, cleanup, getByLabel, mount, textOf, typeInto } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { App } from './App'
import { resetLocale } from './i18n'
import { syncLocation } from './router'

const api = useFakeApi()

describe('session', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    localStorage.setItem('manyi.signedIn', '1')
  })
  afterEach(() => {
    cleanup()
    localStorage.clear()
  })

  it('goes to sign-in when the API says 401, and comes back to the same page afterwards', async () => {
    let session = true
    api.use(
      http.get('/api/auth/me', () => HttpResponse.json({ user: adminUser })),
      http.get('/api/org/tree', () =>
        session ? HttpResponse.json(orgTree) : HttpResponse.json({ error: { code: 'session_expired', message: '登录已过期，请重新登录' } }, { status: 401 }),
      ),
      http.post('/api/auth/login', () => {
        session = true
        return HttpResponse.json({ user: adminUser })
      }),
    )
    history.replaceState(null, '', '/org')
    syncLocation()
    session = false
    const app = mount(<App />)

    await vi.waitFor(() => expect(location.pathname).toBe('/login'))
    expect(location.search).toBe('?next=%2Forg&expired=1')
    await vi.waitFor(() => expect(textOf(app)).toContain('登录已结束，请重新登录'))

    typeInto(getByLabel(app, '用户名'), 'admin')
    typeInto(getByLabel(app, '密码'), 'correct-horse-1')
    app.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(location.pathname).toBe('/org'))
    await vi.waitFor(() => expect(textOf(app)).toContain('示范市水务集团（演示）'))
  })
})
