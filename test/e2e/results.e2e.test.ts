import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { percent } from '../../shared/scoring/format'
import type { Publication, PublicPublicationDetail } from '../../shared/schemas/publication'
import type { Overview } from '../../shared/schemas/scoring'
import { launchChromium, watchForProblems } from './browser'
import { startServer, type RunningServer } from './server'

/**
 * Management's path through the results, on the demo campaign with 45 days of responses: the admin opens the
 * dashboard, drills down sector → unit → window, publishes last month, and the public page (no login) shows the
 * published figures — the same ones the dashboard shows for that month. Screenshots at 1280 and 768 px go to
 * test-results/.
 */
const SHOTS = 'test-results'
const WIDTHS = [1280, 768] as const

let server: RunningServer
let browser: Browser
const contexts: BrowserContext[] = []
const problems: string[][] = []

const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 20_000 })
/** Today in the deployment's zone (Asia/Shanghai). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const lastMonth = () => {
  const [y, m] = today().split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 2, 1))
  const last = new Date(Date.UTC(y, m - 1, 0))
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
}

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' })
  contexts.push(context)
  const page = await context.newPage()
  problems.push(await watchForProblems(page))
  return page
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/login`)
  await page.getByLabel('用户名').fill('admin')
  await page.getByLabel('密码').fill(server.adminPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Waits until the charts have drawn (chart.js is loaded on demand) and nothing is loading. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"], .skeleton').length === 0, undefined, { timeout: 20_000 })
}

describe('dashboards, publication and the public page in Chromium', () => {
  let admin: Page
  let campaignId = 0
  let published: Publication

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startServer({ demoDays: 45 })
    browser = await launchChromium()
    admin = await newPage(1280)
    await signIn(admin)
  }, 120_000)

  afterEach(() => {
    for (const p of problems) expect(p).toEqual([])
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    const code = await server?.stop()
    expect(code, server?.output()).toBe(0)
  })

  it('the admin opens the overview and drills down sector → unit → window', async () => {
    await admin.goto(`${server.url}/dashboard`)
    await shown(admin.getByRole('heading', { name: '满意度看板', level: 1 }))
    await shown(admin.locator('.dash-drill-table tbody a'))
    await settled(admin)
    await admin.screenshot({ path: `${SHOTS}/dashboard-overview-1280.png`, fullPage: true })
    campaignId = Number(new URL(admin.url()).searchParams.get('campaign') ?? 0) || (await admin.evaluate(async () => ((await (await fetch('/api/campaigns')).json()) as { items: { id: number }[] }).items[0]!.id))

    // Sector → its units → a unit → its windows.
    await admin.locator('.dash-drill-table tbody a').first().click()
    await admin.waitForURL(/[?&]sector=\d+/)
    await shown(admin.locator('.dash-drill-table tbody a'))
    await admin.locator('.dash-drill-table tbody a').first().click()
    await admin.waitForURL(/[?&]unit=\d+/)
    await settled(admin)
    await admin.screenshot({ path: `${SHOTS}/dashboard-unit-1280.png`, fullPage: true })
    // The window page asks for that window's row of the ranking (its figures over the dashboard's period) and shows it.
    const own = admin.waitForResponse((r) => /\/rankings\?/.test(r.url()) && /[?&]windowId=\d+/.test(r.url()) && /level=window/.test(r.url()))
    await admin.locator('.dash-drill-table tbody a').first().click()
    await admin.waitForURL(/\/dashboard\/windows\/\d+/)
    const windowId = Number(/\/dashboard\/windows\/(\d+)/.exec(admin.url())![1])
    const ranking = ((await (await own).json()) as { items: { id: number; name: string; n: number }[] }).items
    expect(ranking.map((w) => w.id)).toEqual([windowId])
    await settled(admin)
    await shown(admin.getByRole('heading', { name: ranking[0]!.name, level: 1 }))
    await expect.poll(() => admin.locator('main').innerText()).toContain(ranking[0]!.n.toLocaleString('zh-CN'))
    await admin.screenshot({ path: `${SHOTS}/dashboard-window-1280.png`, fullPage: true })

    const tablet = await newPage(768)
    await signIn(tablet)
    await tablet.goto(`${server.url}/dashboard`)
    await shown(tablet.locator('.dash-drill-table tbody a'))
    await settled(tablet)
    await tablet.screenshot({ path: `${SHOTS}/dashboard-overview-768.png`, fullPage: true })
    await tablet.goto(admin.url())
    await settled(tablet)
    await tablet.screenshot({ path: `${SHOTS}/dashboard-window-768.png`, fullPage: true })
  })

  it('the admin publishes last month, and the public page shows the same figures as the dashboard', async () => {
    await admin.goto(`${server.url}/publications?campaign=${campaignId}`)
    await admin.getByRole('button', { name: '发布上月结果' }).click()
    const dialog = admin.getByRole('dialog')
    await shown(dialog)
    const response = admin.waitForResponse((r) => r.url().endsWith('/api/publications') && r.request().method() === 'POST')
    await dialog.getByRole('button', { name: '确认发布' }).click()
    published = (await (await response).json()) as Publication
    expect(published).toMatchObject({ status: 'published', to: lastMonth().to })
    await shown(admin.getByRole('link', { name: '查看公开页' }))
    await settled(admin)
    await admin.screenshot({ path: `${SHOTS}/publications-1280.png`, fullPage: true })

    // The dashboard's figures for that month.
    const overview = await admin.evaluate(
      async ([id, from, to]) => (await (await fetch(`/api/campaigns/${id}/overview?from=${from}&to=${to}`)).json()) as Overview,
      [campaignId, published.from, published.to] as const,
    )

    for (const width of WIDTHS) {
      // A visitor without a session.
      const visitor = await newPage(width)
      await visitor.goto(`${server.url}/results`)
      await shown(visitor.getByText(published.title))
      await visitor.screenshot({ path: `${SHOTS}/results-list-${width}.png`, fullPage: true })
      await visitor.goto(`${server.url}/results/${published.id}`)
      await shown(visitor.getByRole('heading', { name: published.title }))
      const detail = (await (await visitor.request.get(`${server.url}/api/public/publications/${published.id}`)).json()) as PublicPublicationDetail
      expect(detail.content.overall.rate).toBe(overview.overall.rate)
      expect(detail.content.overall.n).toBe(overview.overall.n)
      const page = await visitor.locator('main').innerText()
      expect(page).toContain(percent(overview.overall.rate))
      expect(page).toContain(published.sha256)
      // 十佳: the best window is on the page.
      expect(page).toContain(detail.content.topTen[0]!.name)
      await visitor.screenshot({ path: `${SHOTS}/results-period-${width}.png`, fullPage: true })
    }

    // The printable report, as it prints.
    const print = await newPage(1280)
    await print.goto(`${server.url}/results/${published.id}/print`)
    await shown(print.getByText(published.title))
    await print.emulateMedia({ media: 'print' })
    await print.screenshot({ path: `${SHOTS}/results-print.png`, fullPage: true })
    const pdf = await print.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('a withdrawn publication disappears from the public pages', async () => {
    const res = await admin.evaluate(
      async (id) => (await fetch(`/api/publications/${id}/withdraw`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: '测试撤回' }) })).status,
      published.id,
    )
    expect(res).toBe(200)
    const visitor = await newPage(1280)
    // The one expected failure: the withdrawn period's 404 (the browser logs it as a console error).
    const seen = problems[problems.length - 1]!
    await visitor.goto(`${server.url}/results`)
    await shown(visitor.getByRole('heading', { level: 1 }))
    await visitor.waitForLoadState('networkidle')
    expect(await visitor.locator('main').innerText()).not.toContain(published.title)
    await visitor.goto(`${server.url}/results/${published.id}`)
    await shown(visitor.getByText('该结果不存在或已撤回'))
    const expected = seen.filter((p) => /404/.test(p))
    expect(expected.length).toBeLessThanOrEqual(1)
    seen.splice(0, seen.length, ...seen.filter((p) => !/404/.test(p)))
  })
})
