import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import type { Supervisor } from '../../../shared/schemas/supervision'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getButton, getByLabel, getByText, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { questionnaire } from '../questionnaires/questionnaire-fixture'
import { campaign, form, supervision } from '../visits/visit-fixture'
import { CampaignFormPage } from './CampaignFormPage'

const api = useFakeApi()

const unpublished: Questionnaire = { ...form, id: 10, name: '“四查四看”监督检查', versions: [{ ...form.versions[0]!, id: 100, version: 1, status: 'draft', publishedAt: null }] }
const supervisorOf = (id: number, name: string, status: Supervisor['status']): Supervisor => ({
  id,
  username: `u${id}`,
  displayName: name,
  kind: 'efficiency',
  organisation: null,
  phone: null,
  letterNo: null,
  termStart: '2026-01-01',
  termEnd: '2027-12-31',
  endedAt: null,
  endReason: null,
  status,
  active: true,
})

const section = (page: HTMLElement) => page.querySelector<HTMLElement>('.sv-campaign-section')!
const dialogOpen = (role = 'dialog') =>
  vi.waitFor(() => {
    const d = document.querySelector<HTMLElement>(`[role="${role}"]`)
    expect(d).not.toBeNull()
    return d!
  })

describe('campaign supervision section', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    history.replaceState(null, '', '/campaigns/7')
    syncLocation()
    api.use(
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/questionnaires', ({ request }) => HttpResponse.json({ items: new URL(request.url).searchParams.get('kind') === 'supervisor' ? [form, unpublished] : [questionnaire] })),
      http.get('/api/campaigns/7', () => HttpResponse.json(campaign({ scope: { sectorIds: [], unitIds: [11], windowIds: [] } }))),
      http.get('/api/campaigns/7/supervision', () => HttpResponse.json({ ...supervision, forms: [], visitsPerWindowPerMonth: null, undercoverPerWindowPerMonth: null })),
    )
  })
  afterEach(cleanup)

  it('saves the supervisor forms and the monthly quota', async () => {
    let body: unknown
    api.use(
      http.put('/api/campaigns/7/supervision', async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ ...supervision, visitsPerWindowPerMonth: 4, undercoverPerWindowPerMonth: 1 })
      }),
    )
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(section(page)?.querySelector('.sv-settings-form')).toBeTruthy())
    const s = section(page)
    expect(textOf(s.querySelector('h2')!)).toBe('监督评议')
    const draftChip = getByText(s, '“四查四看”监督检查（尚未发布）', 'label span').closest('label')!.querySelector('input')!
    expect(draftChip.disabled).toBe(true)
    getByText(s, '上门服务“六项承诺”现场检查', 'label span').closest('label')!.querySelector('input')!.click()
    typeInto(getByLabel(s, '每个窗口每月评议次数'), '4')
    typeInto(getByLabel(s, '其中暗访次数'), '1')
    s.querySelector<HTMLFormElement>('.sv-settings-form')!.requestSubmit()
    await vi.waitFor(() => expect(body).toEqual({ questionnaireIds: [9], visitsPerWindowPerMonth: 4, undercoverPerWindowPerMonth: 1 }))
    await vi.waitFor(() => expect(textOf(s)).toContain('评议设置已保存。'))
  })

  it('lists the assignments, adds one for windows of the campaign and removes one', async () => {
    let added: unknown
    let removed: string | undefined
    api.use(
      http.get('/api/supervisors', () => HttpResponse.json({ items: [supervisorOf(31, '李红', 'active'), supervisorOf(33, '赵敏', 'upcoming'), supervisorOf(34, '孙丽', 'ended')] })),
      http.post('/api/campaigns/7/assignments', async ({ request }) => {
        added = await request.json()
        return HttpResponse.json({ id: 3, campaignId: 7, supervisorId: 33, supervisorName: '赵敏', scope: { sectorIds: [], unitIds: [], windowIds: [101] }, windowCount: 1, createdAt: '2026-11-21T02:00:00.000Z' }, { status: 201 })
      }),
      http.delete('/api/campaigns/7/assignments/:assignmentId', ({ params }) => {
        removed = String(params['assignmentId'])
        return HttpResponse.json({ ok: true })
      }),
    )
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(section(page)?.querySelectorAll('.sv-assignment-table tbody tr')).toHaveLength(2))
    const rows = () => [...section(page).querySelectorAll('.sv-assignment-table tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 3).map((c) => textOf(c).trim()))
    expect(rows()).toEqual([
      ['李红', '客户服务中心', '2'],
      ['王强', 'A-03 水费缴纳窗口', '1'],
    ])

    getButton(section(page), '+ 添加分配').click()
    const dialog = await dialogOpen()
    const picker = await vi.waitFor(() => getByLabel(dialog, '监督员') as unknown as HTMLSelectElement)
    // ended appointments are not offered
    expect([...picker.options].map((o) => o.textContent)).toEqual(['请选择监督员', '李红（效能监督员）', '赵敏（效能监督员 · 未到任期）'])
    // only the campaign's windows: unit 11 (客户服务中心), not the gas company
    expect(textOf(dialog.querySelector('.scope-list')!)).not.toContain('燃气')
    typeInto(picker, '33')
    getButton(dialog, '展开“示范市水务集团（演示）”').click()
    await vi.waitFor(() => expect(textOf(dialog.querySelector('.scope-list')!)).toContain('客户服务中心'))
    getButton(dialog, '展开“客户服务中心”').click()
    await vi.waitFor(() => expect(textOf(dialog.querySelector('.scope-list')!)).toContain('综合受理窗口'))
    getByText(dialog, 'A-01 综合受理窗口', '.scope-label').closest('label')!.querySelector('input')!.click()
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(added).toEqual({ supervisorId: 33, scope: { sectorIds: [], unitIds: [], windowIds: [101] } }))
    await vi.waitFor(() => expect(rows()).toHaveLength(3))
    expect(rows()[2]).toEqual(['赵敏', 'A-01 综合受理窗口', '1'])

    getButton(section(page), '移除“王强”的分配').click()
    const confirm = await dialogOpen('alertdialog')
    getButton(confirm, '移除').click()
    await vi.waitFor(() => expect(removed).toBe('2'))
    await vi.waitFor(() => expect(rows().map((r) => r[0])).toEqual(['李红', '赵敏']))
  })

  it('is read-only for someone who may not manage campaigns', async () => {
    setSignedIn({ ...adminUser, id: 5, role: 'viewer' })
    api.use(http.get('/api/campaigns/7/supervision', () => HttpResponse.json(supervision)))
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(section(page)?.querySelector('.sv-readonly-facts')).toBeTruthy())
    const s = section(page)
    expect(textOf(s)).toContain('上门服务“六项承诺”现场检查')
    expect(textOf(s)).toContain('每个窗口每月评议 2 次，其中暗访 1 次')
    expect(s.querySelectorAll('.sv-assignment-table tbody tr')).toHaveLength(2)
    expect(s.querySelectorAll('button, input, select')).toHaveLength(0)
  })

  it('does not tell a unit manager who is assigned to which windows', async () => {
    setSignedIn({ ...adminUser, id: 6, role: 'manager', unitIds: [11] })
    api.use(http.get('/api/campaigns/7/supervision', () => HttpResponse.json(supervision)))
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(section(page)?.querySelector('.sv-readonly-facts')).toBeTruthy())
    expect(textOf(section(page))).toContain('每个窗口每月评议 2 次，其中暗访 1 次')
    expect(section(page).querySelector('.sv-assignment-table')).toBeNull()
    expect(textOf(section(page))).not.toContain('李红')
  })
})
