import { mkdirSync } from 'node:fs'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, watchForProblems } from './browser'
import { startServer, type RunningServer } from './server'

const SHOTS = 'test-results'

let server: RunningServer
let browser: Browser
let cookie: { name: string; value: string }

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  server = await startServer()
  browser = await launchChromium()
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  })
  const value = /manyi_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!
  cookie = { name: 'manyi_session', value }
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('printable table cards', () => {
  it('render a unit’s cards in Chromium with QR codes that scan to the window’s survey', async () => {
    const headers = { Cookie: `${cookie.name}=${cookie.value}` }
    const tree = (await (await fetch(`${server.url}/api/org/tree`, { headers })).json()) as { units: { id: number; name: string }[]; windows: { id: number; unitId: number; code: string }[] }
    const unit = tree.units.find((u) => u.name === '客户服务中心')!
    const windows = tree.windows.filter((w) => w.unitId === unit.id)
    const qr = (await (await fetch(`${server.url}/api/org/windows/${windows[0]!.id}/qr`, { headers })).json()) as { url: string }

    const context = await browser.newContext({ viewport: { width: 900, height: 1300 }, deviceScaleFactor: 2 })
    await context.addCookies([{ ...cookie, url: server.url }])
    const page = await context.newPage()
    const problems = await watchForProblems(page)
    await page.goto(`${server.url}/print/cards?unitId=${unit.id}`)
    expect(await page.locator('.card').count()).toBe(windows.length)
    await expect(page.locator('.card').first().textContent()).resolves.toContain('扫码评价')

    const card = page.locator('.card').first()
    const png = PNG.sync.read(await card.screenshot({ path: `${SHOTS}/card.png` }))
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded?.data).toBe(qr.url)
    expect(decoded?.data).toMatch(new RegExp(`^${server.url}/s/[a-z2-7]{16}$`))

    await page.screenshot({ path: `${SHOTS}/cards-page.png`, fullPage: true })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ path: `${SHOTS}/cards.pdf`, format: 'A4', printBackground: true })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    expect(problems).toEqual([])
    await context.close()
  })
})
