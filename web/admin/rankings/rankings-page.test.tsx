import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { topTen, belowTarget } from '../../../shared/scoring/ranking'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { campaign, item, ranking } from './ranking-fixture'
import { RankingsPage } from './RankingsPage'

const api = useFakeApi()

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
const rows = (page: Element) => [...page.querySelectorAll<HTMLTableRowElement>('.rk-table tbody tr:not(.rk-divider)')]
const rowOf = (page: Element, text: string) => rows(page).find((tr) => tr.textContent?.includes(text))!
const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => textOf(td).trim())
const linkHref = (page: Element, text: string) => [...page.querySelectorAll<HTMLAnchorElement>('a')].find((a) => textOf(a).trim() === text || a.getAttribute('aria-label') === text)?.getAttribute('href')

describe('rankings page', () => {
  let queries: URLSearchParams[]
  beforeEach(() => {
    // Today is 2026-11-21 in Shanghai: 本月 is November, 上月 October.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-21T04:00:00Z'))
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    at('/rankings')
    queries = []
    api.use(
      http.get('/api/campaigns', () => HttpResponse.json({ items: [campaign({ id: 8, name: '2027 年春季测评', status: 'draft', startsOn: '2027-03-01', endsOn: '2027-05-31' }), campaign()] })),
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/campaigns/7/rankings', ({ request }) => {
        const q = new URL(request.url).searchParams
        queries.push(q)
        return HttpResponse.json(ranking({ level: (q.get('level') ?? 'window') as 'window', method: (q.get('method') ?? 'wilson') as 'wilson', from: q.get('from') ?? '2026-09-01', to: q.get('to') ?? '2026-12-31' }))
      }),
    )
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
  })

  it('opens on the running campaign and this month, ranked by the Wilson lower bound, compared with last month', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(rows(page)).toHaveLength(13))
    expect(queries[0]?.get('level')).toBe('window')
    expect(queries[0]?.get('method')).toBe('wilson')
    expect(queries[0]?.get('from')).toBe('2026-11-01')
    expect(queries[0]?.get('to')).toBe('2026-11-30')
    expect((getByLabel(page, '测评活动') as unknown as HTMLSelectElement).value).toBe('7')
    expect(textOf(page)).toContain('避免样本少的窗口靠运气排前')
    expect(textOf(page)).toContain('环比：与 2026-10-01 至 2026-10-31 比较')
    expect(page.querySelector('th[aria-sort="descending"]')!.textContent).toContain('满意率')
    expect(location.search).toBe('?campaign=7')
  })

  it('shows a 样本不足 row without a rank, last, and the movement as arrows and words', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(rows(page)).toHaveLength(13))

    const first = rowOf(page, 'A-01')
    expect(cells(first).slice(0, 1)).toEqual(['1'])
    expect(first.querySelector('.rk-move [aria-hidden="true"]')!.textContent).toBe('↑2')
    expect(textOf(first.querySelector('.rk-move .visually-hidden')!)).toBe('比上期上升 2 位（上期第 3 名）')
    expect(textOf(first.querySelector('.rk-col-rate')!).trim()).toBe('98.0% (96.9–98.7%)')
    expect(first.querySelector('.rk-stars')!.getAttribute('aria-label')).toBe('4 星')
    expect(textOf(first.querySelector('.rk-att')!).trim()).toBe('达标')

    expect(rowOf(page, 'A-03').querySelector('.rk-move [aria-hidden="true"]')!.textContent).toBe('↓1')
    expect(rowOf(page, 'A-04').querySelector('.rk-move [aria-hidden="true"]')!.textContent).toBe('—')
    expect(textOf(rowOf(page, 'A-04').querySelector('.rk-move')!)).toContain('名次与上期相同')
    expect(rowOf(page, 'A-05').querySelector('.rk-move [aria-hidden="true"]')!.textContent).toBe('新')

    // not attained: the word and an icon, not only the red; a veto is said in words too
    const below = rowOf(page, 'E-01')
    expect(textOf(below.querySelector('.rk-att')!).trim()).toBe('未达标')
    expect(below.querySelector('.rk-att svg')).not.toBeNull()
    expect(textOf(below)).toContain('一票否决')

    const all = rows(page)
    const unranked = all[all.length - 1]!
    expect(textOf(unranked)).toContain('东湖服务点')
    expect(unranked.querySelector('.rk-rank')!.textContent).not.toMatch(/\d/)
    expect(textOf(unranked.querySelector('.rk-att')!).trim()).toBe('样本不足')
    expect(textOf(unranked.querySelector('.rk-move')!)).toContain('本期未排名')
    expect(textOf(page.querySelector('.rk-divider')!)).toContain('以下 1 个窗口有效评价少于 30 份')
    expect(textOf(page.querySelector('.rk-counts')!)).toContain('达标 9')
    expect(textOf(page.querySelector('.rk-counts')!)).toContain('未达标 3')
    expect(textOf(page.querySelector('.rk-counts')!)).toContain('样本不足 1')
  })

  it('lists 十佳 exactly as topTen() and the windows below target worst first, as belowTarget()', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.rk-top-ten .rk-list-item').length).toBeGreaterThan(0))
    const names = (selector: string) => [...page.querySelectorAll(`${selector} .rk-list-title`)].map((e) => textOf(e).replace(/^[A-Z]-\d+/, '').trim())
    const items = ranking().items
    expect(names('.rk-top-ten')).toEqual(topTen(items).map((i) => i.name))
    expect(names('.rk-top-ten')).toHaveLength(11) // two share the tenth place
    expect(names('.rk-below')).toEqual(belowTarget(items).map((i) => i.name))
    expect(names('.rk-below')[0]).toBe('缴费窗口')
    expect(textOf(page.querySelector('.rk-top-ten')!)).toContain('十佳服务窗口')
  })

  it('links windows to their dashboard for the same campaign and period', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(rows(page)).toHaveLength(13))
    expect(rowOf(page, 'A-01').querySelector('a')!.getAttribute('href')).toBe('/dashboard/windows/101?campaign=7&period=custom&from=2026-11-01&to=2026-11-30')
  })

  it('asks for the chosen level, method, period, place and channel, and keeps them in the address', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(queries).toHaveLength(1))

    getButton(page, '单位').click()
    await vi.waitFor(() => expect(queries.at(-1)?.get('level')).toBe('unit'))
    typeInto(getByLabel(page, '排序方法') as unknown as HTMLSelectElement, 'composite')
    await vi.waitFor(() => expect(queries.at(-1)?.get('method')).toBe('composite'))
    expect(textOf(page)).toContain('群众评价 70% + 监督员评议 30%')
    getButton(page, '上月').click()
    await vi.waitFor(() => expect(queries.at(-1)?.get('from')).toBe('2026-10-01'))
    expect(queries.at(-1)?.get('to')).toBe('2026-10-31')
    typeInto(getByLabel(page, '行业') as unknown as HTMLSelectElement, '1')
    await vi.waitFor(() => expect(queries.at(-1)?.get('sectorId')).toBe('1'))
    typeInto(getByLabel(page, '单位') as unknown as HTMLSelectElement, '12')
    await vi.waitFor(() => expect(queries.at(-1)?.get('unitId')).toBe('12'))
    typeInto(getByLabel(page, '评价渠道') as unknown as HTMLSelectElement, 'kiosk')
    await vi.waitFor(() => expect(queries.at(-1)?.get('channel')).toBe('kiosk'))

    const address = new URLSearchParams(location.search)
    expect(Object.fromEntries(address)).toEqual({ campaign: '7', period: 'lastMonth', level: 'unit', method: 'composite', sector: '1', unit: '12', channel: 'kiosk' })
  })

  it('comes back to the choices in the address, including a custom period', async () => {
    at('/rankings?campaign=7&period=custom&from=2026-09-10&to=2026-10-09&level=sector&method=rate&channel=qr')
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(queries).toHaveLength(1))
    expect(Object.fromEntries(queries[0]!)).toEqual({ level: 'sector', method: 'rate', from: '2026-09-10', to: '2026-10-09', channel: 'qr' })
    await vi.waitFor(() => expect((getByLabel(page, '开始日期') as HTMLInputElement).value).toBe('2026-09-10'))
    expect(page.querySelector('[role="tab"][aria-selected="true"]')!.textContent).toBe('行业')
  })

  it('puts the filters and the format on every export link', async () => {
    at('/rankings?campaign=7&period=lastMonth&level=unit&method=index&sector=1&channel=hotline')
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(page.querySelector('.rk-exports')).not.toBeNull())
    const query = (href: string | null | undefined) => {
      const url = new URL(href!, 'http://x')
      return { path: url.pathname, ...Object.fromEntries(url.searchParams) }
    }
    const place = { from: '2026-10-01', to: '2026-10-31', sectorId: '1', channel: 'hotline' }
    expect(query(linkHref(page, '导出 CSV'))).toEqual({ path: '/api/campaigns/7/rankings/export', level: 'unit', method: 'index', ...place, format: 'csv' })
    expect(query(linkHref(page, '导出 Excel'))).toEqual({ path: '/api/campaigns/7/rankings/export', level: 'unit', method: 'index', ...place, format: 'xlsx' })
    expect(query(linkHref(page, '导出评价明细（CSV）'))).toEqual({ path: '/api/campaigns/7/responses/export', ...place, format: 'csv' })
    expect(query(linkHref(page, '导出评价明细（Excel）'))).toEqual({ path: '/api/campaigns/7/responses/export', ...place, format: 'xlsx' })
    for (const a of page.querySelectorAll('.rk-exports a')) expect(a.hasAttribute('download')).toBe(true)
  })

  it('gives an admin the way to publish, with the campaign chosen', async () => {
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(rows(page)).toHaveLength(13))
    expect(linkHref(page, '发布结果')).toBe('/publications?campaign=7')
  })

  it('shows a unit manager their ranking, scoped by the server, without the publish button', async () => {
    setSignedIn({ ...adminUser, id: 6, role: 'manager', unitIds: [12] })
    api.use(http.get('/api/campaigns/7/rankings', () => HttpResponse.json(ranking({ items: ranking().items.filter((i) => i.parentName === '城东营业所') }))))
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(rows(page)).toHaveLength(4))
    expect(linkHref(page, '发布结果')).toBeUndefined()
    expect([...page.querySelectorAll('a, button')].filter((e) => textOf(e).includes('发布'))).toEqual([])
    expect(textOf(page)).toContain('只显示您所管单位的数据')
    expect(page.querySelector('.rk-exports')).not.toBeNull()
  })

  it('says so when the period has no valid responses, and offers the whole campaign', async () => {
    api.use(http.get('/api/campaigns/7/rankings', ({ request }) => {
      const q = new URL(request.url).searchParams
      queries.push(q)
      return HttpResponse.json(ranking({ items: q.has('from') ? [item({ id: 101, name: '综合受理窗口', n: 0, satisfied: 0, rate: null, interval: null, index: null, badRate: null, attainment: 'insufficient', composite: null, stars: 0, rank: null, previousRank: null })] : ranking().items }))
    }))
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('所选期间没有有效评价'))
    expect(page.querySelector('.rk-table')).toBeNull()
    getButton(page, '查看整个活动').click()
    await vi.waitFor(() => expect(rows(page)).toHaveLength(13))
    expect(queries.at(-1)?.has('from')).toBe(false)
  })

  it('invites an admin to create a campaign when there is none', async () => {
    api.use(http.get('/api/campaigns', () => HttpResponse.json({ items: [] })))
    const page = mount(<RankingsPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('还没有测评活动'))
    expect(linkHref(page, '新建测评活动')).toBe('/campaigns/new')
    expect(queries).toHaveLength(0)
  })
})
