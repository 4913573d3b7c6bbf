import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, getButton, mount, textOf } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { App } from './App'
import { yAxis } from './components/RateChart'
import { parseRoute } from './route'
import { detail, october, september, SHA, staff } from './testing/fixtures'

const api = useFakeApi()
const LIST = '/api/public/publications'
const ONE = '/api/public/publications/:id'

/** Waits for the page to get there; generous, as a loaded CI machine may take a while. */
const until = <T,>(check: () => T) => vi.waitFor(check, { timeout: 5_000 })
const open = (path: string) => mount(<App route={parseRoute(path)} />)
const heading = (page: HTMLElement) => page.querySelector('h1')?.textContent ?? ''
const settled = (page: HTMLElement) => until(() => expect(page.querySelector('.loading')).toBeNull())
/** The rows of a table found by its caption. */
function rows(page: HTMLElement, caption: string): HTMLTableRowElement[] {
  const table = [...page.querySelectorAll('table')].find((t) => t.caption?.textContent === caption)
  if (!table) throw new Error(`No table "${caption}"`)
  return [...table.tBodies[0]!.rows]
}
const cells = (row: HTMLTableRowElement) => [...row.cells].map((c) => textOf(c).trim())

describe('the public results pages', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'zh'])
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  describe('the list', () => {
    it('shows exactly the publications the API returns, newest first, each with its period, rate, n and date', async () => {
      api.use(
        http.get(LIST, () => HttpResponse.json({ items: [october, september] })),
        http.get(ONE, () => HttpResponse.json(detail())),
      )
      const page = open('/results')
      await settled(page)
      await until(() => expect(page.querySelector('.chart-target')).not.toBeNull())
      expect(heading(page)).toBe('满意度监测结果公示')
      const items = [...page.querySelectorAll('.publication')]
      expect(items).toHaveLength(2)
      expect(items.map((i) => i.querySelector('a')?.getAttribute('href'))).toEqual(['/results/7', '/results/5'])
      expect(textOf(items[0]!)).toContain(october.title)
      expect(textOf(items[0]!)).toContain('2026-10-01 至 2026-10-31')
      expect(textOf(items[0]!)).toContain('96.9%')
      expect(textOf(items[0]!)).toContain('样本 18,217 份')
      expect(textOf(items[1]!)).toContain('94.1%')
      expect(textOf(page)).not.toContain('暂无公开发布的结果')
    })

    it('draws the trend across periods, oldest first, against the target from the newest snapshot, with a table view', async () => {
      const asked: string[] = []
      api.use(
        http.get(LIST, () => HttpResponse.json({ items: [october, september] })),
        http.get(ONE, ({ params }) => {
          asked.push(String(params['id']))
          return HttpResponse.json(detail())
        }),
      )
      const page = open('/results')
      await until(() => expect(page.querySelector('.chart-target')).not.toBeNull())
      expect(asked).toEqual(['7'])
      const svg = page.querySelector('svg')!
      expect(svg.getAttribute('role')).toBe('img')
      expect([...svg.querySelectorAll('.chart-value')].map((t) => t.textContent)).toEqual(['94.1%', '96.9%'])
      // September is below the 95% target: red, and the table says so in words.
      expect(svg.querySelector('.chart-value.below')?.textContent).toBe('94.1%')
      const table = rows(page, '历次发布的总体满意率 · 2026年度窗口服务群众满意度测评')
      expect(cells(table[0]!)).toEqual(['2026-09-01 至 2026-09-30', '9,120', '94.1%未达目标'])
      expect(cells(table[1]!)).toEqual(['2026-10-01 至 2026-10-31', '18,217', '96.9%'])
    })

    it('says so kindly when nothing is published', async () => {
      api.use(http.get(LIST, () => HttpResponse.json({ items: [] })))
      const page = open('/results')
      await settled(page)
      expect(textOf(page)).toContain('暂无公开发布的结果')
      expect(page.querySelectorAll('.publication')).toHaveLength(0)
      expect(page.querySelector('svg')).toBeNull()
    })

    it('offers a retry when the list cannot be loaded', async () => {
      let calls = 0
      api.use(
        http.get(LIST, () => {
          calls++
          return calls === 1 ? HttpResponse.error() : HttpResponse.json({ items: [october] })
        }),
      )
      const page = open('/results')
      await settled(page)
      expect(heading(page)).toBe('页面暂时打不开')
      getButton(page, '重试').click()
      await until(() => expect(page.querySelectorAll('.publication')).toHaveLength(1))
    })
  })

  describe('one period', () => {
    it('shows the headline figures: rate with its interval and n against the target, index, bad rate, windows', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      expect(heading(page)).toBe(october.title)
      const figures = [...page.querySelectorAll('.figure')].map((f) => [f.querySelector('h3')?.textContent, f.querySelector('.figure-value')?.textContent ?? null])
      expect(figures).toEqual([
        ['满意率', '96.9%'],
        ['满意度指数', '91'],
        ['差评率', '3.1%'],
        ['窗口达标情况', null],
      ])
      const main = textOf(page.querySelector('.figure-main')!)
      expect(main).toContain('95% 区间 96.6% – 97.1%')
      expect(main).toContain('样本 18,217 份')
      expect(main).toContain('达到目标 目标 95.0%')
      expect([...page.querySelectorAll('.windows div')].map((d) => `${d.querySelector('dt')?.textContent} ${d.querySelector('dd')?.textContent}`)).toEqual(['达标 2 个', '未达标 1 个', '样本不足 1 个'])
      await until(() => expect(document.title).toBe(`${october.title} · 满意`))
    })

    it('lists 十佳 and 未达标 windows, the red rate always with the word', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      const [top, below] = [...page.querySelectorAll('.cards')] as HTMLElement[]
      expect([...top!.querySelectorAll('.card strong')].map((s) => s.textContent)).toEqual(['挂失补卡窗口', '社保卡办理窗口', '过户更名窗口'])
      const bad = below!.querySelector('.card')!
      expect(textOf(bad)).toContain('过户更名窗口')
      expect(textOf(bad)).toContain('未达标')
      expect(textOf(bad)).toContain('87.8%')
    })

    it('ranks windows in a table; a 样本不足 row shows no rank and no stars', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      const table = page.querySelector('table')!
      expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual(['排名', '名称', '所属单位', '样本数', '满意率（区间）', '指数', '达标', '星级'])
      expect([...table.tHead!.rows[0]!.cells].every((c) => c.getAttribute('scope') === 'col')).toBe(true)
      const body = rows(page, '窗口排名')
      expect(body).toHaveLength(4)
      expect(cells(body[0]!)).toEqual(['1', '挂失补卡窗口 C-03', 'IC卡服务中心', '409', '99.5%98.2% – 99.9%', '93.2', '达标', '★★★★4 星'])
      expect(body[0]!.querySelector('th')?.getAttribute('scope')).toBe('row')
      expect(cells(body[2]!)[6]).toBe('未达标')
      const few = cells(body[3]!)
      expect(few[0]).toBe('—不排名')
      expect(few[6]).toBe('样本不足')
      expect(few[7]).toBe('—无星级')
    })

    it('switches to the unit and sector rankings; no 服务明星 tab when staff names are not published', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      const tabs = [...page.querySelectorAll('[role=tab]')]
      expect(tabs.map((t) => t.textContent)).toEqual(['窗口', '单位', '行业'])
      expect(textOf(page)).not.toContain('服务明星')
      getButton(page, '单位').click()
      await until(() => expect(rows(page, '单位排名').map((r) => cells(r)[1])).toEqual(['IC卡服务中心', '城西营业所']))
      expect(page.querySelector('[role=tab][aria-selected=true]')?.textContent).toBe('单位')
      // Arrow keys move between tabs, as WAI-ARIA tabs do.
      page.querySelector('[role=tablist]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
      await until(() => expect(page.querySelector('[role=tab][aria-selected=true]')?.textContent).toBe('行业'))
      expect(page.querySelector('[role=tab][aria-selected=true]')?.getAttribute('tabindex')).toBe('0')
      getButton(page, '行业').click()
      await until(() => expect(cells(rows(page, '行业排名')[0]!)).toEqual(['1', '公交', '3,119', '98.0%97.4% – 98.4%', '91.2', '达标', '★★★3 星']))
    })

    it('shows the 服务明星 ranking when the snapshot has one, without employee numbers', async () => {
      const withStaff = detail()
      withStaff.content.rankings.staff = staff
      api.use(http.get(ONE, () => HttpResponse.json(withStaff)))
      const page = open('/results/7')
      await settled(page)
      getButton(page, '服务明星').click()
      await until(() => expect(cells(rows(page, '服务明星排名')[0]!).slice(0, 3)).toEqual(['1', '李晓红', '挂失补卡窗口']))
      expect(textOf(page)).not.toContain('E1024')
    })

    it('draws the daily trend with a gap for a day without responses, and a table view', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      const chart = page.querySelector('.chart svg')!
      // Two separate runs (10-01 and 10-03), never a zero for 10-02.
      expect(chart.querySelectorAll('polyline')).toHaveLength(2)
      expect(chart.querySelectorAll('circle')).toHaveLength(2)
      expect(chart.querySelector('.chart-target text')?.textContent).toBe('95.0%')
      expect(chart.querySelector('.chart-dot.below')).not.toBeNull()
      expect(rows(page, '每日满意率').map(cells)).toEqual([
        ['2026-10-01', '620', '96.9%'],
        ['2026-10-02', '0', '无数据'],
        ['2026-10-03', '580', '94.5%未达目标'],
      ])
    })

    it('gives the SHA-256, the snapshot link and how to check it', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      const verify = page.querySelector('.verify') as HTMLElement
      expect(verify.querySelector('.sha')?.textContent).toBe(SHA)
      expect(verify.querySelector('a')?.getAttribute('href')).toBe('/api/public/publications/7/snapshot.json')
      expect(textOf(verify)).toContain('下载快照文件，用 sha256sum 计算，结果应与上方一致')
      expect(page.querySelector('a[href="/results/7/print"]')?.textContent).toBe('打印版')
    })

    it('shows a friendly page for a withdrawn or unknown publication, never an error', async () => {
      api.use(http.get(ONE, () => HttpResponse.json({ error: { code: 'not_found', message: '未找到该资源' } }, { status: 404 })))
      const page = open('/results/9')
      await settled(page)
      expect(heading(page)).toBe('该结果不存在或已撤回')
      expect(textOf(page)).not.toContain('404')
      expect(textOf(page)).not.toContain('未找到该资源')
      expect(page.querySelector('.message a[href="/results"]')?.textContent).toBe('全部发布结果')
      await until(() => expect(document.title).toBe('该结果不存在或已撤回 · 满意'))
    })

    it('shows the same friendly page for an address that names no publication, without asking the API', async () => {
      const page = open('/results/latest')
      await settled(page)
      expect(heading(page)).toBe('该结果不存在或已撤回')
    })
  })

  describe('the printable report', () => {
    it('has the figures, 十佳, 未达标, the rankings with repeating headers and the SHA-256, and a print button', async () => {
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
      const page = open('/results/7/print')
      await settled(page)
      const sheet = page.querySelector('.sheet') as HTMLElement
      expect(heading(page)).toBe(october.title)
      expect([...sheet.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['总体结果', '每日满意率', '十佳窗口', '未达标窗口', '窗口排名', '行业汇总', '单位汇总', '结果核验'])
      expect(sheet.querySelector('svg')).not.toBeNull()
      expect(rows(page, '十佳窗口')).toHaveLength(3)
      expect(cells(rows(page, '未达标窗口')[0]!)).toContain('未达标')
      expect(rows(page, '窗口排名')).toHaveLength(4)
      expect(sheet.querySelectorAll('table thead')).toHaveLength(5)
      expect(textOf(sheet)).toContain(SHA)
      expect(textOf(sheet)).toContain('http://localhost:3000/api/public/publications/7/snapshot.json')
      getButton(page, '打印').click()
      expect(print).toHaveBeenCalledOnce()
    })

    it('adds the 服务明星 ranking only when the snapshot has one', async () => {
      const withStaff = detail()
      withStaff.content.rankings.staff = staff
      api.use(http.get(ONE, () => HttpResponse.json(withStaff)))
      const page = open('/results/7/print')
      await settled(page)
      expect(textOf(page)).toContain('服务明星排名')
      expect(rows(page, '服务明星排名')).toHaveLength(1)
    })
  })

  describe('language', () => {
    it('follows the browser language, and the switch is remembered on this device', async () => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en'])
      api.use(http.get(ONE, () => HttpResponse.json(detail())))
      const page = open('/results/7')
      await settled(page)
      expect(textOf(page)).toContain('Satisfaction rate')
      expect(document.documentElement.lang).toBe('en')
      getButton(page, '中文').click()
      await until(() => expect(textOf(page)).toContain('满意率'))
      expect(document.documentElement.lang).toBe('zh-CN')
      expect(localStorage.getItem('manyi.locale')).toBe('zh-CN')
    })

    it('uses the language chosen before', async () => {
      localStorage.setItem('manyi.locale', 'en')
      api.use(http.get(LIST, () => HttpResponse.json({ items: [] })))
      const page = open('/results')
      await settled(page)
      expect(heading(page)).toBe('Public satisfaction results')
      expect(textOf(page)).toContain('No results have been published yet')
    })
  })
})

describe('routes', () => {
  it('reads the list, a period and its report from the address', () => {
    expect(parseRoute('/results')).toEqual({ kind: 'list' })
    expect(parseRoute('/results/')).toEqual({ kind: 'list' })
    expect(parseRoute('/results/12')).toEqual({ kind: 'detail', id: 12 })
    expect(parseRoute('/results/12/print')).toEqual({ kind: 'print', id: 12 })
    expect(parseRoute('/results/12/other')).toEqual({ kind: 'unknown' })
    expect(parseRoute('/results/x')).toEqual({ kind: 'unknown' })
  })
})

describe('the chart axis', () => {
  it('runs from a round value below the lowest rate or the target up to 100%, in at most five steps', () => {
    expect(yAxis([0.969, 0.935], 0.95)).toEqual({ low: 0.92, ticks: [0.92, 0.94, 0.96, 0.98, 1] })
    expect(yAxis([0.99], 0.95)).toEqual({ low: 0.94, ticks: [0.94, 0.96, 0.98, 1] })
    expect(yAxis([0.6], 0.95)).toEqual({ low: 0.5, ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1] })
    expect(yAxis([], null)).toEqual({ low: 0, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] })
  })
})
