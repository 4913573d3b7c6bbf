import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { User } from '../../../shared/schemas/auth'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getButton, getByLabel, getByText, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { UsersPage } from './UsersPage'

const api = useFakeApi()

const manager: User = { ...adminUser, id: 2, username: 'wang.jl', displayName: '王经理', role: 'manager', unitIds: [11], mustChangePassword: true, lastLoginAt: null }

describe('users page', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    api.use(
      http.get('/api/users', () => HttpResponse.json({ items: [adminUser, manager], total: 2 })),
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
    )
  })
  afterEach(cleanup)

  it('lists users with role, units and last sign-in in Shanghai time', async () => {
    const page = mount(<UsersPage />)
    await vi.waitFor(() => expect(page.querySelector('table')).not.toBeNull())
    const rows = [...page.querySelectorAll('tbody tr')].map((tr) => textOf(tr))
    expect(rows[0]).toContain('系统管理员')
    expect(rows[0]).toContain('管理员')
    expect(rows[0]).toContain('全部单位')
    expect(rows[0]).toContain('2026-11-21 10:00') // 02:00 UTC
    expect(rows[1]).toContain('单位管理员')
    expect(rows[1]).toContain('客户服务中心')
    expect(rows[1]).toContain('待改密码')
    expect(rows[1]).toContain('从未登录')
  })

  it('creates a manager with units, showing the units picker only for roles that have units', async () => {
    let created: unknown
    api.use(
      http.post('/api/users', async ({ request }) => {
        created = await request.json()
        return HttpResponse.json({ ...manager, id: 3, username: 'zhao.m', displayName: '赵敏' }, { status: 201 })
      }),
    )
    const page = mount(<UsersPage />)
    await vi.waitFor(() => expect(page.querySelector('table')).not.toBeNull())
    getButton(page, '新建用户').click()
    await vi.waitFor(() => expect(page.querySelector('[role="dialog"]')).not.toBeNull())
    const dialog = page.querySelector<HTMLElement>('[role="dialog"]')!
    expect(textOf(dialog)).toContain('至少选择一个单位')

    const role = getByLabel(dialog, '角色') as unknown as HTMLSelectElement
    typeInto(role, 'admin')
    await vi.waitFor(() => expect(dialog.querySelector('.unit-picker')).toBeNull())
    typeInto(role, 'manager')
    await vi.waitFor(() => expect(dialog.querySelector('.unit-picker')).not.toBeNull())

    typeInto(getByLabel(dialog, '用户名'), 'zhao.m')
    typeInto(getByLabel(dialog, '姓名'), '赵敏')
    typeInto(getByLabel(dialog, '初始密码'), 'Welcome2026x')
    getByText(dialog, '城东营业所').closest('label')!.querySelector('input')!.click()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('已选 1 个：城东营业所'))
    getButton(dialog, '创建').click()
    await vi.waitFor(() => expect(created).toEqual({ username: 'zhao.m', displayName: '赵敏', role: 'manager', unitIds: [12], password: 'Welcome2026x' }))
  })

  it('resets a password and shows the temporary one once', async () => {
    api.use(http.post('/api/users/2/reset-password', () => HttpResponse.json({ temporaryPassword: 'Tmp7pw9xQz2k' })))
    const page = mount(<UsersPage />)
    await vi.waitFor(() => expect(page.querySelector('table')).not.toBeNull())
    getButton(page, '重置“王经理”的密码').click()
    await vi.waitFor(() => expect(page.querySelector('[role="alertdialog"]')).not.toBeNull())
    getButton(page.querySelector('[role="alertdialog"]')!, '重置密码').click()
    await vi.waitFor(() => expect(page.querySelector('.secret')?.textContent).toBe('Tmp7pw9xQz2k'))
    expect(textOf(page.querySelector('[role="alertdialog"]')!)).toContain('此密码只显示这一次')
  })
})
