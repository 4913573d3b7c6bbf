import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { User } from '../../../shared/schemas/auth'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getByText, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { OrgPage } from './OrgPage'

const api = useFakeApi()

async function open(user: User, name: string) {
  setSignedIn(user)
  const page = mount(<OrgPage />)
  await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())
  typeInto(page.querySelector<HTMLInputElement>('input[type="search"]')!, name)
  await vi.waitFor(() => getByText(page.querySelector('.tree')!, name))
  getByText(page.querySelector('.tree')!, name).closest('button')!.click()
  await vi.waitFor(() => expect(page.querySelector('.detail')).not.toBeNull())
  return page
}
const buttons = (page: HTMLElement) => [...page.querySelectorAll('.detail-actions button, .page-actions button')].map((b) => b.textContent?.trim())

describe('what each role is offered', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    api.use(
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/org/staff', () => HttpResponse.json({ items: [], total: 0 })),
    )
  })
  afterEach(cleanup)

  it('an admin may change units, and import', async () => {
    const page = await open(adminUser, '客户服务中心')
    expect(buttons(page)).toEqual(['导入 CSV', '新建行业', '新建窗口', '新建下级单位', '编辑', '停用'])
  })

  it('a manager may add windows to a unit and edit windows and staff, but not change the unit', async () => {
    const manager = { ...adminUser, id: 2, role: 'manager' as const, unitIds: [10] }
    const unit = await open(manager, '客户服务中心')
    expect(buttons(unit)).toEqual(['新建窗口'])
    cleanup()
    const window = await open(manager, '水费缴纳窗口')
    expect(buttons(window)).toEqual(['编辑', '停用'])
    await vi.waitFor(() => expect(textOf(window)).toContain('添加人员'))
  })

  it('a viewer only reads', async () => {
    const viewer = { ...adminUser, id: 3, role: 'viewer' as const }
    const page = await open(viewer, '水费缴纳窗口')
    expect(buttons(page)).toEqual([])
    await vi.waitFor(() => expect(textOf(page)).toContain('该窗口还没有登记服务人员'))
    expect(textOf(page)).not.toContain('添加人员')
    expect(textOf(page)).toContain('导出 CSV')
  })
})
