import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { adminUser, cleanup, getButton, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { visit } from './visit-fixture'
import { VisitPage } from './VisitPage'

const api = useFakeApi()

const dialogOpen = () =>
  vi.waitFor(() => {
    const d = document.querySelector<HTMLElement>('[role="dialog"]')
    expect(d).not.toBeNull()
    return d!
  })

describe('one visit', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    history.replaceState(null, '', '/visits/501')
    syncLocation()
    api.use(http.get('/api/visits/501', () => HttpResponse.json(visit())))
  })
  afterEach(cleanup)

  it('shows who, where, how and when, the scores and veto, findings, every answer, notes and photos', async () => {
    const page = mount(<VisitPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-answer')).toHaveLength(4))
    const facts = Object.fromEntries([...page.querySelectorAll('.sv-facts .fact')].map((f) => [textOf(f.querySelector('dt')!), textOf(f.querySelector('dd')!).trim()]))
    expect(facts).toMatchObject({ 监督员: '李红 · 人大代表', 窗口: '客户服务中心 / A-03 水费缴纳窗口', 方式: '暗访', 评议时间: '2026-11-18 09:30' })
    const scores = Object.fromEntries([...page.querySelectorAll('.sv-score-grid .summary-item')].map((f) => [textOf(f.querySelector('dt')!), textOf(f.querySelector('dd')!).trim()]))
    expect(scores).toEqual({ 评分: '80', 检查得分: '50', 一票否决: '触发' })
    expect(textOf(page.querySelector('.sv-findings')!)).toContain('纪律严：不吃请、不收礼、不乱收费（一票否决）')

    const answers = [...page.querySelectorAll('.sv-answer')].map((a) => [textOf(a.querySelector('.sv-answer-q')!), textOf(a.querySelector('.sv-answer-a')!).trim()])
    expect(answers).toEqual([
      ['公示全：出示工作证件，公开收费标准和服务流程', '✓ 是 · 50 分'],
      ['纪律严：不吃请、不收礼、不乱收费（一票否决）', '✗ 否 · 0 分一票否决'],
      ['服务态度', '80 分（满分 100）'],
      ['发现的问题和整改建议', '收取了额外的上门费\n未开具发票'.replace(/\s+/g, ' ')],
    ])
    expect(textOf(page)).toContain('下午两点到达，等候 20 分钟。')
    expect(textOf(page.querySelector('.status-tag')!)).toBe('已提交')

    const thumbs = page.querySelectorAll<HTMLButtonElement>('.sv-photo')
    expect([...thumbs].map((b) => b.querySelector('img')!.getAttribute('src'))).toEqual(['/api/photos/71', '/api/photos/72'])
    thumbs[1]!.click()
    const viewer = await dialogOpen()
    expect(textOf(viewer.querySelector('h2')!)).toBe('照片 2 / 2')
    expect(viewer.querySelector('.sv-photo-full img')!.getAttribute('src')).toBe('/api/photos/72')
    expect(viewer.querySelector('a[target="_blank"]')!.getAttribute('href')).toBe('/api/photos/72')
  })

  it('annuls a submitted visit with the reason given (admin)', async () => {
    let sent: unknown
    api.use(
      http.post('/api/visits/501/annul', async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(visit({ status: 'annulled', annulledAt: '2026-11-21T03:00:00.000Z', annulReason: '监督员误选了窗口' }))
      }),
    )
    const page = mount(<VisitPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-facts')).not.toBeNull())
    getButton(page, '作废').click()
    const dialog = await dialogOpen()
    expect(textOf(dialog)).toContain('客户服务中心 / A-03 水费缴纳窗口 · 李红 · 2026-11-18 09:30')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('请填写原因'))
    expect(sent).toBeUndefined()

    typeInto(dialog.querySelector('textarea') as unknown as HTMLInputElement, '监督员误选了窗口')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(sent).toEqual({ reason: '监督员误选了窗口' }))
    await vi.waitFor(() => expect(textOf(page)).toContain('此评议已于 2026-11-21 11:00 作废'))
    expect(textOf(page)).toContain('原因：监督员误选了窗口')
    expect(textOf(page.querySelector('.page-title .status-tag')!)).toBe('已作废')
    expect(() => getButton(page, '作废')).toThrow()
  })

  it.each([
    ['viewer', { ...adminUser, id: 5, role: 'viewer' as const }],
    ['manager', { ...adminUser, id: 6, role: 'manager' as const, unitIds: [11] }],
  ])('shows a %s the visit without the annul button', async (_, user) => {
    setSignedIn(user)
    const page = mount(<VisitPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-answer')).toHaveLength(4))
    expect(page.querySelectorAll('button').length).toBeGreaterThan(0) // the photos still open
    expect(() => getButton(page, '作废')).toThrow()
  })

  it('lists answers the form does not know by their keys, and leaves out follow-ups that were not shown', async () => {
    const base = visit()
    const definition = { ...base.definition, questions: [...base.definition.questions, { key: 'why', type: 'text' as const, text: { zh: '为什么', en: undefined }, required: false, weight: 0, overall: false, condition: { question: 'discipline', anyOf: [false] } }] }
    api.use(http.get('/api/visits/501', () => HttpResponse.json({ ...base, definition, answers: { ...base.answers, extra: 'x' } })))
    const page = mount(<VisitPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-answer')).toHaveLength(5))
    const questions = [...page.querySelectorAll('.sv-answer')].map((a) => textOf(a.querySelector('.sv-answer-q')!))
    expect(questions.slice(3)).toEqual(['发现的问题和整改建议', 'extra'])
  })
})
