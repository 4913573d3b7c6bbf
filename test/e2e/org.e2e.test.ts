import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from './server'
import { useStaffSession } from './staff-session'

/**
 * The organisation pages in a real browser against the real server: sign in as the first-start admin, find the demo
 * organisation, create a unit and a window through the forms, and find both again. Screenshots go to test-results/.
 */
const SHOTS = 'test-results'
const NEW_UNIT = '城北燃气服务中心（端到端）'
const NEW_WINDOW = { code: 'N-01', name: '综合受理窗口' }

let server: RunningServer
let page: Page
let problems: string[] = []

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A row of the tree whose name is exactly this. */
const treeItem = (name: string) => page.locator('.tree .tree-label').filter({ has: page.locator('.tree-name', { hasText: new RegExp(`^${escape(name)}$`) }) })
/** Polls until the assertion holds (the page updates asynchronously). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 })
const text = (locator: Locator) => locator.innerText({ timeout: 15_000 })
const shown = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 15_000 })
const gone = (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: 15_000 })
const heading = () => text(page.getByRole('heading', { level: 1 }))

describe('organisation pages in Chromium', () => {
  const session = useStaffSession(SHOTS)
  beforeAll(() => {
    ;({ server, page, problems } = session)
  })

  it('shows the sign-in page in Chinese', async () => {
    // The address printed on the console: a signed-out visitor lands on the sign-in page.
    await page.goto(`${server.url}/`)
    await page.waitForURL(/\/login/)
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await eventually(heading).toBe('登录')
    await eventually(() => text(page.locator('.auth-intro'))).toContain('满意')
    await eventually(() => text(page.locator('.auth-intro'))).toContain('Manyi')
    await shown(page.getByLabel('用户名'))
    await shown(page.getByLabel('密码'))
    await page.screenshot({ path: `${SHOTS}/login-1280.png` })
  })

  it('signs in as admin and shows the demo organisation', async () => {
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(server.adminPassword)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/org/)
    await eventually(heading).toBe('组织机构')
    await shown(treeItem('供水'))
    await shown(treeItem('示范市水务集团（演示）'))
    await eventually(() => text(page.locator('.user-button'))).toContain('系统管理员')
    await eventually(() => text(page.locator('.user-button'))).toContain('管理员')
  })

  it('creates a unit under sector 燃气 and a window in it through the forms', async () => {
    await treeItem('燃气').click()
    const detail = page.locator('.detail-panel')
    await eventually(() => text(detail.locator('.detail-title'))).toBe('燃气')

    await detail.getByRole('button', { name: '新建单位' }).click()
    const unitDialog = page.getByRole('dialog', { name: '新建单位' })
    await unitDialog.getByLabel('单位名称').fill(NEW_UNIT)
    await unitDialog.getByLabel('服务热线').fill('96777')
    await unitDialog.getByLabel('地址').fill('示范市北山路 8 号')
    await unitDialog.getByRole('button', { name: '创建' }).click()
    await gone(unitDialog)
    await eventually(() => text(detail.locator('.detail-title'))).toBe(NEW_UNIT)
    await shown(treeItem(NEW_UNIT))

    await detail.getByRole('button', { name: '新建窗口' }).click()
    const windowDialog = page.getByRole('dialog', { name: '新建窗口' })
    await windowDialog.getByLabel('窗口编号').fill(NEW_WINDOW.code)
    await windowDialog.getByLabel('窗口名称').fill(NEW_WINDOW.name)
    await windowDialog.getByLabel('办公时间').fill('周一至周五 8:30–17:00')
    await windowDialog.getByRole('button', { name: '创建' }).click()
    await gone(windowDialog)
    await eventually(() => text(detail.locator('.detail-title'))).toContain(NEW_WINDOW.name)
    await eventually(() => text(detail.locator('.breadcrumb'))).toContain(NEW_UNIT)
  })

  it('finds the new unit and window in the tree after a reload', async () => {
    await page.reload()
    await shown(treeItem('燃气'))
    await page.getByRole('searchbox', { name: '搜索组织机构' }).fill(NEW_WINDOW.code)
    const window = treeItem(NEW_WINDOW.name)
    await shown(window)
    await eventually(() => text(window)).toContain(NEW_WINDOW.code)
    await shown(treeItem(NEW_UNIT))
    await eventually(() => treeItem('供水').count()).toBe(0) // filtered out

    await window.click()
    await eventually(() => text(page.locator('.detail-panel .detail-title'))).toContain(NEW_WINDOW.name)
    await page.getByRole('searchbox', { name: '搜索组织机构' }).fill('')
    await shown(treeItem('供水'))
    await shown(treeItem(NEW_UNIT)) // the selected window's unit stays open
  })

  it('looks finished at 1280 px and at 768 px', async () => {
    await page.mouse.move(0, 0) // no hover highlight in the pictures
    await page.screenshot({ path: `${SHOTS}/org-1280.png` })
    await page.setViewportSize({ width: 768, height: 1024 })
    // On a tablet the side navigation becomes a row of tabs under the top bar.
    const nav = page.getByRole('navigation', { name: '主导航' })
    await shown(nav.getByRole('link', { name: '组织机构' }))
    const navBox = await nav.boundingBox()
    const treeBox = await page.locator('.tree-panel').boundingBox()
    expect(navBox!.width).toBeGreaterThan(700)
    expect(treeBox!.y).toBeGreaterThan(navBox!.y + navBox!.height)
    await page.screenshot({ path: `${SHOTS}/org-768.png` })
    await page.setViewportSize({ width: 1280, height: 860 })
  })

  it('switches to English and remembers it', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    await eventually(heading).toBe('Organisation')
    await page.reload()
    await eventually(heading).toBe('Organisation')
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: '中文' }).click()
    await eventually(heading).toBe('组织机构')
  })
})
