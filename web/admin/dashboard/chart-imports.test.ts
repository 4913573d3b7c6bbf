import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// chart.js is big: only the dashboard may load it, and only on demand, so that the rest of the staff app and the
// citizen survey never download it (ENGINEERING.md: charts are loaded only by the pages that draw them).

const web = join(import.meta.dirname, '..', '..')
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []))
const files = sources(web).map((path) => ({ path: relative(web, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))

/** import … from 'chart.js', import 'chart.js/auto', import('chart.js'): anything but a type-only import. */
const runtimeChartImport = /(^|\n)\s*import\s+(?!type\b)[^;]*?from\s+['"]chart\.js(\/[^'"]*)?['"]|(^|\n)\s*import\s+['"]chart\.js|import\(\s*['"]chart\.js/
const anyChartImport = /['"]chart\.js(\/[^'"]*)?['"]/

describe('chart.js stays in the dashboard’s own chunk', () => {
  it('is never imported outside web/admin/dashboard', () => {
    expect(files.length).toBeGreaterThan(50)
    const outside = files.filter((f) => !f.path.startsWith('admin/dashboard/') && anyChartImport.test(f.text)).map((f) => f.path)
    expect(outside).toEqual([])
  })

  it('is loaded at run time by chart-setup.ts alone, which is only ever imported dynamically', () => {
    const loaders = files.filter((f) => runtimeChartImport.test(f.text)).map((f) => f.path)
    expect(loaders).toEqual(['admin/dashboard/chart-setup.ts'])
    const staticSetup = files.filter((f) => /(^|\n)\s*import\s+(?!type\b)[^;]*?from\s+['"][./]*chart-setup['"]/.test(f.text)).map((f) => f.path)
    expect(staticSetup).toEqual([])
    expect(files.find((f) => f.path === 'admin/dashboard/charts.ts')!.text).toContain("import('./chart-setup')")
  })
})
