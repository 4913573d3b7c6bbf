import { afterAll, beforeAll } from 'vitest'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp, createSurveyServices } from '../../server/app'
import { withFastPaths, type FastPath } from '../../server/http/fast-paths'
import type { SurveyServices } from '../../server/env'
import { loadConfig } from '../../server/config'
import { createLogger } from '../../server/log'
import { createUser } from '../../server/users/service'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { ThreadedResponseWriter } from '../../server/survey/writer-thread'
import { freshDatabase } from './database'

export const ORIGIN = 'http://localhost'
export const PASSWORD = 'Passw0rd-for-tests'

export interface RequestOptions {
  body?: unknown
  /** Raw body (sent as is, with the given content type). */
  raw?: string | Uint8Array
  contentType?: string
  cookie?: string | undefined
  headers?: Record<string, string>
  /** Send no Origin header (to test the same-origin check). */
  noOrigin?: boolean
}

/** The real app on a fresh database, with a clock the test can move, and helpers to call it like a browser. */
export class Harness {
  private constructor(
    readonly app: ReturnType<typeof createApp>,
    /** The app's survey services (shared with a fast path, as main.ts shares them). */
    readonly survey: SurveyServices,
    readonly db: Kysely<Database>,
    readonly close: () => Promise<void>,
    private clock: { now: Date },
    /** Where this harness's app keeps photos. */
    readonly uploadDir: string,
  ) {}

  /** `writerThread`: a SQLite file with responses written from the writer thread, as `npm start` runs it. */
  static async start(options: { writerThread?: boolean } = {}) {
    const clock = { now: new Date('2026-11-20T02:00:00.000Z') }
    // Photos go to a directory of this test's own.
    const uploads = mkdtempSync(join(tmpdir(), 'manyi-uploads-'))
    const config = loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '1', PUBLIC_URL: 'http://localhost:8787', UPLOAD_DIR: uploads })
    const deps = (db: Kysely<Database>) => ({ db, config, log: createLogger('silent'), now: () => clock.now })
    if (options.writerThread) {
      const dir = mkdtempSync(join(tmpdir(), 'manyi-writer-'))
      const handle = openDatabase(`sqlite:${join(dir, 'test.sqlite')}`)
      await migrateToLatest(handle.db)
      const responses = new ThreadedResponseWriter({ databaseUrl: `sqlite:${handle.sqliteFile}`, timeZone: config.TZ })
      await responses.ready
      const close = async () => {
        await responses.close()
        await handle.close()
        rmSync(dir, { recursive: true, force: true })
        rmSync(uploads, { recursive: true, force: true })
      }
      const survey = createSurveyServices(deps(handle.db), responses)
      return new Harness(createApp(survey.deps, { survey }), survey, handle.db, close, clock, uploads)
    }
    const handle = await freshDatabase()
    const close = async () => {
      await handle.close()
      rmSync(uploads, { recursive: true, force: true })
    }
    const survey = createSurveyServices(deps(handle.db))
    return new Harness(createApp(survey.deps, { survey }), survey, handle.db, close, clock, uploads)
  }

  get now() {
    return this.clock.now
  }
  advance(ms: number) {
    this.clock.now = new Date(this.clock.now.getTime() + ms)
  }

  request(method: string, path: string, o: RequestOptions = {}) {
    const headers: Record<string, string> = { ...(o.noOrigin ? {} : { Origin: ORIGIN }), ...o.headers }
    if (o.cookie) headers['Cookie'] = o.cookie
    let body: string | Uint8Array | undefined
    if (o.raw !== undefined) {
      body = o.raw
      headers['Content-Type'] = o.contentType ?? 'text/plain'
    } else if (o.body !== undefined) {
      body = JSON.stringify(o.body)
      headers['Content-Type'] = o.contentType ?? 'application/json'
    }
    return this.app.request(path, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}) })
  }

  /**
   * Serves the app over real HTTP on loopback, as main.ts does, offering requests to `fastPaths` first; resolves to the
   * base URL and a way to stop.
   */
  async listen(fastPaths: FastPath[] = []): Promise<{ url: string; close: () => Promise<void> }> {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: this.app.fetch, port: 0, hostname: '127.0.0.1', createServer: withFastPaths(...fastPaths) }, () => resolve(s))
    })
    const { port } = server.address() as AddressInfo
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
  }

  /** Signs in and returns the Cookie header value for later requests. */
  async login(username: string, password = PASSWORD): Promise<string> {
    const res = await this.request('POST', '/api/auth/login', { body: { username, password } })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`)
    return sessionCookieOf(res)!
  }

  async createUser(username: string, role: 'admin' | 'manager' | 'viewer' | 'supervisor', unitIds: number[] = []) {
    return createUser(this.db, { username, displayName: username, role, unitIds, password: PASSWORD, mustChangePassword: false }, this.now)
  }
}

/** "manyi_session=…" from a response's Set-Cookie, or undefined. */
export function sessionCookieOf(res: Response): string | undefined {
  const header = res.headers.get('set-cookie') ?? ''
  const match = /manyi_session=([^;]*)/.exec(header)
  return match && match[1] ? `manyi_session=${match[1]}` : undefined
}

/** Starts a harness for the enclosing describe/file and closes it afterwards. */
export function useHarness(options: { writerThread?: boolean } = {}): () => Harness {
  let harness: Harness | undefined
  beforeAll(async () => {
    harness = await Harness.start(options)
  })
  afterAll(async () => {
    await harness?.close()
  })
  return () => harness!
}
