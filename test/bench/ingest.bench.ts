import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { activateCampaign, createCampaign } from '../../server/campaigns/service'
import { importOrgCsv } from '../../server/org/csv'
import { tokenFor } from '../../server/qr/tokens'
import { createQuestionnaire, publishDraft } from '../../server/questionnaires/service'
import { newDeviceMarker } from '../../server/survey/markers'
import { serverSecret } from '../../server/survey/secrets'
import type { BenchResult } from './run'
import { startFlags } from './start-flags'

/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every common kernel). */
const CLOCK_TICKS = 100
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WINDOWS = 2000
const BUDGET = { perSecond: 3000, p99Ms: 50, shareOfBare: 0.25, rssMb: 250 }
/** About half of what this machine measured in the short run (2,100/s, 162 MB on 2026-11-21): below it, something got slower. */
const FLOOR = { perSecond: 1200, rssMb: 300 }

/** process.cpuUsage()'s user + system, in µs (the load generator runs in this process). */
const cpuUs = (usage: NodeJS.CpuUsage) => usage.user + usage.system

/** User + system CPU time from a /proc stat line, in ms. */
const ticksToMs = (stat: string) => {
  const fields = stat.split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

/**
 * CPU used between two per-thread readings, split into the HTTP (main) thread, the busiest other thread (the response
 * writer: Node names no thread, but no other thread comes near it) and the rest (V8's GC helpers, libuv's pool).
 */
function threadSplit(pid: number, before: Map<number, number>, after: Map<number, number>) {
  const used = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }))
  const main = used.find((t) => t.tid === pid)?.ms ?? 0
  const others = used.filter((t) => t.tid !== pid).sort((a, b) => b.ms - a.ms)
  const writer = others[0]?.ms ?? 0
  const rest = others.slice(1).reduce((sum, t) => sum + t.ms, 0)
  return { main, writer, rest }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

/** A child process serving HTTP; resolves once `ready` answers. */
async function startProcess(args: string[], env: Record<string, string>, readyUrl: string) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited: ${output}`)
    if (await fetch(readyUrl).then((r) => r.ok, () => false)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  /** Peak resident memory so far, from the kernel (VmHWM). */
  const peakRssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  }
  /** CPU time the process has used so far (all threads, user + system), in ms. */
  const cpuMs = () => ticksToMs(readFileSync(`/proc/${child.pid}/stat`, 'utf8'))
  /** CPU time per thread so far (ms), by thread id; the main thread's id is the process's. */
  const threadCpuMs = () => {
    const out = new Map<number, number>()
    for (const tid of readdirSync(`/proc/${child.pid}/task`)) {
      try {
        out.set(Number(tid), ticksToMs(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8')))
      } catch {
        // a thread that ended meanwhile
      }
    }
    return out
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { pid: child.pid!, peakRssMb, cpuMs, threadCpuMs, stop, output: () => output }
}

/**
 * A load run, with the time from its start to its last answer. autocannon reports results on its one-second tick, so
 * for a run of a fixed number of requests its own duration is rounded up to the next whole second (45,000 answers in
 * 7.2 s read as 45,000 in 8 s).
 */
const run = (opts: autocannon.Options) =>
  new Promise<autocannon.Result & { answeredInS: number }>((resolve, reject) => {
    const started = performance.now()
    let last = started
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ ...result, answeredInS: (last - started) / 1000 })))
    instance.on('response', () => (last = performance.now()))
  })

/** Citizen submissions over HTTP on loopback against the real server, with a bare Hono 204 endpoint as the baseline. */
export async function ingestBenchmark({ short }: { short: boolean }): Promise<BenchResult> {
  const duration = short ? 5 : 15
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 100) // citizens at many windows at once; each waits for its own commit
  const dir = mkdtempSync(join(tmpdir(), 'manyi-bench-'))
  const dbUrl = `sqlite:${join(dir, 'bench.sqlite')}`

  // An organisation of 2,000 windows in an active campaign, prepared directly in the database file.
  const handle = openDatabase(dbUrl)
  await migrateToLatest(handle.db)
  let csv = 'sector,unit_path,window_code,window_name\n'
  for (let i = 0; i < WINDOWS; i++) csv += `行业${i % 8},集团${i % 8}/营业所${Math.floor(i / 25)},W-${i},窗口${i}\n`
  const now = new Date()
  await importOrgCsv(handle.db, csv, false, 'zh-CN', now)
  const q = await createQuestionnaire(handle.db, { fromTemplate: 'window-service' }, now)
  const version = await publishDraft(handle.db, q.id, now)
  const sectorIds = (await handle.db.selectFrom('sectors').select('id').execute()).map((s) => s.id)
  const campaign = await createCampaign(
    handle.db,
    {
      name: 'bench', description: null, startsOn: '2020-01-01', endsOn: '2099-12-31', phases: [], scope: { sectorIds, unitIds: [], windowIds: [] },
      questionnaireId: q.id, targetRate: 0.95, satisfiedLevels: [3, 4, 5], minSample: 30, quotaTotal: null, quotaPerWindow: null, repeatIntervalHours: 12, minSeconds: 3,
      weights: { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 },
      publishStaffNames: false,
    },
    now,
  )
  await activateCampaign(handle.db, campaign.id, now)
  const windowIds = (await handle.db.selectFrom('windows').select('id').execute()).map((w) => w.id)
  const tokens: string[] = []
  for (const id of windowIds) tokens.push(await tokenFor(handle.db, id))
  const secret = await serverSecret(handle.db)
  const devices = Array.from({ length: 20_000 }, () => newDeviceMarker(secret))
  await handle.close()

  let seq = 0
  /** One citizen's submission, spread over the windows, phones and addresses like a busy day. */
  const submission = (origin: string, path: (token: string) => string) => (req: autocannon.Request) => {
    seq++
    const overall = Math.random() < 0.95 ? 5 - Math.floor(Math.random() * 3) : 2 - Math.floor(Math.random() * 2)
    const answers: Record<string, unknown> = { overall, attitude: overall, efficiency: Math.max(1, overall - 1) }
    if (overall <= 2) Object.assign(answers, { reasons: ['slow'], comment: '排队时间太长，希望多开窗口' })
    return {
      ...req,
      path: path(tokens[seq % tokens.length]!),
      headers: {
        'content-type': 'application/json',
        origin,
        // Phones scattered over the windows (seq % 20,000 would send each phone back to the same window, 2,000 being a
        // divisor: from the 20,001st on, every submission a repeat within 12 h, flagged).
        cookie: `manyi_device=${devices[(Math.imul(seq, 2654435761) >>> 0) % devices.length]}`,
        'x-forwarded-for': `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`,
      },
      body: JSON.stringify({ versionId: version.id, answers, clientKey: `bench-${process.pid}-${seq.toString(36).padStart(10, '0')}`, durationMs: 12_000 }),
    }
  }

  // The stack's floor: our app and middleware, a submission validated like the real one, then answered at once.
  const stackPort = await freePort()
  const stackOrigin = `http://127.0.0.1:${stackPort}`
  const stack = await startProcess(
    ['--import', 'tsx', 'test/bench/stack-server.ts'],
    { PORT: String(stackPort), PUBLIC_URL: stackOrigin, TRUST_PROXY: '1' },
    `${stackOrigin}/healthz`,
  )
  const floor = await run({
    url: stackOrigin,
    connections,
    duration,
    requests: [{ method: 'POST', setupRequest: submission(stackOrigin, (t) => `/api/bench/${t}/responses`) }],
  })
  await stack.stop()

  // Baseline: the same framework and server adapter answering 204 to the same requests (same bodies, headers and
  // paths, made by the same generator).
  const barePort = await freePort()
  const bareOrigin = `http://127.0.0.1:${barePort}`
  const bare = await startProcess(['--import', 'tsx', 'test/bench/bare-server.ts'], { PORT: String(barePort) }, `${bareOrigin}/`)

  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  // Extra Node flags to try against `npm start`'s, e.g. BENCH_NODE_FLAGS='--v8-pool-size=2'.
  const tried = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []
  // The server as `npm start` runs it: the bundle built by `npm run build` (prebench).
  const server = await startProcess(
    [...startFlags(), ...tried, ...profile, 'dist/server/main.mjs'],
    { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, PUBLIC_URL: origin, TRUST_PROXY: '1', LOG_LEVEL: 'warn', MANYI_DEMO: '0' },
    `${origin}/readyz`,
  )

  // A fixed number of submissions (not a duration), so that none is in flight when the run ends: stored = acknowledged.
  const amount = duration * BUDGET.perSecond
  // Flat out, in rounds that alternate with the baseline: bare, real, bare, real, …, bare. This machine's speed drifts by
  // a third within a minute, so each round's real rate is compared with the bare runs just before and after it, and the
  // share is the median round's.
  const ROUNDS = 3
  const WARM_UP = 3000
  /** About as long as a real round: the bare server answers three to five times as fast. */
  const bareAmount = amount
  /** One stretch of load against one server: its rate and the CPU it cost per answer (server, and this process's load generator). */
  const segment = async (target: Awaited<ReturnType<typeof startProcess>>, options: autocannon.Options) => {
    const cpuBefore = target.cpuMs()
    const loadBefore = process.cpuUsage()
    const result = await run(options)
    const answered = result['2xx'] + result.non2xx
    return { result, perSecond: answered / result.answeredInS, serverMs: target.cpuMs() - cpuBefore, loadUs: cpuUs(process.cpuUsage(loadBefore)), answered }
  }
  const bareSegment = () =>
    segment(bare, { url: bareOrigin, connections, amount: bareAmount, requests: [{ method: 'POST', setupRequest: submission(bareOrigin, (t) => `/api/s/${t}/responses`) }] })
  const realSegment = (n = amount / ROUNDS) => segment(server, { url: origin, connections, amount: n, requests: [{ method: 'POST', setupRequest: submission(origin, (t) => `/api/s/${t}/responses`) }] })

  // Both servers warm up first (compiled code, the survey caches), as a server that has been up for a while would be.
  const warmUp = await realSegment(WARM_UP)
  await segment(bare, { url: bareOrigin, connections, amount: WARM_UP * 4, requests: [{ method: 'POST', setupRequest: submission(bareOrigin, (t) => `/api/s/${t}/responses`) }] })
  const bares = [await bareSegment()]
  const reals: Awaited<ReturnType<typeof segment>>[] = []
  let threads = { main: 0, writer: 0, rest: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    const before = server.threadCpuMs()
    reals.push(await realSegment())
    const split = threadSplit(server.pid, before, server.threadCpuMs())
    threads = { main: threads.main + split.main, writer: threads.writer + split.writer, rest: threads.rest + split.rest }
    bares.push(await bareSegment())
  }
  await bare.stop()
  const submitted = reals.reduce((sum, r) => sum + r.result['2xx'], 0)
  const cpuPerSubmissionUs = (reals.reduce((sum, r) => sum + r.serverMs, 0) * 1000) / submitted
  const loadPerSubmissionUs = reals.reduce((sum, r) => sum + r.loadUs, 0) / submitted
  const perSubmissionUs = (ms: number) => Math.round((ms * 1000) / submitted)
  const shares = reals.map((r, i) => r.perSecond / ((bares[i]!.perSecond + bares[i + 1]!.perSecond) / 2))
  const share = [...shares].sort((x, y) => x - y)[Math.floor(ROUNDS / 2)]!
  // Then the budget's own load: submissions offered at the budgeted rate, not as fast as the server answers. Run flat out,
  // a closed loop of 100 connections waits 100 / throughput on average whatever the server does, so its p99 says how
  // many connections there were; at a fixed rate, p99 says how long a citizen waits while the server sustains that rate.
  const atRate = await run({
    url: origin,
    connections,
    amount,
    overallRate: BUDGET.perSecond,
    requests: [{ method: 'POST', setupRequest: submission(origin, (t) => `/api/s/${t}/responses`) }],
  })
  const rssMb = server.peakRssMb()
  await server.stop()
  // The server's output, for a look at what it printed under load (e.g. with BENCH_NODE_FLAGS='--trace-gc-nvp').
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, server.output())

  const check = openDatabase(dbUrl)
  const { n } = await check.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  await check.close()
  rmSync(dir, { recursive: true, force: true })

  const acknowledged = warmUp.result['2xx'] + submitted + atRate['2xx']
  const flatOutS = reals.reduce((sum, r) => sum + r.result.answeredInS, 0)
  const perSecond = submitted / flatOutS
  const barePerSecond = bares.reduce((sum, b) => sum + b.perSecond, 0) / bares.length
  const bareAnswered = bares.reduce((sum, b) => sum + b.answered, 0)
  const bareCpu = { serverUs: (bares.reduce((sum, b) => sum + b.serverMs, 0) * 1000) / bareAnswered, loadUs: bares.reduce((sum, b) => sum + b.loadUs, 0) / bareAnswered }
  const floorPerSecond = floor['2xx'] / floor.answeredInS
  const p99 = atRate.latency.p99
  const stored = Number(n)
  const flatOutNon2xx = [warmUp, ...reals].reduce((sum, r) => sum + r.result.non2xx, 0)
  const flatOutErrors = [warmUp, ...reals].reduce((sum, r) => sum + r.result.errors + r.result.timeouts, 0)
  const clean = stored === acknowledged && flatOutNon2xx === 0 && atRate.non2xx === 0
  const ok = perSecond >= BUDGET.perSecond && p99 <= BUDGET.p99Ms && share >= BUDGET.shareOfBare && rssMb <= BUDGET.rssMb && clean
  return {
    name: 'ingest',
    figures: {
      'submissions sent (warm-up, flat out, then at the budgeted rate)': `${WARM_UP} + ${amount} + ${amount}`,
      'run s (start to last answer)': `${flatOutS.toFixed(2)} (${ROUNDS} rounds) + ${atRate.answeredInS.toFixed(2)}`,
      connections,
      windows: WINDOWS,
      'acknowledged (2xx)': acknowledged,
      'non-2xx': flatOutNon2xx + atRate.non2xx,
      errors: flatOutErrors + atRate.errors + atRate.timeouts,
      'stored in the database': stored,
      'submissions/s (flat out)': Math.round(perSecond),
      'submissions/s flat out, by round': reals.map((r) => Math.round(r.perSecond)).join(' / '),
      'latency p50 / p99 ms flat out, by round (100 connections waiting)': reals.map((r) => `${r.result.latency.p50} / ${r.result.latency.p99}`).join(', '),
      [`at ${BUDGET.perSecond}/s offered: answered/s, latency p50 / p99 ms`]: `${Math.round(atRate['2xx'] / atRate.answeredInS)}, ${atRate.latency.p50} / ${p99}`,
      'bare Hono 204/s, before each round and after the last': bares.map((b) => Math.round(b.perSecond)).join(' / '),
      'share of bare, by round (each against the bare runs on either side)': shares.map((x) => `${(x * 100).toFixed(1)}%`).join(' / '),
      'share of bare (median round)': `${(share * 100).toFixed(1)}%`,
      'stack floor/s (our middleware + validation, no work)': `${Math.round(floorPerSecond)} (${((floorPerSecond / barePerSecond) * 100).toFixed(1)}% of bare, p99 ${floor.latency.p99} ms)`,
      'of which HTTP thread / writer thread / others µs': `${perSubmissionUs(threads.main)} / ${perSubmissionUs(threads.writer)} / ${perSubmissionUs(threads.rest)}`,
      'CPU per answer µs, server / load generator: submissions; bare 204s': `${Math.round(cpuPerSubmissionUs)} / ${Math.round(loadPerSubmissionUs)}; ${Math.round(bareCpu.serverUs)} / ${Math.round(bareCpu.loadUs)}`,
      'server peak RSS MB': Math.round(rssMb),
    },
    budget: `≥ ${BUDGET.perSecond}/s, p99 ≤ ${BUDGET.p99Ms} ms at that rate, ≥ ${BUDGET.shareOfBare * 100}% of bare, RSS ≤ ${BUDGET.rssMb} MB, stored = acknowledged`,
    ok,
    noRegression: clean && perSecond >= FLOOR.perSecond && rssMb <= FLOOR.rssMb,
    floor: `stored = acknowledged, no errors, ≥ ${FLOOR.perSecond}/s, RSS ≤ ${FLOOR.rssMb} MB`,
  }
}
