import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { jpegWithGps } from '../../server/supervision/image-fixtures'
import { launchChromium, watchForProblems } from './browser'
import { startServer, type RunningServer } from './server'

/**
 * A supervisor on a 390 px phone: signs in (choosing their own password), sees only their assigned windows, records an
 * undercover visit with the 五个有 checklist, a note and a photo, and submits it. The admin then sees the visit and its
 * photo; the window's manager does not, until the campaign's period is over. Screenshots go to test-results/.
 */
const SHOTS = 'test-results'
const UNIT = '客户服务中心'

let server: RunningServer
let browser: Browser
const contexts: BrowserContext[] = []
/** Every page's problems (console errors, failed requests, CSP violations): none may occur. */
const problems: string[][] = []

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 })
const text = (locator: Locator) => locator.innerText({ timeout: 15_000 })
const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 })
/** A day in the deployment's time zone (Asia/Shanghai), `offset` days from today. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000))

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  contexts.push(context)
  const page = await context.newPage()
  problems.push(await watchForProblems(page))
  return page
}

/** Signs in through the login page; `newPassword` when the account must choose its own first. */
async function signIn(page: Page, username: string, password: string, newPassword?: string) {
  await page.goto(`${server.url}/login`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  if (newPassword) {
    await page.waitForURL(/\/account\/password/)
    await page.locator('input[name="currentPassword"]').fill(password)
    await page.locator('input[name="newPassword"]').fill(newPassword)
    await page.locator('input[name="confirmPassword"]').fill(newPassword)
    await page.locator('form button[type="submit"]').click()
  }
}

/** The API as the admin, through a request context of its own (same origin, like the page). */
let adminApi: APIRequestContext
async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await adminApi.fetch(`${server.url}${path}`, { method, headers: { Origin: server.url }, ...(data === undefined ? {} : { data }) })
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`)
  return (await res.json()) as T
}

let supervisorPassword = ''
const MANAGER_PASSWORD = 'Manager-pass-2026'
let campaignId = 0
let assigned: { id: number; code: string; name: string }[] = []
let campaignBody: Record<string, unknown> = {}

describe('supervisor visits in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = await startServer()
    browser = await launchChromium()
    const admin = await browser.newContext()
    contexts.push(admin)
    adminApi = admin.request
    await api('POST', '/api/auth/login', { username: 'admin', password: server.adminPassword })

    // The organisation is the demo city; the test sets up a campaign over one unit, its supervisor form, a supervisor
    // assigned to two of its windows, and that unit's manager.
    const org = await api<{ units: { id: number; name: string }[]; windows: { id: number; unitId: number; code: string; name: string }[] }>('GET', '/api/org/tree')
    const unit = org.units.find((u) => u.name.includes(UNIT))!
    const citizen = await api<{ id: number }>('POST', '/api/questionnaires', { fromTemplate: 'window-service' })
    await api('POST', `/api/questionnaires/${citizen.id}/publish`)
    const form = await api<{ id: number }>('POST', '/api/questionnaires', { fromTemplate: 'five-haves-check' })
    await api('POST', `/api/questionnaires/${form.id}/publish`)
    campaignBody = { name: '窗口服务明察暗访（端到端）', startsOn: day(-10), endsOn: day(20), scope: { unitIds: [unit.id] }, questionnaireId: citizen.id }
    campaignId = (await api<{ id: number }>('POST', '/api/campaigns', campaignBody)).id
    await api('POST', `/api/campaigns/${campaignId}/activate`)
    await api('PUT', `/api/campaigns/${campaignId}/supervision`, { questionnaireIds: [form.id], visitsPerWindowPerMonth: 2, undercoverPerWindowPerMonth: 1 })
    assigned = org.windows.filter((w) => w.unitId === unit.id).slice(0, 2)
    const created = await api<{ initialPassword: string }>('POST', '/api/supervisors', {
      username: 'chen.deputy',
      displayName: '陈代表',
      kind: 'npc_deputy',
      organisation: '市人大代表（第三选区）',
      phone: '13912345678',
      letterNo: 'RD-2026-099',
      termStart: day(-30),
      termEnd: day(300),
    })
    supervisorPassword = created.initialPassword
    const supervisorId = (await api<{ items: { id: number; username: string }[] }>('GET', '/api/supervisors')).items.find((s) => s.username === 'chen.deputy')!.id
    await api('POST', `/api/campaigns/${campaignId}/assignments`, { supervisorId, scope: { windowIds: assigned.map((w) => w.id) } })
    await api('POST', '/api/users', { username: 'kf.manager', displayName: '客服中心管理员', role: 'manager', unitIds: [unit.id], password: MANAGER_PASSWORD })
  })
  afterEach(() => {
    expect(problems.flat()).toEqual([])
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
    const code = await server?.stop()
    expect(code, server?.output()).toBe(0)
  })

  let visitUrl = ''
  it('a supervisor on a phone sees only their assigned windows and records an undercover visit with a photo', async () => {
    const page = await newPage({ width: 390, height: 844 })
    await signIn(page, 'chen.deputy', supervisorPassword, 'Chen-deputy-2026')
    await page.waitForURL(/\/supervise$/)
    const cards = page.locator('.spv-window')
    await eventually(() => cards.count()).toBe(2)
    const names = await cards.allInnerTexts()
    for (const w of assigned) expect(names.join('\n')).toContain(w.code)
    await eventually(() => text(cards.first())).toContain('本月 0/2 次')
    await page.screenshot({ path: `${SHOTS}/supervise-windows-390.png`, fullPage: true })

    await cards.first().getByRole('link', { name: new RegExp(`开始评议：${assigned[0]!.code}`) }).click()
    await page.waitForURL(/\/supervise\/visits\/new/)
    await page.getByText('暗访', { exact: true }).click()
    for (const key of ['environment', 'areas', 'conveniences', 'uniform']) await page.locator(`#q-${key}`).getByText('是', { exact: true }).click()
    await page.locator('#q-process').getByText('否', { exact: true }).click()
    await page.locator('#q-findings-input').fill('办事流程图被宣传架遮挡，群众看不到')
    await page.getByLabel('备注').fill('暗访时排队约 20 分钟，叫号屏正常')
    await page.locator('input[type="file"]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() })
    await eventually(() => page.locator('.spv-photos img, .spv-photo img').count()).toBe(1)
    await page.waitForURL(/\/supervise\/visits\/\d+/)
    visitUrl = page.url()
    await page.screenshot({ path: `${SHOTS}/supervise-visit-form-390.png`, fullPage: true })

    await page.getByRole('button', { name: '提交', exact: true }).click()
    const confirm = page.getByRole('alertdialog')
    await confirm.getByRole('button', { name: '确认提交' }).click()
    await eventually(() => text(page.locator('main'))).toContain('评议已提交')
    await eventually(() => text(page.locator('main'))).toContain('检查得分')
    await eventually(() => text(page.locator('main'))).toContain('80')
    await page.screenshot({ path: `${SHOTS}/supervise-visit-submitted-390.png`, fullPage: true })
    // Read-only now: no save or submit buttons.
    expect(await page.getByRole('button', { name: '提交', exact: true }).count()).toBe(0)

    await page.goto(`${server.url}/supervise`)
    await eventually(() => text(page.locator('.spv-window').first())).toContain('本月 1/2 次')
    await eventually(() => text(page.locator('.spv-window').first())).toContain('暗访 1/1')
  })

  it('the admin sees the visit, its findings and its photo', async () => {
    const page = await newPage({ width: 1280, height: 900 })
    await signIn(page, 'admin', server.adminPassword)
    await page.waitForURL(/\/org/)
    await page.locator('.side-nav').getByRole('link', { name: '监督评议' }).click()
    await page.waitForURL(/\/visits/)
    await eventually(() => text(page.locator('main'))).toContain('陈代表')
    await page.screenshot({ path: `${SHOTS}/visits-admin-1280.png`, fullPage: true })
    const id = /\/supervise\/visits\/(\d+)/.exec(visitUrl)![1]
    await page.goto(`${server.url}/visits/${id}`)
    await eventually(() => text(page.locator('main'))).toContain('暗访')
    await eventually(() => text(page.locator('main'))).toContain('有醒目详细的办事流程')
    const photo = page.locator('main img').first()
    await shown(photo)
    await eventually(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    await page.screenshot({ path: `${SHOTS}/visit-detail-1280.png`, fullPage: true })
  })

  it('the window’s manager does not see the undercover visit until the campaign’s period is over', async () => {
    const page = await newPage({ width: 1280, height: 900 })
    await signIn(page, 'kf.manager', MANAGER_PASSWORD, 'Kf-manager-2026')
    await page.waitForURL(/\/org/)
    const id = /\/supervise\/visits\/(\d+)/.exec(visitUrl)![1]
    const visits = await page.request.fetch(`${server.url}/api/visits?campaignId=${campaignId}`)
    expect(((await visits.json()) as { total: number }).total).toBe(0)
    expect((await page.request.fetch(`${server.url}/api/visits/${id}`)).status()).toBe(404)
    await page.goto(`${server.url}/visits`)
    await eventually(() => text(page.locator('main'))).not.toContain('陈代表')
    await page.screenshot({ path: `${SHOTS}/visits-manager-before-end-1280.png`, fullPage: true })

    // The administrator moves the campaign's end to yesterday: its period is over.
    await api('PUT', `/api/campaigns/${campaignId}`, { ...campaignBody, startsOn: day(-10), endsOn: day(-1) })
    expect((await page.request.fetch(`${server.url}/api/visits/${id}`)).status()).toBe(200)
    await page.goto(`${server.url}/visits/${id}`)
    await eventually(() => text(page.locator('main'))).toContain('暗访')
  })
})
