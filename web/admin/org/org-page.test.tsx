import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getButton, getByText, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { OrgPage } from './OrgPage'

const api = useFakeApi()

const treeText = (page: HTMLElement) => textOf(page.querySelector('.tree')!)
const search = (page: HTMLElement, text: string) => typeInto(page.querySelector<HTMLInputElement>('input[type="search"]')!, text)

describe('organisation tree', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    api.use(http.get('/api/org/tree', () => HttpResponse.json(orgTree)))
  })
  afterEach(cleanup)

  it('shows sectors with their top-level units, and windows with code and staff when a unit is opened', async () => {
    const page = mount(<OrgPage />)
    await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())
    expect(treeText(page)).toContain('供水')
    expect(treeText(page)).toContain('燃气')
    expect(treeText(page)).toContain('示范市水务集团（演示）')
    expect(treeText(page)).toContain('示范市燃气集团（演示）')
    expect(treeText(page)).not.toContain('公交') // deactivated, hidden by default
    expect(treeText(page)).not.toContain('客户服务中心') // inside a closed unit

    getButton(page, '展开“示范市水务集团（演示）”').click()
    await vi.waitFor(() => expect(treeText(page)).toContain('客户服务中心'))
    getButton(page, '展开“客户服务中心”').click()
    await vi.waitFor(() => expect(treeText(page)).toContain('水费缴纳窗口'))
    const row = getByText(page.querySelector('.tree')!, '水费缴纳窗口').closest('.tree-row')!
    expect(textOf(row)).toContain('A-03')
    expect(textOf(row)).toContain('3 人')
    expect(treeText(page)).not.toContain('用水报装窗口') // deactivated window
  })

  it('filters by name or code, keeping the path to each match', async () => {
    const page = mount(<OrgPage />)
    await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())

    search(page, 'a-03')
    await vi.waitFor(() => expect(treeText(page)).toContain('水费缴纳窗口'))
    expect(treeText(page)).toContain('供水')
    expect(treeText(page)).toContain('示范市水务集团（演示）')
    expect(treeText(page)).toContain('客户服务中心')
    expect(treeText(page)).not.toContain('综合受理窗口')
    expect(treeText(page)).not.toContain('燃气')
    expect(page.querySelector('.tree mark')?.textContent).toBe('A-03')

    search(page, '报修')
    await vi.waitFor(() => expect(treeText(page)).toContain('维修报修窗口'))
    expect(treeText(page)).not.toContain('水费缴纳窗口')

    search(page, '不存在的名字')
    await vi.waitFor(() => expect(page.querySelector('.tree')).toBeNull())
    expect(textOf(page)).toContain('没有名称或编号包含“不存在的名字”的行业、单位或窗口')
  })

  it('shows deactivated items greyed and labelled 已停用 when asked', async () => {
    const page = mount(<OrgPage />)
    await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())
    const toggle = page.querySelector<HTMLInputElement>('input[type="checkbox"]')!
    toggle.click()
    await vi.waitFor(() => expect(treeText(page)).toContain('公交'))
    const row = getByText(page.querySelector('.tree')!, '公交').closest('.tree-row')!
    expect(row.classList.contains('is-inactive')).toBe(true)
    expect(textOf(row)).toContain('已停用')
  })

  it('shows a window’s details and staff when it is selected', async () => {
    api.use(
      http.get('/api/org/staff', ({ request }) => {
        expect(new URL(request.url).searchParams.get('windowId')).toBe('103')
        return HttpResponse.json({
          items: [{ id: 5, unitId: 11, windowId: 103, employeeNo: 'A0005', name: '杨娟', active: true, createdAt: orgTree.units[0]!.createdAt, updatedAt: orgTree.units[0]!.updatedAt }],
          total: 1,
        })
      }),
    )
    const page = mount(<OrgPage />)
    await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())
    search(page, 'A-03')
    await vi.waitFor(() => expect(treeText(page)).toContain('水费缴纳窗口'))
    getByText(page.querySelector('.tree')!, '水费缴纳窗口').closest('button')!.click()
    await vi.waitFor(() => expect(textOf(page.querySelector('.detail-panel')!)).toContain('杨娟'))
    const detail = textOf(page.querySelector('.detail-panel')!)
    expect(textOf(page.querySelector('.breadcrumb')!)).toBe('供水/示范市水务集团（演示）/客户服务中心')
    expect(detail).toContain('A0005')
    expect(detail).toContain('2026-11-21 09:00') // 01:00 UTC is 09:00 in Asia/Shanghai
  })

  it('can be walked with the keyboard: arrows move, right opens, left closes', async () => {
    const page = mount(<OrgPage />)
    await vi.waitFor(() => expect(page.querySelector('.tree')).not.toBeNull())
    const label = (name: string) => getByText(page.querySelector('.tree')!, name).closest<HTMLButtonElement>('button')!
    const press = (key: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))

    label('供水').focus()
    press('ArrowDown')
    expect(document.activeElement).toBe(label('示范市水务集团（演示）'))
    press('ArrowDown')
    expect(document.activeElement).toBe(label('燃气'))
    press('ArrowUp')
    press('ArrowRight') // opens 示范市水务集团（演示）
    await vi.waitFor(() => expect(treeText(page)).toContain('客户服务中心'))
    label('示范市水务集团（演示）').focus()
    press('ArrowRight') // already open: to its first child
    expect(document.activeElement).toBe(label('城东营业所'))
    press('ArrowLeft') // a closed row: to its parent
    expect(document.activeElement).toBe(label('示范市水务集团（演示）'))
    press('ArrowLeft') // closes it
    await vi.waitFor(() => expect(treeText(page)).not.toContain('客户服务中心'))
    press('End')
    expect(document.activeElement).toBe(label('示范市燃气集团（演示）'))
  })
})
