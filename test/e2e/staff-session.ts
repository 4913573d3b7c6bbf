import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { launchChromium, watchForProblems } from './browser'
import { startServer, type RunningServer } from './server'

export interface StaffSession {
  server: RunningServer
  browser: Browser
  page: Page
  problems: string[]
}

/**
 * A real server and a desktop Chromium page for a describe block: every step must end without a console error, failed
 * request, uncaught exception or CSP violation, and the server must stop cleanly (SIGTERM, exit code 0).
 */
export function useStaffSession(shots: string): StaffSession {
  const session = { problems: [] as string[] } as StaffSession
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true })
    session.server = await startServer()
    session.browser = await launchChromium()
    session.page = await session.browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })
    session.problems = await watchForProblems(session.page)
  })
  afterEach(() => {
    expect(session.problems).toEqual([])
  })
  afterAll(async () => {
    await session.browser?.close()
    const code = await session.server?.stop()
    expect(code, session.server?.output()).toBe(0)
  })
  return session
}
