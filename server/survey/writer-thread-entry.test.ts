import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// The writer thread is a second V8 isolate in the server's process, and everything it loads counts against the
// server's memory budget (ENGINEERING.md: RSS ≤ 250 MB under load and during an export). Loading the PostgreSQL driver
// and every translation (through the error renderer) made it cost 52 MB; without them, and with Kysely bundled into it
// rather than loaded as a hundred ES modules, 21 MB. This keeps it that way.
describe('the writer thread bundle', () => {
  it('loads neither the PostgreSQL driver nor the translations, and needs nothing outside it but better-sqlite3', async () => {
    // The options of `npm run build:server` for the writer entry.
    const result = await build({
      entryPoints: ['server/survey/writer-thread-entry.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((p) => /node_modules\/pg(-[a-z]+)?\/|shared\/i18n\//.test(p))).toEqual([])
    expect(inputs.some((p) => p.includes('server/survey/response-writer.ts'))).toBe(true)
    const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
    expect([...new Set(imports)].filter((p) => !p.startsWith('node:')).sort()).toEqual(['better-sqlite3'])
  })
})
