import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The real entry point as a process: configuration errors, first start, graceful shutdown. */
const ROOT = join(__dirname, '../..')

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, out: () => stdout, err: () => stderr }
}

describe('the server process', () => {
  it('stops at once with one line naming a wrong variable', async () => {
    const p = start({ PORT: 'eighty', DATABASE_URL: ':memory:' })
    expect(await p.exited).toBe(2)
    expect(p.err().trim().split('\n')).toEqual(['manyi: Invalid PORT="eighty": expected a port number'])
  })

  it('prints the admin password once on first start, serves, and shuts down gracefully on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manyi-proc-'))
    const port = await freePort()
    const p = start({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'm.sqlite')}`, MANYI_DEMO: '0' })
    const deadline = Date.now() + 20_000
    while (!/Password \/ 密码:\s+\S+/.test(p.out()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    const password = /Password \/ 密码:\s+(\S+)/.exec(p.out())?.[1]
    expect(password, p.out() + p.err()).toMatch(/^[a-zA-Z2-9]{16}$/)
    expect(p.out()).toContain(`http://localhost:${port}`)
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    expect(ready.status).toBe(200)
    // The password never appears in the JSON log lines.
    const jsonLines = p.out().split('\n').filter((l) => l.startsWith('{'))
    expect(jsonLines.join('\n')).not.toContain(password!)
    p.child.kill('SIGTERM')
    expect(await p.exited).toBe(0)
    expect(p.out()).toContain('"msg":"stopped"')

    // npm run admin -- reset-password admin: a new password that works, the old one does not.
    const reset = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/admin-cli.ts', 'reset-password', 'admin'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: `sqlite:${join(dir, 'm.sqlite')}` },
    })
    let out = ''
    reset.stdout.on('data', (d: Buffer) => (out += d.toString()))
    expect(await new Promise((r) => reset.on('exit', r))).toBe(0)
    const fresh = /: (\S+)\s*$/.exec(out)?.[1]
    expect(fresh).toMatch(/^[a-zA-Z2-9]{16}$/)
    expect(fresh).not.toBe(password)
  })
})
