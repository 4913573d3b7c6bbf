import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { ReviewItem } from '../../../shared/schemas/review'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { adminUser, cleanup, getButton, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { draftVersion, questionnaire } from '../questionnaires/questionnaire-fixture'
import { ReviewPage } from './ReviewPage'

const api = useFakeApi()

const item = (patch: Partial<ReviewItem>): ReviewItem => ({
  id: 501,
  campaignId: 3,
  campaignName: '2026年11月窗口服务满意度测评',
  questionnaireVersionId: 41,
  window: { id: 103, code: 'A-03', name: '水费缴纳窗口', unitName: '客户服务中心' },
  channel: 'qr',
  status: 'flagged',
  flagReasons: ['repeat_device', 'too_fast'],
  overallLevel: 2,
  answers: { overall: 2, attitude: 1, reasons: ['rude', 'slow'] },
  phone: '138****5678',
  durationMs: 1500,
  submittedAt: '2026-11-21T06:05:00.000Z',
  reviewReason: null,
  ...patch,
})
const campaign = { id: 3, questionnaireId: 4 } as Campaign
const published = { ...questionnaire, versions: [{ ...questionnaire.versions[1]! }] }

describe('review queue', () => {
  let flagged: ReviewItem[]
  let decisions: unknown[]
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    flagged = [item({}), item({ id: 502, flagReasons: ['burst', 'honeypot'], overallLevel: 5, answers: { overall: 5 }, phone: null })]
    decisions = []
    api.use(
      http.get('/api/responses', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        const items = status === 'flagged' ? flagged : [item({ id: 400, status: 'rejected', reviewReason: '同一人连续提交' })]
        return HttpResponse.json({ items, total: items.length })
      }),
      http.get('/api/campaigns', () => HttpResponse.json({ items: [campaign] })),
      http.get('/api/questionnaires/4', () => HttpResponse.json(published)),
      http.get('/api/questionnaires/4/versions/1', () => HttpResponse.json({ ...draftVersion, version: 1, status: 'published' })),
      http.post('/api/responses/:id/review', async ({ request, params }) => {
        decisions.push({ id: Number(params['id']), ...((await request.json()) as object) })
        flagged = flagged.filter((f) => f.id !== Number(params['id']))
        return HttpResponse.json({ ok: true })
      }),
    )
  })
  afterEach(cleanup)

  it('shows why each response was flagged, its rating in words, the answers and the masked phone', async () => {
    const page = mount(<ReviewPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(2))
    const [first, second] = [...page.querySelectorAll('tbody tr')].map((tr) => textOf(tr))
    expect(first).toContain('2026-11-21 14:05') // 06:05 UTC in Shanghai
    expect(first).toContain('客户服务中心')
    expect(first).toContain('A-03')
    expect(first).toContain('同一设备重复评价')
    expect(first).toContain('用时过短')
    expect(first).toContain('不满意')
    expect(first).toContain('138****5678')
    expect(first).toContain('用时 1.5 秒')
    await vi.waitFor(() => expect(textOf(page.querySelector('tbody tr')!)).toContain('服务态度非常不满意'))
    expect(textOf(page.querySelector('tbody tr')!)).toContain('态度生硬、办事拖拉')
    expect(second).toContain('同一网络短时集中提交')
    expect(second).toContain('疑似机器提交')
    expect(second).toContain('非常满意')
    expect(textOf(page.querySelector('[role="tablist"]')!)).toContain('待审核2')
  })

  it('rejecting needs a reason; marking valid does not', async () => {
    const page = mount(<ReviewPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(2))
    getButton(page, '驳回 2026-11-21 14:05 的回复').click()
    await vi.waitFor(() => expect(page.querySelector('[role="dialog"]')).not.toBeNull())
    const dialog = page.querySelector<HTMLElement>('[role="dialog"]')!
    expect(textOf(dialog)).toContain('客户服务中心 / A-03 水费缴纳窗口')

    getButton(dialog, '驳回').click()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('请填写驳回原因'))
    expect(decisions).toEqual([])
    const reason = dialog.querySelector('textarea')!
    expect(reason.getAttribute('aria-invalid')).toBe('true')

    typeInto(reason as unknown as HTMLInputElement, '同一人十分钟内评价三次')
    getButton(dialog, '驳回').click()
    await vi.waitFor(() => expect(decisions).toEqual([{ id: 501, decision: 'rejected', reason: '同一人十分钟内评价三次' }]))
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(1))
    expect(textOf(page)).toContain('已驳回。')

    getButton(page, '将 2026-11-21 14:05 的回复标为有效').click()
    await vi.waitFor(() => expect(decisions).toHaveLength(2))
    expect(decisions[1]).toEqual({ id: 502, decision: 'valid' })
    await vi.waitFor(() => expect(textOf(page)).toContain('没有待审核的回复。'))
  })

  it('lists rejected responses with their reason', async () => {
    const page = mount(<ReviewPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(2))
    getButton(page, '已驳回1').click()
    await vi.waitFor(() => expect(textOf(page.querySelector('tbody')!)).toContain('同一人连续提交'))
    expect(page.querySelector('tbody button')).toBeNull()
  })
})
