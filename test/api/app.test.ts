import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { firstStart } from '../../server/first-start'
import { createLogger } from '../../server/log'
import { verifyPassword } from '../../server/auth/password'
import { freshDatabase } from '../support/database'

describe('serving the SPA', () => {
  it('serves index.html for client routes, assets as files, and keeps API 404s JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'manyi-web-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>满意</title><div id="app"></div>')
    writeFileSync(join(root, 'assets', 'main-abc.js'), 'console.log(1)')
    const handle = await freshDatabase()
    const app = createApp({ db: handle.db, config: loadConfig({ LOG_LEVEL: 'silent' }), log: createLogger('silent'), now: () => new Date() }, { webRoot: root })
    try {
      const home = await app.request('/')
      expect(home.headers.get('content-type')).toContain('text/html')
      expect(await home.text()).toContain('<div id="app">')
      const page = await app.request('/org/units/12')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="app">')
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
      // Only the builder's preview may be framed, and only by our own pages.
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      const preview = await app.request('/preview/questionnaires/1/versions/1')
      expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
      expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      const asset = await app.request('/assets/main-abc.js')
      expect(asset.headers.get('cache-control')).toContain('immutable')
      const api = await app.request('/api/does-not-exist')
      expect(api.status).toBe(404)
      expect(api.headers.get('content-type')).toContain('application/json')
      expect((await app.request('/api/org/tree')).status).toBe(401)
    } finally {
      await handle.close()
    }
  })
})

describe('serving the public results pages', () => {
  it('serves results.html for /results and below, the citizen and staff pages elsewhere, and the API as JSON', async () => {
    const root = mkdtempSync(join(tmpdir(), 'manyi-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div>')
    writeFileSync(join(root, 'survey.html'), '<!doctype html><div id="survey"></div>')
    writeFileSync(join(root, 'results.html'), '<!doctype html><div id="results"></div>')
    const handle = await freshDatabase()
    const app = createApp({ db: handle.db, config: loadConfig({ LOG_LEVEL: 'silent' }), log: createLogger('silent'), now: () => new Date() }, { webRoot: root })
    const page = async (path: string) => {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      return /id="(\w+)"/.exec(await res.text())?.[1]
    }
    try {
      for (const path of ['/results', '/results/', '/results/7', '/results/7/print']) expect(await page(path), path).toBe('results')
      expect(await page('/s/abcdefgh')).toBe('survey')
      for (const path of ['/resultsx', '/org/units', '/publications']) expect(await page(path), path).toBe('app')
      const results = await app.request('/results/7')
      expect(results.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(results.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      const list = await app.request('/api/public/publications')
      expect(list.headers.get('content-type')).toContain('application/json')
      expect(await list.json()).toEqual({ items: [] })
    } finally {
      await handle.close()
    }
  })
})

describe('first start', () => {
  it('creates admin with a random password and the labelled demo organisation, once', async () => {
    const handle = await freshDatabase()
    try {
      const first = await firstStart(handle.db, { demo: true, now: new Date() })
      expect(first?.adminPassword).toMatch(/^[a-zA-Z2-9]{16}$/)
      const admin = await handle.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow()
      expect(admin.role).toBe('admin')
      expect(await verifyPassword(first!.adminPassword, admin.password_hash)).toBe(true)
      expect(first?.demo).toMatchObject({ sectors: 5, windows: 60 })
      expect(first!.demo!.units).toBeGreaterThanOrEqual(12)
      const sectors = (await handle.db.selectFrom('sectors').select('name').execute()).map((s) => s.name)
      expect(sectors).toEqual(expect.arrayContaining(['供水', '供热', '燃气', '公交', '政务服务大厅']))
      const roots = await handle.db.selectFrom('units').select('name').where('parent_id', 'is', null).execute()
      expect(roots.every((u) => u.name.includes('演示'))).toBe(true)
      expect(await firstStart(handle.db, { demo: true, now: new Date() })).toBeNull()
    } finally {
      await handle.close()
    }
  })

  it('gives the demo an active campaign with responses written through the ingestion path', async () => {
    const handle = await freshDatabase()
    try {
      const first = await firstStart(handle.db, { demo: true, now: new Date('2026-11-20T06:00:00Z'), demoDays: 3, timeZone: 'Asia/Shanghai' })
      expect(first?.demoSurvey?.responses).toBeGreaterThan(500)
      const campaign = await handle.db.selectFrom('campaigns').selectAll().executeTakeFirstOrThrow()
      expect(campaign).toMatchObject({ status: 'active', starts_on: '2026-11-18' })
      // Every valid response is counted once in the aggregates the dashboards read; flagged ones are not.
      const valid = await handle.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'valid').executeTakeFirstOrThrow()
      const counted = await handle.db.selectFrom('agg_levels').select((eb) => eb.fn.sum<number>('n').as('n')).executeTakeFirstOrThrow()
      expect(Number(counted.n)).toBe(Number(valid.n))
      const flagged = await handle.db.selectFrom('responses').select('flag_reasons').where('status', '=', 'flagged').execute()
      expect(flagged.map((f) => f.flag_reasons)).toContain('burst')
    } finally {
      await handle.close()
    }
  })

  it('seeds no demo data with MANYI_DEMO=0', async () => {
    const handle = await freshDatabase()
    try {
      const first = await firstStart(handle.db, { demo: false, now: new Date() })
      expect(first?.demo).toBeNull()
      expect(await handle.db.selectFrom('units').selectAll().execute()).toEqual([])
    } finally {
      await handle.close()
    }
  })
})

describe('logs', () => {
  it('carry a request id and never a password, token, phone number or client address', async () => {
    const lines: string[] = []
    const handle = await freshDatabase()
    try {
      await firstStart(handle.db, { demo: false, now: new Date() })
      const app = createApp({ db: handle.db, config: loadConfig({ TRUST_PROXY: '1' }), log: createLogger('debug', (l) => lines.push(l)), now: () => new Date() })
      const headers = { Origin: 'http://localhost', 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77' }
      await app.request('/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: 'Secret-13912345678' }) })
      await app.request('/api/org/windows?q=13912345678', { headers })
      expect(lines.length).toBeGreaterThanOrEqual(2)
      const all = lines.join('')
      expect(all).not.toMatch(/Secret|13912345678|203\.0\.113\.77/)
      for (const line of lines) expect(JSON.parse(line).reqId).toBeTruthy()
    } finally {
      await handle.close()
    }
  })
})
