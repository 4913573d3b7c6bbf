import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

export interface RunningServer {
  url: string
  adminPassword: string
  /** The server's SQLite file, for tests that set up or check what the API cannot (yet). */
  /** The server's database: SQLite in a temporary folder, or a fresh schema in MANYI_E2E_DB (PostgreSQL). */
  databaseUrl: string
  output: () => string
  stop: () => Promise<number | null>
}

/**
 * The real server (`tsx server/main.ts`) on a free port with a fresh SQLite file and the demo organisation (with
 * `demoDays` days of demo responses and visits; none by default).
 * Resolves once it has printed the admin password and /readyz answers.
 */
export async function startServer(options: { demoDays?: number } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'manyi-e2e-'))
  const port = await freePort()
  const url = `http://localhost:${port}`
  const pgUrl = process.env.MANYI_E2E_DB
  const schema = `manyi_e2e_${randomBytes(6).toString('hex')}`
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl })
    await client.connect()
    await client.query(`create schema ${schema}`)
    await client.end()
  }
  const databaseUrl = pgUrl ? `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}` : `sqlite:${join(dir, 'e2e.sqlite')}`
  // tsx's CLI run by node directly (what `npx tsx` runs), so that SIGTERM reaches the server without npm in between.
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      MANYI_DEMO: '1',
      // The demo organisation without its 90 days of responses and campaign: tests set up their own.
      MANYI_DEMO_DAYS: String(options.demoDays ?? process.env.MANYI_DEMO_DAYS ?? '0'),
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  const deadline = Date.now() + 60_000
  let adminPassword: string | undefined
  while (Date.now() < deadline && child.exitCode === null) {
    adminPassword ??= /Password \/ 密码:\s+(\S+)/.exec(output)?.[1]
    if (adminPassword) {
      const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false)
      if (ready) break
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  if (!adminPassword || child.exitCode !== null) {
    child.kill('SIGKILL')
    throw new Error(`The server did not start:\n${output}`)
  }

  return {
    url,
    adminPassword,
    databaseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const code = await exited
      rmSync(dir, { recursive: true, force: true })
      if (pgUrl) {
        const client = new pg.Client({ connectionString: pgUrl })
        await client.connect()
        await client.query(`drop schema ${schema} cascade`)
        await client.end()
      }
      return code
    },
  }
}
