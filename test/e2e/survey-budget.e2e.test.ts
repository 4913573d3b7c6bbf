import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

/**
 * The citizen page's budget (engineering brief): HTML + JS + CSS ≤ 30 KB gzipped, no chart.js, no staff-app code.
 * The public results pages get the same treatment with 40 KB (their charts are inline SVG, not chart.js).
 * Reads the build that the end-to-end setup just made and follows every file the page loads.
 */
const DIST = fileURLToPath(new URL('../../dist/web', import.meta.url))
const BUDGET_BYTES = 30 * 1024

/** Every asset the page loads: scripts, module preloads and styles in the HTML, and the chunks those scripts import. */
function pageFiles(html: string): string[] {
  const found = new Set<string>()
  const visit = (path: string) => {
    if (found.has(path)) return
    found.add(path)
    if (!path.endsWith('.js')) return
    const source = readFileSync(join(DIST, path), 'utf8')
    // Static imports between chunks: import{a}from"./x.js" / import"./x.js"; dynamic ones would load too, so count them.
    for (const m of source.matchAll(/(?:from|import)\s*\(?\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) visit(join('assets', m[1]!))
  }
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) visit(m[1]!)
  return [...found]
}

describe('the citizen page bundle', () => {
  const html = readFileSync(join(DIST, 'survey.html'), 'utf8')
  const files = pageFiles(html)

  it(`is at most ${BUDGET_BYTES / 1024} KB gzipped, HTML + JS + CSS`, () => {
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    expect(files.some((f) => f.endsWith('.css'))).toBe(true)
    const sizes = [['survey.html', gzipSync(html, { level: 9 }).length] as const, ...files.map((f) => [f, gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length] as const)]
    const total = sizes.reduce((sum, [, n]) => sum + n, 0)
    console.log(`citizen page, gzipped: ${sizes.map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`).join(', ')} — total ${(total / 1024).toFixed(1)} KB of ${BUDGET_BYTES / 1024} KB`)
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('carries no chart library, no zod and no staff-app code', () => {
    const code = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n')
    // chart.js; zod's runtime; words that only the staff app's dictionary and pages use.
    for (const marker of ['Chart.js', 'chartjs', 'ZodError', '$ZodType', '组织机构', '退出登录', '修改密码', 'hono/client']) {
      expect(code, marker).not.toContain(marker)
    }
  })
})

describe('the public results bundle', () => {
  const RESULTS_BUDGET_BYTES = 40 * 1024
  const html = readFileSync(join(DIST, 'results.html'), 'utf8')
  const files = pageFiles(html)

  it(`is at most ${RESULTS_BUDGET_BYTES / 1024} KB gzipped, HTML + JS + CSS`, () => {
    expect(files.some((f) => /results-[\w-]+\.js$/.test(f))).toBe(true)
    expect(files.some((f) => f.endsWith('.css'))).toBe(true)
    const sizes = [['results.html', gzipSync(html, { level: 9 }).length] as const, ...files.map((f) => [f, gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length] as const)]
    const total = sizes.reduce((sum, [, n]) => sum + n, 0)
    console.log(`results pages, gzipped: ${sizes.map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`).join(', ')} — total ${(total / 1024).toFixed(1)} KB of ${RESULTS_BUDGET_BYTES / 1024} KB`)
    expect(total).toBeLessThanOrEqual(RESULTS_BUDGET_BYTES)
  })

  it('carries no chart library, no zod, no staff-app code and no citizen survey', () => {
    const code = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n')
    for (const marker of ['Chart.js', 'chartjs', 'ZodError', '$ZodType', '组织机构', '退出登录', '修改密码', 'hono/client', '提交评价']) {
      expect(code, marker).not.toContain(marker)
    }
    // …and does draw its own charts.
    expect(code).toContain('polyline')
  })
})
