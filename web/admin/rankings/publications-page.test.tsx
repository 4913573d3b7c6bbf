import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { PublicationsPage } from './PublicationsPage'
import { campaign, item, publication, ranking } from './ranking-fixture'

const api = useFakeApi()

const dialogOpen = () =>
  vi.waitFor(() => {
    const d = document.querySelector<HTMLElement>('[role="dialog"]')
    expect(d).not.toBeNull()
    return d!
  })

const withdrawn = publication({
  id: 2,
  title: '2026 年窗口服务满意度测评 2026-09-01至2026-09-30 满意度监测结果',
  from: '2026-09-01',
  to: '2026-09-30',
  status: 'withdrawn',
  withdrawnAt: '2026-10-03T06:15:00.000Z',
  withdrawnBy: '李主任',
  withdrawReason: '城西营业所的纸质评价重复录入',
  overall: { n: 9120, rate: 0.95123 },
})

describe('publications page', () => {
  let list: ReturnType<typeof publication>[]
  let previewQueries: URLSearchParams[]
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-21T04:00:00Z'))
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    history.replaceState(null, '', '/publications?campaign=7')
    syncLocation()
    list = [publication(), withdrawn]
    previewQueries = []
    api.use(
      http.get('/api/campaigns', () => HttpResponse.json({ items: [campaign({ id: 9, name: '2027 年测评', status: 'draft', startsOn: '2027-01-01', endsOn: '2027-12-31' }), campaign()] })),
      http.get('/api/publications', ({ request }) => {
        expect(new URL(request.url).searchParams.get('campaignId')).toBe('7')
        return HttpResponse.json({ items: list })
      }),
      http.get('/api/campaigns/7/rankings', ({ request }) => {
        const q = new URL(request.url).searchParams
        previewQueries.push(q)
        return HttpResponse.json(ranking({ from: q.get('from')!, to: q.get('to')! }))
      }),
    )
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('lists what was published, by whom and when, its figures, its shortened hash, and who withdrew what and why', async () => {
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    expect((getByLabel(page, '测评活动') as unknown as HTMLSelectElement).value).toBe('7')

    const [live, gone] = [...page.querySelectorAll('.pub-item')]
    expect(textOf(live!)).toContain('统计期间 2026-10-01 至 2026-10-31')
    expect(textOf(live!)).toContain('系统管理员 于 2026-11-02 09:30 发布')
    expect(textOf(live!.querySelector('.status-tag')!)).toBe('已发布')
    expect(textOf(live!.querySelector('.pub-figures')!)).toContain('18217')
    expect(textOf(live!.querySelector('.pub-figures')!)).toContain('96.9%')
    const hash = live!.querySelector('.pub-hash-value')!
    expect(textOf(hash).trim()).toBe('52f4033217b2…')
    expect(hash.getAttribute('title')).toBe(publication().sha256)
    const open = [...live!.querySelectorAll('a')].find((a) => textOf(a).includes('查看公开页'))!
    expect(open.getAttribute('href')).toBe('/results/3')
    expect(open.getAttribute('target')).toBe('_blank')
    expect(live!.querySelector('button.btn-danger-quiet')!.textContent).toBe('撤回')

    expect(textOf(gone!.querySelector('.status-tag')!)).toBe('已撤回')
    expect(textOf(gone!)).toContain('李主任 于 2026-10-03 14:15 撤回：城西营业所的纸质评价重复录入')
    expect(textOf(gone!)).toContain('95.1%')
    expect(gone!.querySelector('a[href^="/results/"]')).toBeNull()
    expect([...gone!.querySelectorAll('button')].some((b) => b.textContent === '撤回')).toBe(false)
  })

  it('copies the whole hash', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-copy')).toHaveLength(2))
    page.querySelector<HTMLButtonElement>('.pub-copy')!.click()
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(publication().sha256))
    await vi.waitFor(() => expect(page.querySelector('.pub-copy')!.getAttribute('aria-label')).toBe('已复制'))
  })

  it('publishes last month: the dialog previews it, warns that it is frozen, and posts {campaignId, from, to}', async () => {
    let sent: unknown
    api.use(
      http.post('/api/publications', async ({ request }) => {
        sent = await request.json()
        const created = publication({ id: 4, title: '2026 年窗口服务满意度测评 2026-10-01至2026-10-31 满意度监测结果' })
        list = [created, ...list]
        return HttpResponse.json(created, { status: 201 })
      }),
    )
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    getButton(page, '发布上月结果').click()
    const dialog = await dialogOpen()
    expect((getByLabel(dialog, '统计开始日期') as HTMLInputElement).value).toBe('2026-10-01')
    expect((getByLabel(dialog, '统计结束日期') as HTMLInputElement).value).toBe('2026-10-31')
    await vi.waitFor(() => expect(textOf(dialog.querySelector('.pub-preview')!)).toBe('2026-10-01 至 2026-10-31：13 个窗口参评，其中 12 个参与排名；有效评价 2624 份。'))
    expect(previewQueries[0]?.get('level')).toBe('window')
    expect(textOf(dialog)).toContain('发布后不能修改，如有错误只能撤回后重新发布')

    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(sent).toEqual({ campaignId: 7, from: '2026-10-01', to: '2026-10-31' }))
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull())
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(3))
    expect(textOf(page.querySelector('.alert-success')!)).toContain('已发布“2026 年窗口服务满意度测评 2026-10-01至2026-10-31 满意度监测结果”')
  })

  it('sends a title and another period when given, and previews the period chosen', async () => {
    let sent: unknown
    api.use(
      http.post('/api/publications', async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(publication({ id: 5, title: '九月' }), { status: 201 })
      }),
    )
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    getButton(page, '发布上月结果').click()
    const dialog = await dialogOpen()
    typeInto(getByLabel(dialog, '统计开始日期'), '2026-09-01')
    typeInto(getByLabel(dialog, '统计结束日期'), '2026-09-30')
    await vi.waitFor(() => expect(previewQueries.at(-1)?.get('to')).toBe('2026-09-30'))
    await vi.waitFor(() => expect(textOf(dialog.querySelector('.pub-preview')!)).toContain('2026-09-01 至 2026-09-30'))
    typeInto(getByLabel(dialog, '标题'), ' 2026 年 9 月窗口满意度 ')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(sent).toEqual({ campaignId: 7, from: '2026-09-01', to: '2026-09-30', title: '2026 年 9 月窗口满意度' }))
  })

  it('shows the server’s refusal in the dialog (409: already published) and keeps it open', async () => {
    api.use(
      http.post('/api/publications', () =>
        HttpResponse.json({ error: { code: 'publication_exists', message: '该活动的这一时段已经发布。发布后不能修改；如需更正，请先撤回再重新发布' } }, { status: 409 }),
      ),
    )
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    getButton(page, '发布上月结果').click()
    const dialog = await dialogOpen()
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(dialog.querySelector('[role="alert"]')!)).toContain('该活动的这一时段已经发布'))
    expect(document.querySelector('[role="dialog"]')).not.toBeNull()
    expect(page.querySelector('.alert-success')).toBeNull()
  })

  it('withdraws only with a reason, and shows who withdrew it and why', async () => {
    let sent: unknown
    api.use(
      http.post('/api/publications/3/withdraw', async ({ request }) => {
        sent = await request.json()
        list = [publication({ status: 'withdrawn', withdrawnAt: '2026-11-21T04:00:00.000Z', withdrawnBy: '系统管理员', withdrawReason: '数据录入错误' }), withdrawn]
        return HttpResponse.json(list[0])
      }),
    )
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    getButton(page.querySelector('.pub-item')!, '撤回').click()
    const dialog = await dialogOpen()
    expect(textOf(dialog)).toContain('2026-10-01 至 2026-10-31')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('请填写撤回原因'))
    expect(sent).toBeUndefined()

    typeInto(dialog.querySelector('textarea') as unknown as HTMLInputElement, '数据录入错误')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(sent).toEqual({ reason: '数据录入错误' }))
    await vi.waitFor(() => expect(textOf(page.querySelector('.pub-item')!)).toContain('系统管理员 于 2026-11-21 12:00 撤回：数据录入错误'))
    expect(page.querySelectorAll('.pub-item.is-withdrawn')).toHaveLength(2)
  })

  it('does not offer to publish a draft campaign, and says why', async () => {
    api.use(
      http.get('/api/publications', () => HttpResponse.json({ items: [] })),
      http.get('/api/campaigns', () => HttpResponse.json({ items: [campaign({ status: 'draft' })] })),
    )
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('该活动还没有发布过结果'))
    expect(getButton(page, '发布上月结果').disabled).toBe(true)
    expect(textOf(page)).toContain('草稿状态的活动不能发布结果')
  })

  it('previews an empty period honestly', async () => {
    api.use(http.get('/api/campaigns/7/rankings', () => HttpResponse.json(ranking({ from: '2026-10-01', to: '2026-10-31', items: [item({ id: 101, name: '综合受理窗口', n: 0, satisfied: 0, rate: null, interval: null, index: null, badRate: null, attainment: 'insufficient', composite: null, stars: 0, rank: null, previousRank: null })] }))))
    const page = mount(<PublicationsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.pub-item')).toHaveLength(2))
    getButton(page, '发布上月结果').click()
    const dialog = await dialogOpen()
    await vi.waitFor(() => expect(textOf(dialog.querySelector('.pub-preview')!)).toBe('2026-10-01 至 2026-10-31：1 个窗口参评，其中 0 个参与排名；有效评价 0 份。'))
  })
})
