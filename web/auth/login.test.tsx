import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getAuth, setSignedOut } from '../app/auth'
import { resetLocale, setLocale } from '../app/i18n'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { LoginPage } from './LoginPage'

const api = useFakeApi()

describe('login page', () => {
  beforeEach(() => {
    localStorage.clear()
    resetLocale('zh-CN')
    setSignedOut()
  })
  afterEach(cleanup)

  const submit = (page: HTMLElement, username: string, password: string) => {
    typeInto(getByLabel(page, '用户名'), username)
    typeInto(getByLabel(page, '密码'), password)
    page.querySelector('form')!.requestSubmit()
  }

  it('is in Chinese by default and names the product', () => {
    const page = mount(<LoginPage />)
    expect(textOf(page)).toContain('满意')
    expect(textOf(page)).toContain('Manyi')
    expect(page.querySelector('h1')?.textContent).toBe('登录')
  })

  it('shows the server’s field error next to the field it is about', async () => {
    api.use(
      http.post('/api/auth/login', () =>
        HttpResponse.json(
          { error: { code: 'validation_failed', message: '提交的内容有误，请检查标出的字段', details: { target: 'json', fields: [{ path: 'password', code: 'field_required', message: '必填' }] } } },
          { status: 400 },
        ),
      ),
    )
    const page = mount(<LoginPage />)
    submit(page, 'admin', '')
    await vi.waitFor(() => expect(textOf(page)).toContain('必填'))
    const passwordField = getByLabel(page, '密码').closest('.field')!
    expect(textOf(passwordField)).toContain('必填')
    expect(textOf(getByLabel(page, '用户名').closest('.field')!)).not.toContain('必填')
    expect(getByLabel(page, '密码').getAttribute('aria-invalid')).toBe('true')
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('提交的内容有误')
  })

  it('shows “too many attempts” clearly and holds the button until the wait is over', async () => {
    api.use(
      http.post('/api/auth/login', () =>
        HttpResponse.json(
          { error: { code: 'too_many_attempts', message: '尝试次数过多，请在 60 秒后再试', details: { retryAfter: 60 } } },
          { status: 429, headers: { 'Retry-After': '60' } },
        ),
      ),
    )
    const page = mount(<LoginPage />)
    submit(page, 'admin', 'guess-1234')
    await vi.waitFor(() => expect(page.querySelector('[role="alert"]')?.textContent).toContain('尝试次数过多，请在 60 秒后再试'))
    const button = page.querySelector<HTMLButtonElement>('button[type="submit"]')!
    expect(button.disabled).toBe(true)
    expect(button.textContent).toMatch(/请 \d+ 秒后再试/)
  })

  it('asks the server in the user’s language and shows its English message', async () => {
    let language: string | null = null
    api.use(
      http.post('/api/auth/login', ({ request }) => {
        language = request.headers.get('accept-language')
        return HttpResponse.json({ error: { code: 'invalid_credentials', message: 'Wrong user name or password' } }, { status: 401 })
      }),
    )
    setLocale('en')
    const page = mount(<LoginPage />)
    expect(page.querySelector('h1')?.textContent).toBe('Sign in')
    typeInto(getByLabel(page, 'User name'), 'admin')
    typeInto(getByLabel(page, 'Password'), 'wrong-password')
    getButton(page, 'Sign in').click()
    await vi.waitFor(() => expect(page.querySelector('[role="alert"]')?.textContent).toContain('Wrong user name or password'))
    expect(language).toBe('en')
    expect(getAuth().status).toBe('signed-out') // a wrong password is not "session ended"
  })

  it('signs the user in on success', async () => {
    api.use(http.post('/api/auth/login', () => HttpResponse.json({ user: adminUser })))
    const page = mount(<LoginPage />)
    submit(page, 'admin', 'correct-horse-1')
    await vi.waitFor(() => expect(getAuth().status).toBe('signed-in'))
  })
})
