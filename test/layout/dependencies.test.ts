import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layout and dependency rules of the engineering brief:
 *   web → shared;  server → db, shared;  db → shared;  shared imports nothing of ours.
 * The one exception: web may import the server's *type* (for the typed hc client), which vanishes at build.
 */
const ROOT = resolve(__dirname, '../..')
const AREAS = ['shared', 'db', 'server', 'web'] as const
type Area = (typeof AREAS)[number]
const ALLOWED: Record<Area, Area[]> = { shared: ['shared'], db: ['db', 'shared'], server: ['server', 'db', 'shared'], web: ['web', 'shared'] }

function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm

describe('layout', () => {
  it('has the top level fixed by the design card', () => {
    for (const entry of ['server', 'web', 'shared', 'db', 'test', 'docs', 'package.json', 'tsconfig.base.json', 'vite.config.ts', 'README.md', '.ci/run', 'docs/architecture.md']) {
      expect(existsSync(join(ROOT, entry)), entry).toBe(true)
    }
  })

  it.each(AREAS)('%s imports only what it may', (area) => {
    const violations: string[] = []
    for (const file of files(join(ROOT, area))) {
      const source = readFileSync(file, 'utf8')
      for (const m of source.matchAll(IMPORT)) {
        const spec = m[3] ?? m[4]!
        if (!spec.startsWith('.')) continue
        const target = relative(ROOT, resolve(dirname(file), spec)).split('/')[0] as Area
        const typeOnly = Boolean(m[2])
        if (ALLOWED[area].includes(target)) continue
        if (area === 'web' && target === 'server' && typeOnly && /server\/app$/.test(spec)) continue
        violations.push(`${relative(ROOT, file)} → ${spec}`)
      }
    }
    expect(violations).toEqual([])
  })

  it('keeps tests beside the code: no test files under test/ for a single module', () => {
    const stray = files(join(ROOT, 'test')).filter((f) => f.endsWith('.test.ts') && !/test\/(api|e2e|layout|bench|load)\//.test(f))
    expect(stray).toEqual([])
  })
})
