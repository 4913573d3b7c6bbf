import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { orgTree } from '../../testing/org-fixture'
import { adminUser, textOf } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { visit } from '../visits/visit-fixture'
import { campaign, overview, ranking, staff, windows } from './dashboard-fixture'
import { mountPage as mount, unmountAll } from './test-mount'
import { WindowDashboardPage } from './WindowDashboardPage'

vi.mock('./chart-setup', () => ({
  Chart: class {
    static getChart() {
      return undefined
    }
    destroy() {}
  },
}))

const api = useFakeApi()

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => textOf(c).trim())
const tile = (root: Element, label: string) => [...root.querySelectorAll('.dash-window-figures dl > div')].find((d) => d.querySelector('dt')?.textContent === label)!

describe('a window’s dashboard', () => {
  let queries: Record<string, URLSearchParams[]>
  let windowRows = windows.items.filter((i) => i.id === 103)
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-21T04:00:00.000Z'))
    window.scrollTo = () => {}
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    at('/dashboard/windows/103?campaign=7&period=lastMonth&channel=qr')
    queries = { overview: [], window: [], staff: [], visits: [] }
    windowRows = windows.items.filter((i) => i.id === 103)
    const overviewOfWindow = overview({ lowest: [], windows: { attained: 0, notAttained: 1, insufficient: 0 } })
    api.use(
      http.get('/api/campaigns', () => HttpResponse.json({ items: [campaign()] })),
      http.get('/api/org/tree', () => HttpResponse.json(orgTree)),
      http.get('/api/campaigns/7/overview', ({ request }) => {
        queries['overview']!.push(new URL(request.url).searchParams)
        return HttpResponse.json(overviewOfWindow)
      }),
      http.get('/api/campaigns/7/rankings', ({ request }) => {
        const query = new URL(request.url).searchParams
        const level = query.get('level')!
        queries[level]!.push(query)
        return HttpResponse.json(level === 'staff' ? staff : ranking('window', windowRows))
      }),
      http.get('/api/visits', ({ request }) => {
        queries['visits']!.push(new URL(request.url).searchParams)
        return HttpResponse.json({ items: [visit()], total: 1 })
      }),
    )
  })
  afterEach(async () => {
    await unmountAll()
    vi.useRealTimers()
  })

  it('asks for this window’s figures, staff and visits with the campaign, period and channel of the address', async () => {
    const page = mount(<WindowDashboardPage />)
    await vi.waitFor(() => expect(queries['visits']).toHaveLength(1))
    await vi.waitFor(() => expect(queries['staff']).toHaveLength(1))
    const period = { from: '2026-10-01', to: '2026-10-31', windowId: '103', channel: 'qr' }
    expect(Object.fromEntries(queries['overview']![0]!)).toEqual(period)
    expect(Object.fromEntries(queries['window']![0]!)).toEqual({ ...period, level: 'window', method: 'wilson' })
    expect(Object.fromEntries(queries['staff']![0]!)).toEqual({ ...period, level: 'staff', method: 'wilson' })
    expect(queries['visits']![0]!.get('campaignId')).toBe('7')
    expect(queries['visits']![0]!.get('windowId')).toBe('103')

    await vi.waitFor(() => expect(page.querySelector('.dash-window-figures')).not.toBeNull())
    expect(textOf(page.querySelector('h1')!)).toBe('A-03 水费缴纳窗口')
    const crumbs = [...page.querySelectorAll('.dash-page-crumbs li')].map((li) => [textOf(li).trim(), li.querySelector('a')?.getAttribute('href') ?? null])
    expect(crumbs).toEqual([
      ['满意度看板', '/dashboard?campaign=7&period=lastMonth&channel=qr'],
      ['供水', '/dashboard?campaign=7&period=lastMonth&sector=1&channel=qr'],
      ['客户服务中心', '/dashboard?campaign=7&period=lastMonth&sector=1&unit=11&channel=qr'],
      ['A-03 水费缴纳窗口', null],
    ])
  })

  it('shows the window’s rank, rate with its interval against the target in words, composite, stars and veto', async () => {
    const page = mount(<WindowDashboardPage />)
    await vi.waitFor(() => expect(page.querySelector('.dash-window-figures')).not.toBeNull())
    expect(textOf(tile(page, '排名'))).toContain('第 9 名')
    expect(textOf(tile(page, '排名'))).toContain('比上期下降 1 名（上期第 8 名）')
    expect(textOf(tile(page, '样本数').querySelector('dd')!).trim()).toBe('210')
    const rate = tile(page, '满意率')
    expect(textOf(rate)).toContain('88.1%')
    expect(textOf(rate)).toContain('83.0%–91.8%')
    expect(textOf(rate.querySelector('.dash-state')!)).toBe('未达标')
    expect(rate.querySelector('.dash-state svg')).not.toBeNull()
    expect(textOf(rate)).toContain('目标 95.0%')
    const composite = tile(page, '综合得分')
    expect(textOf(composite)).toContain('60')
    expect(textOf(composite)).toContain('一票否决')
    expect(textOf(composite)).toContain('1 星')
  })

  it('lists the staff, 样本不足 ones unranked, and the supervisors’ visits with links', async () => {
    const page = mount(<WindowDashboardPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.dash-drill-table tbody tr')).toHaveLength(2))
    const [first, second] = [...page.querySelectorAll('.dash-drill-table tbody tr')]
    expect(cells(first!).slice(0, 3)).toEqual(['1', 'S-01 王芳', '64'])
    expect(cells(second!)[0]).toBe('—样本不足，不参加排名')
    expect(cells(second!)[6]).toBe('样本不足')
    expect(textOf(page.querySelector('.dash-drill h2')!)).toBe('服务人员排名')
    await vi.waitFor(() => expect(page.querySelector('.sv-visit-table')).not.toBeNull())
    expect(page.querySelector('.sv-visit-table a')!.getAttribute('href')).toBe('/visits/501')
    expect(textOf(page)).toContain('排队一个小时，只开了一个窗口')
  })

  it('says so when the window is not in the campaign', async () => {
    windowRows = []
    const page = mount(<WindowDashboardPage />)
    await vi.waitFor(() => expect(textOf(page)).toContain('该窗口不在此测评活动中'))
    expect(page.querySelector('.dash-window-figures')).toBeNull()
  })
})
