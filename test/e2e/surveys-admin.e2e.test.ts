import { randomBytes } from 'node:crypto'
import type { Browser, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server'
import { useStaffSession } from './staff-session'

/**
 * The survey administration pages in a real browser against the real server: the admin creates a questionnaire from
 * the window-service template, edits a question, saves and publishes it; creates a campaign over a demo unit and
 * activates it (and sees the clash when a second campaign wants the same windows); reviews flagged responses.
 * Screenshots go to test-results/.
 */
const SHOTS = 'test-results'
const QUESTIONNAIRE = '窗口服务满意度评价（端到端）'
const CAMPAIGN = '客户服务中心满意度测评（端到端）'
const UNIT = '客户服务中心'

let server: RunningServer
let browser: Browser
let page: Page
let problems: string[] = []

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 })
const text = (locator: Locator) => locator.innerText({ timeout: 15_000 })
const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 })
const gone = (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: 15_000 })
const heading = () => text(page.getByRole('heading', { level: 1 }))
const nav = (name: string) => page.locator('.side-nav').getByRole('link', { name })
const card = (key: string) => page.locator(`.q-card[data-key="${key}"]`)
/** A day in the deployment's time zone (Asia/Shanghai), `offset` days from today. */
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000))
/** The browser logs the HTTP error of a refusal the page turned into words; that one is expected. */
const expectHttpErrorsOnly = (pattern: RegExp) => problems.splice(0, problems.length, ...problems.filter((p) => !pattern.test(p)))

/** An API call with the signed-in browser's cookie (the same origin, as the page itself would send it). */
async function api<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${server.url}${path}`, { method, headers: { Origin: server.url }, ...(data === undefined ? {} : { data }) })
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`)
  return (await res.json()) as T
}

/** A citizen's submission as the survey page sends it, from a fresh device (no cookie), so nothing but the given flags apply. */
async function submit(token: string, versionId: number, answers: Record<string, unknown>, extra: { durationMs?: number; hp?: string }) {
  const res = await fetch(`${server.url}/api/s/${token}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ versionId, answers, clientKey: randomBytes(12).toString('hex'), ...extra }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
}

describe('questionnaires, campaigns and review in Chromium', () => {
  const session = useStaffSession(SHOTS)
  beforeAll(() => {
    ;({ server, browser, page, problems } = session)
  })

  it('signs in as admin and finds the new pages in the navigation', async () => {
    await page.goto(`${server.url}/login`)
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(server.adminPassword)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/org/)
    for (const name of ['问卷', '测评活动', '待审核']) await shown(nav(name))
  })

  it('creates a questionnaire from the window-service template, edits a question, saves and publishes it', async () => {
    await nav('问卷').click()
    await eventually(heading).toBe('问卷')
    await page.getByRole('button', { name: '从模板新建' }).first().click()
    const dialog = page.getByRole('dialog', { name: '从模板新建问卷' })
    await shown(dialog.getByText('“五个好”服务评价'))
    await dialog.getByRole('radio', { name: /^窗口服务满意度评价/ }).check()
    await dialog.getByLabel('名称（可选）').fill(QUESTIONNAIRE)
    await dialog.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/\/questionnaires\/\d+$/)
    await eventually(heading).toContain(QUESTIONNAIRE)
    await eventually(() => text(page.locator('.version-banner'))).toContain('第 1 版 · 草稿')
    await eventually(() => page.locator('.q-card').count()).toBe(8)

    await page.getByRole('button', { name: '编辑第 2 题' }).click()
    await card('attitude').getByLabel('题目（中文）').fill('工作人员的服务态度')
    await card('attitude').getByLabel('题目（英文，可选）').fill('How friendly were our staff?')
    await eventually(() => text(page.locator('.builder-toolbar'))).toContain('有未保存的修改')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await eventually(() => text(page.locator('.builder-toolbar'))).toContain('已保存为第 1 版草稿')

    await page.getByRole('button', { name: '发布', exact: true }).click()
    const confirm = page.getByRole('alertdialog', { name: '发布第 1 版' })
    await confirm.getByRole('button', { name: '发布' }).click()
    await gone(confirm)
    await eventually(() => text(page.locator('.version-banner'))).toContain('第 1 版已于')
    await eventually(() => text(page.locator('.version-banner'))).toContain('保存将生成第 2 版草稿')

    // Saved on the server: after a reload the edited text is there, and the version is published.
    await page.reload()
    await eventually(() => text(card('attitude').locator('.q-text'))).toContain('工作人员的服务态度')
    await eventually(() => text(page.locator('.version-history'))).toContain('已发布')

    await page.getByRole('button', { name: '编辑第 6 题' }).click() // 请告诉我们哪里做得不好: options and a condition
    await shown(card('reasons').locator('.condition-values'))
    await page.setViewportSize({ width: 1280, height: 1800 })
    await page.evaluate(() => scrollTo(0, 0))
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${SHOTS}/questionnaire-builder-1280.png` })
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('previews the saved version at phone width, as the citizen page itself', async () => {
    await page.getByRole('button', { name: '预览', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '预览 · 第 1 版' })
    await shown(dialog)
    const frame = page.frameLocator('.preview-frame')
    await eventually(() => text(frame.locator('.preview-banner'))).toContain('预览')
    await eventually(() => text(frame.getByRole('heading', { level: 1 }))).toBe('窗口服务满意度评价')
    await shown(frame.getByText('工作人员的服务态度'))
    const box = await page.locator('.preview-frame').boundingBox()
    expect(Math.round(box!.width)).toBe(390)
    await dialog.getByRole('button', { name: '关闭' }).click()
    await gone(dialog)
  })

  it('creates a campaign over a demo unit and activates it', async () => {
    await nav('测评活动').click()
    await eventually(heading).toBe('测评活动')
    await shown(page.getByText('还没有测评活动'))
    await page.getByRole('link', { name: '新建活动' }).first().click()
    await eventually(heading).toBe('新建活动')

    await page.setViewportSize({ width: 768, height: 1024 })
    await page.getByLabel('活动名称').fill(CAMPAIGN)
    await page.getByLabel('开始日期').fill(day(0))
    await page.getByLabel('结束日期').fill(day(60))
    await page.getByRole('button', { name: '展开“示范市水务集团（演示）”' }).click()
    await page.locator('.scope-row', { hasText: UNIT }).getByRole('checkbox').check()
    await eventually(() => text(page.locator('.scope-summary'))).toContain('将参评 6 个窗口')
    await page.getByLabel('群众评价问卷').selectOption({ label: QUESTIONNAIRE })
    await page.locator('.scope-picker').scrollIntoViewIfNeeded()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${SHOTS}/campaign-form-768.png` })
    const box = await page.locator('.campaign-form').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(768) // nothing sticks out on a tablet

    await page.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/\/campaigns\/\d+$/)
    await eventually(heading).toContain(CAMPAIGN)
    await eventually(() => text(page.locator('h1 .status-tag'))).toBe('草稿')
    await page.locator('.page-actions').getByRole('button', { name: '启用' }).click()
    const confirm = page.getByRole('alertdialog', { name: `启用活动“${CAMPAIGN}”` })
    await confirm.getByRole('button', { name: '启用' }).click()
    await gone(confirm)
    await eventually(() => text(page.locator('h1 .status-tag'))).toBe('进行中')
    await shown(page.getByText('活动已启用。'))
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('lists the campaign, and refuses a second active campaign over the same windows with the clashing windows listed', async () => {
    const tree = await api<{ units: { id: number; name: string }[] }>('GET', '/api/org/tree')
    const unitId = tree.units.find((u) => u.name === UNIT)!.id
    const { items } = await api<{ items: { id: number; name: string }[] }>('GET', '/api/questionnaires')
    const questionnaireId = items.find((q) => q.name === QUESTIONNAIRE)!.id
    await api('POST', '/api/campaigns', { name: '重复的测评（端到端）', startsOn: day(0), endsOn: day(30), scope: { unitIds: [unitId] }, questionnaireId })

    await nav('测评活动').click()
    const row = page.locator('tbody tr', { hasText: CAMPAIGN })
    await eventually(() => text(row)).toContain('进行中')
    await eventually(() => text(row)).toContain('6')
    await eventually(() => text(row)).toContain('满意率 ≥ 95%')

    await page.getByRole('button', { name: '启用活动“重复的测评（端到端）”' }).click()
    const confirm = page.getByRole('alertdialog', { name: '启用活动“重复的测评（端到端）”' })
    await confirm.getByRole('button', { name: '启用' }).click()
    const alert = confirm.getByRole('alert')
    await eventually(() => text(alert)).toContain('6 个窗口已在其他进行中的测评活动中')
    await eventually(() => confirm.locator('.overlap-list li').count()).toBe(6)
    await eventually(() => confirm.locator('.overlap-list li').first().textContent()).toBe(`A-01 在“${CAMPAIGN}”中`)
    expectHttpErrorsOnly(/409/)
    await confirm.getByRole('button', { name: '取消' }).click()
    await gone(confirm)
    await eventually(() => text(page.locator('tbody tr', { hasText: '重复的测评' }))).toContain('草稿')

    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${SHOTS}/campaigns-1280.png` })
  })

  it('shows flagged responses with readable reasons; a rejection needs a reason', async () => {
    // Two suspicious responses through the citizen API: answered in 0.8 s, and with the hidden field filled in.
    const tree = await api<{ windows: { id: number; code: string }[] }>('GET', '/api/org/tree')
    const window = tree.windows.find((w) => w.code === 'A-03')!
    const { token } = await api<{ token: string }>('GET', `/api/org/windows/${window.id}/qr`)
    const info = (await (await fetch(`${server.url}/api/s/${token}`)).json()) as { version: { id: number } }
    await submit(token, info.version.id, { overall: 2, reasons: ['slow'], comment: '排队等了一个小时', phone: '13812345678' }, { durationMs: 800 })
    await submit(token, info.version.id, { overall: 5 }, { durationMs: 9000, hp: 'http://spam.example' })

    await nav('待审核').click()
    await eventually(heading).toBe('待审核')
    await eventually(() => page.locator('tbody tr').count()).toBe(2)
    const fast = page.locator('tbody tr', { hasText: '用时过短' })
    await eventually(() => text(fast)).toContain('A-03')
    await eventually(() => text(fast)).toContain('不满意')
    await eventually(() => text(fast)).toContain('138****5678')
    await eventually(() => text(fast)).toContain('办事拖拉')
    await shown(page.locator('tbody tr', { hasText: '疑似机器提交' }))
    await page.mouse.move(0, 0)
    await page.screenshot({ path: `${SHOTS}/review-1280.png` })

    await fast.getByRole('button', { name: '驳回' }).click()
    const dialog = page.getByRole('dialog', { name: '驳回这条回复' })
    await dialog.getByRole('button', { name: '驳回' }).click()
    await eventually(() => text(dialog)).toContain('请填写驳回原因')
    await dialog.getByLabel('驳回原因').fill('同一人重复提交')
    await dialog.getByRole('button', { name: '驳回' }).click()
    await gone(dialog)
    await eventually(() => page.locator('tbody tr').count()).toBe(1)

    await page.locator('tbody tr').getByRole('button', { name: '有效' }).click()
    await shown(page.getByText('没有待审核的回复。'))
    await page.getByRole('tab', { name: /已驳回/ }).click()
    await eventually(() => text(page.locator('tbody'))).toContain('同一人重复提交')
  })

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await eventually(heading).toBe('Review')
    await nav('Campaigns').click()
    await eventually(heading).toBe('Campaigns')
    await eventually(() => text(page.locator('thead'))).toContain('Period')
    await page.getByRole('button', { name: '中文' }).click()
    await eventually(heading).toBe('测评活动')
  })
})
