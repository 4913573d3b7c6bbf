import { mkdirSync } from 'node:fs'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { launchChromium, watchForProblems } from './browser'
import { startServer, type RunningServer } from './server'

/**
 * The citizen survey in a real phone-sized Chromium against the real server: a campaign is set up through the API as
 * admin, and a citizen scans a window's QR code and rates it 不满意 with reasons, a comment and a phone number.
 * Also: answers survive a network drop and are stored once, friendly pages for bad codes, 长者模式, a kiosk, a
 * one-time code, the staff preview, and axe-core's WCAG 2.1 AA rules on every screen. Screenshots go to test-results/.
 */
const SHOTS = 'test-results'
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'zh-CN' }

let server: RunningServer
let browser: Browser
let db: DatabaseHandle
let context: BrowserContext
let page: Page
let problems: string[] = []
let cookie = ''
let versionId = 0
let questionnaireId = 0
let hotline = ''
/** Tokens and addresses handed out by the API: the window's QR token, a replaced one, one of a window outside the campaign. */
const at = { token: '', replacedToken: '', idleToken: '', kioskPath: '', windowId: 0 }

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 })
const text = (locator: Locator) => locator.innerText({ timeout: 15_000 })
const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 })
const heading = () => text(page.getByRole('heading', { level: 1 }))
/** A face or chip, tapped on its visible label as a finger would (the native control is visually hidden). */
const choice = (scope: Locator, word: string) => scope.locator('label').filter({ hasText: new RegExp(`^${word}$`) })
const question = (title: string) => page.locator('.q').filter({ has: page.locator('.q-title', { hasText: title }) })
/** The stored responses with this client key, read from the server's database (SQLite or PostgreSQL). */
const rowsFor = async (clientKey: string) => (await db.db.selectFrom('responses').selectAll().where('client_key', '=', clientKey).execute()) as Record<string, unknown>[]
const expectNoAxeViolations = async () => expect(await axeViolations(page)).toEqual([])

/** Today and a month on, as dates in the deployment's time zone (Asia/Shanghai). */
function campaignDates() {
  const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000))
  return { startsOn: day(-1), endsOn: day(30) }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { Cookie: cookie, Origin: server.url, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

const tokenOf = async (windowId: number) => (await api<{ token: string }>('GET', `/api/org/windows/${windowId}/qr`)).token

/**
 * As admin through the real API: a questionnaire from the window-service template, published, in an active campaign
 * for the unit of window A-01; the QR tokens of three windows (one rotated, one outside the campaign) and a kiosk.
 */
async function setUp() {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  })
  expect(login.status).toBe(200)
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const tree = await api<{ units: { id: number; hotline: string | null }[]; windows: { id: number; unitId: number; code: string }[] }>('GET', '/api/org/tree')
  const byCode = (code: string) => tree.windows.find((w) => w.code === code)!
  const window = byCode('A-01')
  hotline = tree.units.find((u) => u.id === window.unitId)!.hotline!
  const questionnaire = await api<{ id: number }>('POST', '/api/questionnaires', { fromTemplate: 'window-service' })
  questionnaireId = questionnaire.id
  versionId = (await api<{ id: number }>('POST', `/api/questionnaires/${questionnaire.id}/publish`)).id
  const campaign = await api<{ id: number }>('POST', '/api/campaigns', { name: '端到端测评活动', ...campaignDates(), scope: { unitIds: [window.unitId] }, questionnaireId })
  await api('POST', `/api/campaigns/${campaign.id}/activate`)

  at.windowId = window.id
  at.token = await tokenOf(window.id)
  at.replacedToken = await tokenOf(byCode('A-02').id)
  await api('POST', `/api/org/windows/${byCode('A-02').id}/rotate-token`)
  at.idleToken = await tokenOf(byCode('G-01').id)
  at.kioskPath = new URL((await api<{ url: string }>('POST', '/api/kiosks', { windowId: window.id, name: '大厅评价器' })).url).pathname
}

/** A fresh browser (no storage, no cookies) with one watched page. */
async function newPage(options: Parameters<Browser['newContext']>[0] = PHONE) {
  await context?.close()
  context = await browser.newContext(options)
  page = await context.newPage()
  problems = await watchForProblems(page)
}

/** The browser's log of an HTTP error the page expected and turned into words is not a problem. */
const expectHttpErrorsOnly = (pattern: RegExp) => problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)))

describe('citizen survey in Chromium at 390 px', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startServer()
    browser = await launchChromium()
    await setUp()
    db = openDatabase(server.databaseUrl)
    await newPage()
  })

  afterEach(() => {
    // No console error, failed request, uncaught exception or CSP violation in any step.
    expect(problems).toEqual([])
  })

  afterAll(async () => {
    await db?.close()
    await browser?.close()
    const code = await server?.stop()
    expect(code, server?.output()).toBe(0)
  })

  it('shows the window and five big faces with words', async () => {
    await page.goto(`${server.url}/s/${at.token}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await eventually(() => page.title()).toContain('窗口服务满意度评价')
    const header = await text(page.locator('.window'))
    expect(header).toContain('A-01')
    expect(header).toContain('客户服务中心')

    const overall = page.getByRole('group', { name: /您对本次服务的整体满意度/ })
    await shown(overall)
    for (const word of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) {
      await shown(overall.getByRole('radio', { name: word, exact: true }))
      const box = await choice(overall, word).boundingBox()
      expect(box!.width, word).toBeGreaterThanOrEqual(48)
      expect(box!.height, word).toBeGreaterThanOrEqual(48)
    }
    // The follow-up waits for a bad review.
    await expect(page.getByText('请告诉我们哪里做得不好').count()).resolves.toBe(0)
    await page.screenshot({ path: `${SHOTS}/survey-390.png`, fullPage: true })
    await expectNoAxeViolations()
  })

  it('remembers 长者模式: larger text, one column of faces', async () => {
    const toggle = page.getByRole('button', { name: '长者模式' })
    await toggle.tap()
    await eventually(() => toggle.getAttribute('aria-pressed')).toBe('true')
    await page.reload()
    await eventually(heading).toBe('窗口服务满意度评价')
    await eventually(() => page.getByRole('button', { name: '长者模式' }).getAttribute('aria-pressed')).toBe('true')
    const fontSize = await page.locator('.level-word').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(22)
    const faces = page.locator('.q-overall label')
    const [first, second] = [await faces.nth(0).boundingBox(), await faces.nth(1).boundingBox()]
    expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1) // stacked, not side by side
    await choice(page.locator('.q-overall'), '不满意').tap()
    await shown(page.getByText('请告诉我们哪里做得不好'))
    await page.screenshot({ path: `${SHOTS}/survey-elder-390.png`, fullPage: true })
    await expectNoAxeViolations()
    await page.getByRole('button', { name: '长者模式' }).tap()
    await page.reload()
    await eventually(() => page.getByRole('button', { name: '长者模式' }).getAttribute('aria-pressed')).toBe('false')
  })

  it('reveals what went wrong, the comment and the phone when the citizen chooses 不满意', async () => {
    await choice(page.locator('.q-overall'), '不满意').tap()
    await shown(page.getByRole('group', { name: /请告诉我们哪里做得不好/ }))
    await shown(page.getByLabel(/意见和建议/))
    const phone = page.getByLabel(/留下手机号/)
    await shown(phone)
    expect(await phone.getAttribute('inputmode')).toBe('tel')
    await page.screenshot({ path: `${SHOTS}/survey-followup-390.png`, fullPage: true })
    await expectNoAxeViolations()

    // Sending without the required reasons: the message sits next to that question, nothing goes to the server.
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(() => text(question('请告诉我们哪里做得不好'))).toContain('请回答此题')
    await eventually(() => text(page.getByRole('alert'))).toContain('1 道题')
  })

  it('submits reasons, a comment and a phone, and shows the tracking code', async () => {
    const reasons = question('请告诉我们哪里做得不好')
    await choice(reasons, '办事拖拉').tap()
    await choice(reasons, '态度生硬').tap()
    await page.getByLabel(/意见和建议/).fill('排队等了一个小时，窗口只开了一个。')
    await page.getByLabel(/留下手机号/).fill('13812345678')
    let clientKey = ''
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/responses')) clientKey = (r.postDataJSON() as { clientKey: string }).clientKey
    })
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(heading).toBe('感谢您的评价！')
    const code = await text(page.locator('.tracking-code'))
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
    await eventually(() => text(page.locator('main'))).toContain(hotline)
    await eventually(() => page.title()).toContain('感谢您的评价')
    await page.screenshot({ path: `${SHOTS}/survey-thanks-390.png`, fullPage: true })
    await expectNoAxeViolations()

    expect(clientKey).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const rows = await rowsFor(clientKey)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ channel: 'qr', questionnaire_version_id: versionId, overall_level: 2, phone: '13812345678', tracking_code: code })
    expect(JSON.parse(rows[0]!.answers as string)).toEqual({ overall: 2, reasons: ['slow', 'rude'], comment: '排队等了一个小时，窗口只开了一个。' })
    expect(rows[0]!.duration_ms).toBeGreaterThan(0)
  })

  it('keeps the answers through a network drop and stores them exactly once', async () => {
    await page.goto(`${server.url}/s/${at.token}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    let clientKey = ''
    let attempts = 0
    // The first POST reaches the server and is stored, but its answer is lost on the way back.
    await page.route('**/api/s/*/responses', async (route) => {
      attempts += 1
      clientKey = (route.request().postDataJSON() as { clientKey: string }).clientKey
      if (attempts > 1) return route.continue()
      await route.fetch()
      await route.abort('connectionreset')
    })
    await choice(page.locator('.q-overall'), '满意').tap()
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(() => text(page.locator('main'))).toContain('网络不通，已保存在本机，恢复后将自动提交')
    expect(await page.evaluate(() => localStorage.getItem('manyi.survey.pending'))).toContain(clientKey)
    // The retry (after 2 s) carries the same client key: the server answers with the response it already has.
    await eventually(heading).toBe('感谢您的评价！')
    expect(attempts).toBe(2)
    const rows = await rowsFor(clientKey)
    expect(rows).toHaveLength(1)
    expect(await text(page.locator('.tracking-code'))).toBe(rows[0]!.tracking_code)
    expect(await page.evaluate(() => localStorage.getItem('manyi.survey.pending'))).toBeNull()
    await page.unroute('**/api/s/*/responses')
    // The browser logs the cut connection; that one is expected.
    problems.splice(0, problems.length, ...problems.filter((p) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(p)))
  })

  it('sends answers saved while offline first when the page is opened again', async () => {
    await page.goto(`${server.url}/s/${at.token}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    await choice(page.locator('.q-overall'), '非常满意').tap()
    await context.setOffline(true)
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(() => text(page.locator('main'))).toContain('网络不通，已保存在本机，恢复后将自动提交')
    await eventually(heading).toBe('评价已保存在本机')
    await page.screenshot({ path: `${SHOTS}/survey-offline-390.png` })
    await expectNoAxeViolations()
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('manyi.survey.pending')))!) as { body: { clientKey: string } }[]
    expect(saved).toHaveLength(1)
    const clientKey = saved[0]!.body.clientKey
    expect(await rowsFor(clientKey)).toHaveLength(0)

    // The citizen closes the page; later, online again, opens the same QR code.
    await page.close()
    await context.setOffline(false)
    page = await context.newPage()
    // Offline, the browser logged the failed request; that one is expected.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p))).toEqual([])
    problems = await watchForProblems(page)
    await page.goto(`${server.url}/s/${at.token}`)
    await eventually(heading).toBe('感谢您的评价！')
    const rows = await rowsFor(clientKey)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ overall_level: 5, channel: 'qr' })
    expect(await text(page.locator('.tracking-code'))).toBe(rows[0]!.tracking_code)
    expect(await page.evaluate(() => localStorage.getItem('manyi.survey.pending'))).toBeNull()
  })

  it.each([
    ['an unknown code', 'unknown', () => 'aaaaaaaaaaaaaaaa', '未找到该评价二维码', '台卡'],
    ['a replaced code', 'replaced', () => at.replacedToken, '该二维码已更换', '新二维码'],
    ['a window outside any campaign', 'no-campaign', () => at.idleToken, '该窗口暂未开展评价', '服务热线'],
  ])('explains %s in friendly words', async (_name, slug, token, title, words) => {
    await page.goto(`${server.url}/s/${token()}`)
    await eventually(heading).toBe(title)
    await eventually(() => text(page.locator('main'))).toContain(words)
    await eventually(() => page.title()).toContain(title)
    await page.screenshot({ path: `${SHOTS}/survey-${slug}-390.png` })
    await expectNoAxeViolations()
    expectHttpErrorsOnly(/status of 41?0/)
  })

  it('looks finished at 768 px and in English', async () => {
    await page.setViewportSize({ width: 768, height: 1024 })
    await page.goto(`${server.url}/s/${at.token}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    await page.screenshot({ path: `${SHOTS}/survey-768.png`, fullPage: true })
    await page.getByRole('button', { name: 'English' }).click()
    await eventually(heading).toBe('How was our service?')
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en')
    await shown(page.getByRole('radio', { name: 'Very dissatisfied' }))
    await page.screenshot({ path: `${SHOTS}/survey-en-768.png`, fullPage: true })
    await expectNoAxeViolations()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: `${SHOTS}/survey-en-390.png` })
    await page.getByRole('button', { name: '中文' }).click()
    await eventually(heading).toBe('窗口服务满意度评价')
  })

  it('runs a kiosk: thanks for a few seconds, then a fresh screen for the next citizen', async () => {
    await newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'zh-CN' })
    await page.goto(`${server.url}${at.kioskPath}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    expect(await page.getByRole('button', { name: 'English' }).count()).toBe(0) // no language switch on a shared screen
    await page.screenshot({ path: `${SHOTS}/survey-kiosk-1024.png`, fullPage: true })
    await expectNoAxeViolations()
    let clientKey = ''
    page.on('request', (r) => {
      if (r.method() === 'POST') clientKey = (r.postDataJSON() as { clientKey: string }).clientKey
    })
    await choice(page.locator('.q-overall'), '非常满意').tap()
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(heading).toBe('感谢您的评价！')
    await eventually(() => text(page.locator('main'))).toMatch(/\d 秒后返回评价首页/)
    await page.screenshot({ path: `${SHOTS}/survey-kiosk-thanks-1024.png` })
    // About five seconds later the next citizen finds a fresh screen.
    await eventually(heading).toBe('窗口服务满意度评价')
    expect(await page.locator('input:checked').count()).toBe(0)
    expect(await rowsFor(clientKey)).toMatchObject([{ channel: 'kiosk', overall_level: 5, questionnaire_version_id: versionId }])
  })

  it('takes one rating per one-time code (一次一评), then says the code is used', async () => {
    const issued = await api<{ code: string }>('POST', '/api/codes', { windowId: at.windowId, transactionId: 'e2e-transaction-0001' })
    await newPage()
    await page.goto(`${server.url}/c/${issued.code}`)
    await eventually(heading).toBe('窗口服务满意度评价')
    await choice(page.locator('.q-overall'), '基本满意').tap()
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(heading).toBe('感谢您的评价！')
    const code = await text(page.locator('.tracking-code'))
    const row = await db.db
      .selectFrom('responses')
      .innerJoin('one_time_codes', 'one_time_codes.id', 'responses.one_time_code_id')
      .selectAll('responses')
      .where('one_time_codes.code', '=', issued.code)
      .executeTakeFirst()
    expect(row).toMatchObject({ tracking_code: code, overall_level: 3, questionnaire_version_id: versionId })

    await page.goto(`${server.url}/c/${issued.code}`)
    await eventually(heading).toBe('该评价码已使用或已过期')
    await expectNoAxeViolations()
    expectHttpErrorsOnly(/status of 410/)
  })

  it('previews a questionnaire version for staff exactly as citizens see it, without submitting', async () => {
    await newPage({ ...PHONE, locale: 'zh-CN' })
    await context.addCookies(cookie.split('; ').map((pair) => ({ name: pair.split('=')[0]!, value: pair.slice(pair.indexOf('=') + 1), url: server.url })))
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() !== 'GET') posts.push(r.url())
    })
    await page.goto(`${server.url}/preview/questionnaires/${questionnaireId}/versions/1`)
    await eventually(heading).toBe('窗口服务满意度评价')
    await eventually(() => text(page.locator('.preview-banner'))).toContain('预览 · Preview')
    await choice(page.locator('.q-overall'), '非常不满意').tap()
    await shown(page.getByRole('group', { name: /请告诉我们哪里做得不好/ }))
    await choice(page.locator('.q').filter({ hasText: '请告诉我们哪里做得不好' }), '其他').tap()
    await page.screenshot({ path: `${SHOTS}/survey-preview-390.png`, fullPage: true })
    await expectNoAxeViolations()
    await page.getByRole('button', { name: '提交评价' }).tap()
    await eventually(heading).toBe('感谢您的评价！')
    expect(await text(page.locator('.tracking-code'))).toBe('ABCDE-FGHJK')
    expect(posts).toEqual([])
  })
})
