import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { percent } from '../../../shared/scoring/format'
import { wilsonInterval } from '../../../shared/scoring/rates'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, getButton, getByLabel, getByText, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { DashboardPage } from './DashboardPage'
import { campaign, overview, sectors, staff, units, windows } from './dashboard-fixture'
import { mountPage as mount, unmountAll } from './test-mount'

// chart.js draws on a canvas, which jsdom has not: a stand-in records what each chart was asked to draw.
const drawn = vi.hoisted(() => [] as { type: string; data: { labels: string[]; datasets: { type?: string; data: (number | null)[] }[] } }[])
vi.mock('./chart-setup', () => ({
  Chart: class {
    static getChart() {
      return undefined
    }
    constructor(_canvas: HTMLCanvasElement, config: (typeof drawn)[number]) {
      drawn.push(config)
    }
    destroy() {}
  },
}))

const api = useFakeApi()

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
const panel = (root: Element, title: string) => {
  const section = [...root.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === title)
  if (!section) throw new Error(`No panel "${title}"`)
  return section
}
const rowOf = (root: Element, text: string) => [...root.querySelectorAll<HTMLTableRowElement>('.dash-drill-table tbody tr')].find((tr) => tr.textContent?.includes(text))!
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => textOf(c).trim())
const crumbs = (root: Element) => [...root.querySelectorAll('.dash-drill .dash-breadcrumb li')].map((li) => textOf(li).trim())
const linkIn = (root: Element, text: string) => [...root.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent?.includes(text))!

describe('satisfaction dashboard', () => {
  let overviewQueries: URLSearchParams[]
  let rankingQueries: URLSearchParams[]
  let campaignLoads: number
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-21T04:00:00.000Z'))
    window.scrollTo = () => {}
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    at('/dashboard')
    drawn.length = 0
    overviewQueries = []
    rankingQueries = []
    campaignLoads = 0
    api.use(
      http.get('/api/campaigns', () => {
        campaignLoads++
        return HttpResponse.json({ items: [campaign({ id: 8, name: '2027 年春季测评', status: 'draft', startsOn: '2027-03-01', endsOn: '2027-05-31' }), campaign(), campaign({ id: 5, name: '2025 年测评', status: 'closed' })] })
      }),
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/campaigns/7/overview', ({ request }) => {
        overviewQueries.push(new URL(request.url).searchParams)
        return HttpResponse.json(overview())
      }),
      http.get('/api/campaigns/7/rankings', ({ request }) => {
        const query = new URL(request.url).searchParams
        rankingQueries.push(query)
        const level = query.get('level')
        return HttpResponse.json(level === 'unit' ? units : level === 'window' ? windows : level === 'staff' ? staff : sectors)
      }),
    )
  })
  afterEach(async () => {
    await unmountAll()
    vi.useRealTimers()
  })

  it('opens on the running campaign and this month; every filter goes into the address and into the API query, and back goes back', async () => {
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(rankingQueries).toHaveLength(1))
    expect((getByLabel(page, '测评活动') as unknown as HTMLSelectElement).value).toBe('7')
    expect(Object.fromEntries(overviewQueries[0]!)).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(Object.fromEntries(rankingQueries[0]!)).toEqual({ from: '2026-11-01', to: '2026-11-30', level: 'sector', method: 'wilson' })

    typeInto(getByLabel(page, '统计期间') as unknown as HTMLSelectElement, 'lastMonth')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('from')).toBe('2026-10-01'))
    expect(overviewQueries.at(-1)?.get('to')).toBe('2026-10-31')
    expect(location.search).toBe('?campaign=7&period=lastMonth')

    typeInto(getByLabel(page, '评价渠道') as unknown as HTMLSelectElement, 'kiosk')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('channel')).toBe('kiosk'))
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('channel')).toBe('kiosk'))

    typeInto(getByLabel(page, '行业') as unknown as HTMLSelectElement, '1')
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('unit'))
    expect(rankingQueries.at(-1)?.get('sectorId')).toBe('1')
    expect(Object.fromEntries(overviewQueries.at(-1)!)).toEqual({ from: '2026-10-01', to: '2026-10-31', sectorId: '1', channel: 'kiosk' })
    expect(location.search).toBe('?campaign=7&period=lastMonth&sector=1&channel=kiosk')

    // the trend's granularity is the page's own business: in the address, no new request
    const asked = overviewQueries.length
    getButton(page, '周').click()
    await vi.waitFor(() => expect(location.search).toContain('grain=week'))
    expect(overviewQueries).toHaveLength(asked)

    // the back button undoes one filter at a time
    history.back()
    await vi.waitFor(() => expect(location.search).not.toContain('grain=week'))
    history.back()
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('sector'))
    expect(overviewQueries.at(-1)?.get('sectorId')).toBeNull()
    expect((getByLabel(page, '行业') as unknown as HTMLSelectElement).value).toBe('')
  })

  it('asks for a custom period only once it reads forwards', async () => {
    at('/dashboard?campaign=7&period=custom')
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(overviewQueries).toHaveLength(1))
    expect(Object.fromEntries(overviewQueries[0]!)).toEqual({})
    typeInto(getByLabel(page, '开始日期'), '2026-11-20')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('from')).toBe('2026-11-20'))
    typeInto(getByLabel(page, '结束日期'), '2026-11-10')
    await vi.waitFor(() => expect(textOf(page)).toContain('结束日期不能早于开始日期'))
    expect(overviewQueries.some((q) => q.get('to') === '2026-11-10')).toBe(false)
    typeInto(getByLabel(page, '结束日期'), '2026-11-25')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('to')).toBe('2026-11-25'))
    expect(location.search).toBe('?campaign=7&period=custom&from=2026-11-20&to=2026-11-25')
  })

  it('drills down sector → unit → window; the breadcrumb goes back up and the overview follows the level', async () => {
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.dash-drill-table tbody tr')).toHaveLength(2))
    expect(crumbs(page)).toEqual(['全部'])
    expect(textOf(page.querySelector('.dash-drill h2')!)).toBe('行业排名')

    linkIn(page.querySelector('.dash-drill-table')!, '供水').click()
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('unit'))
    expect(rankingQueries.at(-1)?.get('sectorId')).toBe('1')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('sectorId')).toBe('1'))
    await vi.waitFor(() => expect(crumbs(page)).toEqual(['全部', '供水']))
    expect((getByLabel(page, '行业') as unknown as HTMLSelectElement).value).toBe('1')

    linkIn(page.querySelector('.dash-drill-table')!, '客户服务中心').click()
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('window'))
    expect(rankingQueries.at(-1)?.get('unitId')).toBe('11')
    await vi.waitFor(() => expect(overviewQueries.at(-1)?.get('unitId')).toBe('11'))
    await vi.waitFor(() => expect(crumbs(page)).toEqual(['全部', '供水', '客户服务中心']))
    expect(location.search).toBe('?campaign=7&sector=1&unit=11')
    // a window opens its own page, with the same campaign and filters
    await vi.waitFor(() => expect(textOf(page.querySelector('.dash-drill-table')!)).toContain('综合受理窗口'))
    expect(linkIn(page.querySelector('.dash-drill-table')!, '综合受理窗口').getAttribute('href')).toBe('/dashboard/windows/101?campaign=7&sector=1&unit=11')

    linkIn(page.querySelector('.dash-breadcrumb')!, '供水').click()
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('unit'))
    linkIn(page.querySelector('.dash-breadcrumb')!, '全部').click()
    await vi.waitFor(() => expect(rankingQueries.at(-1)?.get('level')).toBe('sector'))
    expect(overviewQueries.at(-1)?.get('sectorId')).toBeNull()
    expect(location.search).toBe('?campaign=7')
  })

  it('shows 样本不足 rows without a rank, and the rank change of the others', async () => {
    at('/dashboard?campaign=7&sector=1')
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.dash-drill-table tbody tr')).toHaveLength(2))
    const few = rowOf(page, '城东营业所')
    expect(few.classList.contains('is-insufficient')).toBe(true)
    const [rank, name, n, , , , attainment] = cells(few)
    expect(rank).toBe('—样本不足，不参加排名')
    expect(name).toContain('城东营业所')
    expect(n).toBe('12')
    expect(attainment).toBe('样本不足')
    expect(few.querySelector('.dash-rank')).toBeNull()
    expect(textOf(rowOf(page, '客户服务中心').querySelector('.dash-col-rank')!).trim()).toBe('2')
    expect(textOf(page)).toContain('样本数少于 30 的单位标为“样本不足”，列出但不参加排名')
  })

  it('tells below target in words and with an icon, not by colour alone', async () => {
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.dash-drill-table tbody tr')).toHaveLength(2))
    const rate = page.querySelector('.dash-card-rate')!
    expect(textOf(rate)).toContain('93.1%')
    expect(textOf(rate)).toContain('95% 区间 91.6%–94.4%')
    expect(textOf(rate)).toContain('n = 1,200')
    const state = rate.querySelector('.dash-target-state')!
    expect(textOf(state)).toBe('低于目标 95.0%')
    expect(state.querySelector('svg')).not.toBeNull()

    const gas = rowOf(page, '燃气')
    expect(gas.classList.contains('is-below')).toBe(true)
    const tag = gas.querySelector('.dash-state')!
    expect(textOf(tag)).toBe('未达标')
    expect(tag.querySelector('svg')).not.toBeNull()
    expect(textOf(gas.querySelector('.dash-change')!)).toBe('↓1比上期下降 1 名（上期第 1 名）')
    expect(cells(rowOf(page, '供水'))).toEqual(['1', '供水 （查看下一级）', '800', '97.0%95% 区间 95.6%–98.0%', '90.1', '2.1%', '达标', '86.5', '92', '89', '★★★★☆4 星', '↑2比上期上升 2 名（上期第 3 名）'])

    const attained = page.querySelector('.dash-attainment-list')!
    expect(textOf(attained).replace(/\s/g, '')).toBe('达标2未达标1样本不足1')
  })

  it('draws each chart with the API’s numbers, and its table view and CSV show the same numbers', async () => {
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(drawn.length).toBeGreaterThanOrEqual(4))
    const trend = drawn.find((c) => c.data.datasets.length === 3)!
    expect(trend.data.labels).toEqual(['11-16', '11-17', '11-18', '11-23'])
    expect(trend.data.datasets.find((d) => d.type === 'bar')!.data).toEqual([100, 80, 120, 40])
    expect(trend.data.datasets[0]!.data).toEqual([0.95, 0.9, 0.975, 0.95])
    expect(trend.data.datasets[1]!.data).toEqual([0.95, 0.95, 0.95, 0.95])

    const trendPanel = panel(page, '满意率和评价量趋势')
    getButton(trendPanel, '表格').click()
    await vi.waitFor(() => expect(trendPanel.querySelector('table')).not.toBeNull())
    const rows = [...trendPanel.querySelectorAll('tbody tr')].map(cells)
    const i = wilsonInterval(95, 100)!
    expect(rows[0]).toEqual(['2026-11-16', '100', '95', '95.0%', `${percent(i.low)}–${percent(i.high)}`])
    expect(rows.map((r) => r[3])).toEqual(['95.0%', '90.0%', '97.5%', '95.0%'])
    expect(getButton(trendPanel, '表格').getAttribute('aria-pressed')).toBe('true')

    const levels = drawn.find((c) => c.data.labels[0] === '非常满意')!
    expect(levels.data.datasets[0]!.data).toEqual([800, 318, 30, 32, 20])
    const levelsPanel = panel(page, '满意程度分布')
    getButton(levelsPanel, '表格').click()
    await vi.waitFor(() => expect(levelsPanel.querySelector('table')).not.toBeNull())
    expect([...levelsPanel.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['非常满意', '800'],
      ['满意', '318'],
      ['基本满意', '30'],
      ['不满意', '32'],
      ['非常不满意', '20'],
    ])

    // the download holds the table's figures (UTF-8 with BOM for Excel)
    let saved: Blob | null = null
    URL.createObjectURL = (blob: Blob) => {
      saved = blob
      return 'blob:levels'
    }
    URL.revokeObjectURL = () => {}
    getButton(levelsPanel, 'CSV下载“满意程度分布”的 CSV').click()
    expect(saved).not.toBeNull()
    const bytes = await new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(reader.result as ArrayBuffer)
      reader.readAsArrayBuffer(saved!)
    })
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(csv).toBe('\ufeff满意程度,样本数\r\n非常满意,800\r\n满意,318\r\n基本满意,30\r\n不满意,32\r\n非常不满意,20\r\n')

    const dimensions = drawn.find((c) => c.data.labels.includes('服务态度'))!
    expect(dimensions.data.labels).toEqual(['服务态度', '便民措施'])
    expect(dimensions.data.datasets[0]!.data).toEqual([88.26, 79.5])
    const dimensionsPanel = panel(page, '分项得分')
    getButton(dimensionsPanel, '表格').click()
    await vi.waitFor(() => expect([...dimensionsPanel.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['服务态度', '1,100', '88.3'],
      ['便民措施', '300', '79.5'],
    ]))

    // the heatmap is a table of its own: each cell carries its count
    const heat = panel(page, '评价时段分布')
    const monday = [...heat.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === '周一')!
    expect(cells(monday).slice(0, 4)).toEqual(['周一', '', '40', '12'])
    // office hours at least (8–18), stretched to the latest response (20 on Sunday)
    expect(cells(heat.querySelector('thead tr')!)).toEqual(['星期', ...Array.from({ length: 13 }, (_, i) => String(8 + i))])
    expect(monday.querySelectorAll('td')[1]!.getAttribute('title')).toBe('周一 9 时：40 份')

    // the lowest windows and the comments
    expect(textOf(panel(page, '满意率最低的窗口'))).toContain('等候时间长 12')
    expect(linkIn(panel(page, '最新差评意见'), '水费缴纳窗口').getAttribute('href')).toBe('/dashboard/windows/103?campaign=7')
    expect(textOf(panel(page, '最新差评意见'))).toContain('排队一个小时，只开了一个窗口')
  })

  it('shows the supervisors’ visits and columns for 监督员, and the citizens’ figures for 群众', async () => {
    at('/dashboard?campaign=7&who=supervisors')
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.dash-drill-table tbody tr')).toHaveLength(2))
    const visits = panel(page, '监督评议')
    expect([...visits.querySelectorAll('dd')].map((d) => textOf(d).trim())).toEqual(['6', '84.3', '90', '1有否决项'])
    expect(page.querySelector('.dash-cards')).toBeNull()
    expect([...page.querySelectorAll('.dash-drill-table thead th')].map((th) => textOf(th))).toEqual(['排名', '行业', '监督评分', '检查得分', '综合得分', '星级', '环比'])

    getButton(page, '群众').click()
    await vi.waitFor(() => expect(page.querySelector('.dash-cards')).not.toBeNull())
    expect(() => panel(page, '监督评议')).toThrow()
    expect([...page.querySelectorAll('.dash-drill-table thead th')].map((th) => textOf(th))).toContain('满意率（95% 区间）')
    expect(location.search).toBe('?campaign=7&who=citizens')
  })

  it('says so when there is no campaign yet, and offers an administrator to create one', async () => {
    api.use(http.get('/api/campaigns', () => HttpResponse.json({ items: [] })))
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('还没有测评活动'))
    expect(linkIn(page, '新建测评活动').getAttribute('href')).toBe('/campaigns/new')
    expect(overviewQueries).toHaveLength(0)
  })

  it('tells a unit manager without units why there is nothing to see, and asks the server for nothing', async () => {
    setSignedIn({ ...adminUser, id: 6, role: 'manager', unitIds: [] })
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('您的账号还没有分配单位'))
    expect(() => getByText(page, '新建测评活动')).toThrow()
    await new Promise((r) => setTimeout(r, 20))
    expect(overviewQueries).toHaveLength(0)
    expect(rankingQueries).toHaveLength(0)
    expect(campaignLoads).toBeLessThanOrEqual(1)
  })

  it('starts a manager of one unit at its windows', async () => {
    setSignedIn({ ...adminUser, id: 6, role: 'manager', unitIds: [20] })
    api.use(http.get('/api/org/tree', () => HttpResponse.json({ sectors: [orgTree.sectors[0]], units: orgTree.units.filter((u) => u.sectorId === 2), windows: orgTree.windows.filter((w) => w.unitId === 20) })))
    const page = mount(<DashboardPage />)
    await vi.waitFor(() => expect(rankingQueries).toHaveLength(1))
    expect(rankingQueries[0]?.get('level')).toBe('window')
    await vi.waitFor(() => expect(page.querySelector('.dash-drill-table')).not.toBeNull())
    // one sector: no sector picker to choose from
    expect(() => getByLabel(page, '行业')).toThrow()
  })
})
