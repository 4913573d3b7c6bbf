import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Campaign } from '../../../shared/schemas/campaign'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { campaignFixture } from '../../testing/campaign-fixture'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getButton, getByLabel, getByText, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { questionnaire } from '../questionnaires/questionnaire-fixture'
import { CampaignFormPage } from './CampaignFormPage'

const api = useFakeApi()

const draft: Campaign = campaignFixture({
  name: '城东营业所专项测评',
  startsOn: '2026-12-01',
  status: 'draft',
  scope: { sectorIds: [], unitIds: [11], windowIds: [] },
  windowCount: 2,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
})

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
const checkboxOf = (root: HTMLElement, text: string) => getByText(root, text, '.scope-label').closest('label')!.querySelector('input')!

describe('campaign form', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    api.use(
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/questionnaires', () => HttpResponse.json({ items: [questionnaire] })),
      http.get('/api/campaigns/7', () => HttpResponse.json(draft)),
      // the supervision section below the form (tested in supervision-settings.test.tsx)
      http.get('/api/campaigns/7/supervision', () => HttpResponse.json({ campaignId: 7, forms: [], visitsPerWindowPerMonth: null, undercoverPerWindowPerMonth: null, assignments: [] })),
    )
  })
  afterEach(cleanup)

  it('creates a campaign over the chosen units with the default target and levels', async () => {
    let body: Record<string, unknown> | undefined
    api.use(
      http.post('/api/campaigns', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(draft, { status: 201 })
      }),
    )
    at('/campaigns/new')
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.scope-picker')).not.toBeNull())

    typeInto(getByLabel(page, '活动名称'), '城东营业所专项测评')
    typeInto(getByLabel(page, '开始日期'), '2026-12-01')
    typeInto(getByLabel(page, '结束日期'), '2026-12-31')
    getButton(page, '展开“示范市水务集团（演示）”').click()
    await vi.waitFor(() => expect(textOf(page.querySelector('.scope-list')!)).toContain('客户服务中心'))
    checkboxOf(page, '客户服务中心 窗口 2').click()
    await vi.waitFor(() => expect(textOf(page.querySelector('.scope-summary')!)).toContain('将参评 2 个窗口'))
    typeInto(getByLabel(page, '群众评价问卷') as unknown as HTMLSelectElement, '4')
    page.querySelector('form')!.requestSubmit()

    await vi.waitFor(() => expect(body).toBeDefined())
    expect(body).toMatchObject({
      name: '城东营业所专项测评',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      scope: { sectorIds: [], unitIds: [11], windowIds: [] },
      questionnaireId: 4,
      targetRate: 0.95,
      satisfiedLevels: [5, 4, 3],
      minSample: 30,
      quotaTotal: null,
      repeatIntervalHours: 12,
      minSeconds: 3,
    })
    await vi.waitFor(() => expect(location.pathname).toBe('/campaigns/7'))
  })

  it('shows the server’s field errors next to the fields', async () => {
    api.use(
      http.put('/api/campaigns/7', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: '提交的内容有误，请检查标出的字段',
              details: {
                fields: [
                  { path: 'endsOn', code: 'field_end_before_start', message: '结束日期不能早于开始日期' },
                  { path: 'scope', code: 'field_scope_empty', message: '请至少选择一个行业、单位或窗口' },
                ],
              },
            },
          },
          { status: 400 },
        ),
      ),
    )
    at('/campaigns/7')
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.scope-picker')).not.toBeNull())
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(page.querySelector('.alert-error')).not.toBeNull())
    const endsOn = getByLabel(page, '结束日期')
    expect(endsOn.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(endsOn.getAttribute('aria-describedby')!)?.textContent).toBe('结束日期不能早于开始日期')
    expect(textOf(page.querySelector('.scope-picker')!)).toContain('请至少选择一个行业、单位或窗口')
  })

  it('refuses a target rate outside 50–100 % before sending', async () => {
    at('/campaigns/7')
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.scope-picker')).not.toBeNull())
    typeInto(getByLabel(page, '满意率目标（%）'), '0.95')
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(page)).toContain('请填写 50–100 之间的数'))
  })

  it('lists the windows that are already in another active campaign when activation is refused', async () => {
    api.use(
      http.post('/api/campaigns/7/activate', () =>
        HttpResponse.json(
          {
            error: {
              code: 'campaign_window_overlap',
              message: '2 个窗口已在其他进行中的测评活动中：A-01（2026年度测评）、A-03（2026年度测评）',
              details: { windows: [{ code: 'A-01', name: '2026年度测评' }, { code: 'A-03', name: '2026年度测评' }] },
            },
          },
          { status: 409 },
        ),
      ),
    )
    at('/campaigns/7')
    const page = mount(<CampaignFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.page-actions')).not.toBeNull())
    getButton(page.querySelector('.page-actions')!, '启用').click()
    await vi.waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull())
    const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!
    expect(textOf(dialog)).toContain('启用活动“城东营业所专项测评”')
    getButton(dialog, '启用').click()

    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')).not.toBeNull())
    const alert = dialog.querySelector<HTMLElement>('[role="alert"]')!
    expect(textOf(alert)).toContain('2 个窗口已在其他进行中的测评活动中')
    expect([...alert.querySelectorAll('.overlap-list li')].map((li) => textOf(li).trim())).toEqual(['A-01 在“2026年度测评”中', 'A-03 在“2026年度测评”中'])
  })
})
