import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MyAssignments, Visit } from '../../shared/schemas/supervision'
import { setSignedIn } from '../app/auth'
import { resetLocale, setLocale } from '../app/i18n'
import { cleanup, getButton, mount, textOf } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { assignments, supervisorUser, visit } from './supervise-fixture'
import { SupervisePage } from './SupervisePage'

const api = useFakeApi()

const cards = (page: HTMLElement) => [...page.querySelectorAll<HTMLElement>('.spv-window')]

describe('the supervisor’s home page', () => {
  let mine: MyAssignments
  let visits: Visit[]
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(supervisorUser)
    mine = assignments()
    visits = [
      visit({ id: 905, status: 'draft', windowCode: 'E-01', windowName: '维修报修窗口', unitName: '城东营业所', type: 'open' }),
      visit({ id: 901, status: 'submitted', score: 92.46, inspectionScore: 50, vetoed: true, submittedAt: '2026-11-20T03:00:00.000Z', visitedAt: '2026-11-20T02:00:00.000Z' }),
      visit({ id: 899, status: 'annulled', score: 70, annulReason: '重复录入', visitedAt: '2026-11-10T02:00:00.000Z', type: 'patrol' }),
    ]
    api.use(
      http.get('/api/my/assignments', () => HttpResponse.json(mine)),
      http.get('/api/my/visits', () => HttpResponse.json({ items: visits })),
    )
  })
  afterEach(cleanup)

  it('lists the assigned windows with this month’s quota progress and a way to start a visit', async () => {
    const page = mount(<SupervisePage />)
    await vi.waitFor(() => expect(cards(page)).toHaveLength(2))
    expect(textOf(page.querySelector('h1')!)).toBe('王建东，您好')
    expect(textOf(page)).toContain('聘期 2026-01-01 至 2026-12-31')
    expect(textOf(page)).toContain('2026年11月窗口服务满意度测评')

    const [behind, met] = cards(page)
    expect(textOf(behind!)).toContain('客户服务中心')
    expect(textOf(behind!)).toContain('A-03 水费缴纳窗口')
    expect(textOf(behind!)).toContain('本月 1/2 次，暗访 0/1')
    const behindBadge = behind!.querySelector('.badge')!
    expect(behindBadge.textContent).toBe('未达标')
    expect(behindBadge.classList.contains('spv-badge-behind')).toBe(true)
    expect(textOf(met!)).toContain('本月 2/2 次，暗访 1/1')
    const metBadge = met!.querySelector('.badge')!
    expect(metBadge.textContent).toBe('已达标')
    expect(metBadge.classList.contains('spv-badge-behind')).toBe(false) // red only when not met

    const start = behind!.querySelector<HTMLAnchorElement>('a.spv-start')!
    expect(start.getAttribute('href')).toBe('/supervise/visits/new?campaign=3&window=103')
    expect(textOf(start)).toContain('开始评议：A-03 水费缴纳窗口') // what a screen reader hears
    expect(page.querySelector('.alert-warning')).toBeNull()
  })

  it('says when there is no quota, and in English too', async () => {
    mine.campaigns[0]!.windows[0]!.progress = { month: '2026-11', visits: 3, undercover: 1, visitsRequired: null, undercoverRequired: null, met: true }
    const page = mount(<SupervisePage />)
    await vi.waitFor(() => expect(cards(page)).toHaveLength(2))
    expect(textOf(cards(page)[0]!)).toContain('本月 3 次，暗访 1 次')
    expect(textOf(cards(page)[0]!)).toContain('无定额')
    setLocale('en')
    await vi.waitFor(() => expect(textOf(cards(page)[1]!)).toContain('This month 2/2 visits, undercover 1/1'))
    expect(textOf(cards(page)[1]!)).toContain('Quota met')
    expect(textOf(page)).toContain('Start a visit')
  })

  it('lists my visits: drafts first to carry on with, then submitted and annulled ones with their scores', async () => {
    const page = mount(<SupervisePage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.spv-visit')).toHaveLength(3))
    const [draft, submitted, annulled] = [...page.querySelectorAll<HTMLAnchorElement>('.spv-visit')]
    expect(draft!.getAttribute('href')).toBe('/supervise/visits/905')
    expect(textOf(draft!)).toContain('E-01 维修报修窗口')
    expect(textOf(draft!)).toContain('草稿')
    expect(textOf(draft!)).toContain('继续填写')
    expect(textOf(submitted!)).toContain('暗访 · 2026-11-20 10:00')
    expect(textOf(submitted!)).toContain('得分 92.5')
    expect(textOf(submitted!)).toContain('检查 50')
    expect(textOf(submitted!)).toContain('触发一票否决')
    expect(textOf(annulled!)).toContain('已作废')
    expect(textOf(annulled!)).toContain('不计入统计')
    expect(textOf(annulled!)).not.toContain('得分')
    expect(submitted!.getAttribute('href')).toBe('/supervise/visits/901')
  })

  it('outside the term: a banner, history still readable, no visit can be started', async () => {
    mine = assignments({ status: 'expired', canSubmit: false, end: '2026-10-31' })
    const page = mount(<SupervisePage />)
    await vi.waitFor(() => expect(cards(page)).toHaveLength(2))
    const banner = page.querySelector<HTMLElement>('.alert-warning')!
    expect(textOf(banner)).toContain('当前不在聘期内，不能开始或提交评议')
    expect(textOf(banner)).toContain('聘期已于 2026-10-31 结束')
    expect(textOf(page)).toContain('聘期已满')
    expect(page.querySelector('a[href^="/supervise/visits/new"]')).toBeNull()
    for (const card of cards(page)) expect(getButton(card, '开始评议').disabled).toBe(true)
    expect(page.querySelectorAll('.spv-visit')).toHaveLength(3)
    expect(textOf(page.querySelector('.spv-visit-draft')!)).toContain('查看') // a draft can be read, not carried on with
    expect(textOf(page.querySelector('.spv-visit-draft')!)).not.toContain('继续填写')
  })

  it('says so when nothing is assigned yet', async () => {
    mine = { ...assignments(), campaigns: [] }
    visits = []
    const page = mount(<SupervisePage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('目前没有分配给您的测评活动。'))
    expect(textOf(page)).toContain('还没有评议记录。')
  })
})
