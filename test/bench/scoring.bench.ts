import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SQLite from 'better-sqlite3'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { activateCampaign, createCampaign } from '../../server/campaigns/service'
import { importOrgCsv } from '../../server/org/csv'
import { createQuestionnaire, publishDraft } from '../../server/questionnaires/service'
import { rebuildAggregates } from '../../server/survey/rebuild-aggregates'
import { createUser } from '../../server/users/service'
import type { BenchResult } from './run'
import { startFlags } from './start-flags'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WINDOWS = 2000
const BUDGET = { requestMs: 100, exportS: 15, exportRssMb: 250 }
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

/**
 * Dashboards, rankings and the export on a generated campaign: 1,000,000 responses over 2,000 windows (50,000 in the
 * short mode), against the server bundle. The aggregate-based ranking is compared with a raw scan of the responses in
 * the same run.
 */
export async function scoringBenchmark({ short }: { short: boolean }): Promise<BenchResult> {
  const responses = short ? 50_000 : 1_000_000
  const dir = mkdtempSync(join(tmpdir(), 'manyi-scoring-'))
  const file = join(dir, 'scoring.sqlite')
  const handle = openDatabase(`sqlite:${file}`)
  await migrateToLatest(handle.db)
  let orgCsv = 'sector,unit_path,window_code,window_name\n'
  for (let i = 0; i < WINDOWS; i++) orgCsv += `行业${i % 8},集团${i % 8}/营业所${Math.floor(i / 25)},W-${i},窗口${i}\n`
  const now = new Date()
  await importOrgCsv(handle.db, orgCsv, false, 'zh-CN', now)
  const q = await createQuestionnaire(handle.db, { fromTemplate: 'window-service' }, now)
  const version = await publishDraft(handle.db, q.id, now)
  const sectorIds = (await handle.db.selectFrom('sectors').select('id').execute()).map((s) => s.id)
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10)
  const campaign = await createCampaign(
    handle.db,
    {
      name: 'bench', description: null, startsOn: day(90), endsOn: day(-30), phases: [], scope: { sectorIds, unitIds: [], windowIds: [] },
      questionnaireId: q.id, targetRate: 0.95, satisfiedLevels: [3, 4, 5], minSample: 30, quotaTotal: null, quotaPerWindow: null, repeatIntervalHours: 12, minSeconds: 3,
      weights: { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 },
      publishStaffNames: false,
    },
    now,
  )
  await activateCampaign(handle.db, campaign.id, now)
  await createUser(handle.db, { username: 'admin', displayName: 'a', role: 'admin', unitIds: [], password: 'Bench-passw0rd', mustChangePassword: false }, now)
  const windowIds = (await handle.db.selectFrom('windows').select('id').orderBy('id').execute()).map((w) => w.id)
  await handle.close()

  // The responses, written straight into the file (generating them through HTTP would take as long as the ingest run).
  let started = performance.now()
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  const insert = sqlite.prepare(
    `insert into responses (campaign_id, window_id, staff_id, questionnaire_version_id, channel, status, flag_reasons, answers, overall_level, phone, tracking_code, client_key, device_hash, ip_hash, net_hash, duration_ms, submitted_at, day, hour, operator_id, kiosk_id, one_time_code_id)
     values (?, ?, null, ?, ?, ?, null, ?, ?, null, ?, null, null, null, null, 20000, ?, ?, ?, null, null, null)`,
  )
  let seed = 7
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const CHANNELS = ['qr', 'qr', 'qr', 'kiosk', 'hotline']
  sqlite.transaction(() => {
    for (let i = 0; i < responses; i++) {
      const w = windowIds[i % WINDOWS]!
      // Most windows near 97% satisfied, one in nine near 90%.
      const level = random() < ((i % WINDOWS) % 9 === 4 ? 0.9 : 0.97) ? (random() < 0.7 ? 5 : random() < 0.7 ? 4 : 3) : random() < 0.6 ? 2 : 1
      const answers = level <= 2 ? `{"overall":${level},"attitude":${level},"reasons":["slow"],"comment":"排队太久"}` : `{"overall":${level},"attitude":${level}}`
      const d = Math.floor(random() * 90)
      const hour = 8 + Math.floor(random() * 9)
      const at = new Date(now.getTime() - d * 86_400_000)
      insert.run(campaign.id, w, version.id, CHANNELS[i % CHANNELS.length], random() < 0.01 ? 'flagged' : 'valid', answers, level, `B${i.toString(36).padStart(9, '0')}`, at.toISOString(), at.toISOString().slice(0, 10), hour)
    }
  })()
  sqlite.close()
  const generateS = (performance.now() - started) / 1000

  started = performance.now()
  const rebuilt = openDatabase(`sqlite:${file}`)
  await rebuildAggregates(rebuilt.db)
  const rebuildS = (performance.now() - started) / 1000
  // The same question answered by scanning the raw responses instead of the counters.
  started = performance.now()
  const { sql } = await import('kysely')
  await sql`select window_id, count(*) as n, sum(case when overall_level >= 3 then 1 else 0 end) as satisfied from responses where campaign_id = ${campaign.id} and status = 'valid' group by window_id`.execute(rebuilt.db)
  const rawScanMs = performance.now() - started
  await rebuilt.close()

  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  // The server as `npm start` runs it (its Node flags too).
  const child = spawn(process.execPath, [...startFlags(), 'dist/server/main.mjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${file}`, PUBLIC_URL: origin, LOG_LEVEL: 'warn', MANYI_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && !(await fetch(`${origin}/readyz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 100))
  if (child.exitCode !== null) throw new Error(`the server did not start: ${output}`)
  const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ username: 'admin', password: 'Bench-passw0rd' }) })
  const cookie = /manyi_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0]
  const timed = async (path: string, rounds: number) => {
    const times: number[] = []
    for (let i = 0; i < rounds; i++) {
      const t = performance.now()
      const res = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
      times.push(performance.now() - t)
    }
    return times.sort((a, b) => a - b)
  }
  const rounds = short ? 10 : 30
  const overview = await timed(`/api/campaigns/${campaign.id}/overview`, rounds)
  const ranking = await timed(`/api/campaigns/${campaign.id}/rankings?level=window`, rounds)
  const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8')
  const mb = (field: 'VmHWM' | 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1] ?? 0) / 1024
  // Each export's own peak: Linux resets a process's peak RSS when 5 is written to its clear_refs.
  const resetPeak = () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5')
  const requestsPeakMb = mb('VmHWM')
  const rssBefore = mb('VmRSS')
  resetPeak()
  started = performance.now()
  const exported = await fetch(`${origin}/api/campaigns/${campaign.id}/responses/export`, { headers: { Cookie: cookie } })
  const csv = await readCsv(exported.body!)
  const exportS = (performance.now() - started) / 1000
  const exportRssMb = mb('VmHWM')
  resetPeak()
  started = performance.now()
  const xlsx = await fetch(`${origin}/api/campaigns/${campaign.id}/responses/export?format=xlsx`, { headers: { Cookie: cookie } })
  let xlsxBytes = 0
  const xlsxReader = xlsx.body!.getReader()
  for (let part = await xlsxReader.read(); !part.done; part = await xlsxReader.read()) xlsxBytes += part.value.length
  const xlsxS = (performance.now() - started) / 1000
  const xlsxRssMb = mb('VmHWM')
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve())
    child.kill('SIGTERM')
  })
  // MANYI_BENCH_KEEP=1 keeps the generated database for profiling.
  if (process.env.MANYI_BENCH_KEEP) console.log(`kept ${file}`)
  else rmSync(dir, { recursive: true, force: true })

  const overviewP95 = percentile(overview, 95)
  const rankingP95 = percentile(ranking, 95)
  // Full mode: the budgets; short mode (CI): only a regression floor, scaled to its smaller campaign.
  // The export must open as what it claims: UTF-8 (strictly decoded) with a BOM, one record per response.
  const csvValid = csv.bom && csv.utf8 && csv.records === responses + 1
  const ok = overviewP95 <= BUDGET.requestMs && rankingP95 <= BUDGET.requestMs && exportS <= BUDGET.exportS && exportRssMb <= BUDGET.exportRssMb && csvValid
  return {
    name: 'scoring',
    figures: {
      responses,
      windows: WINDOWS,
      'generate s (direct inserts)': generateS.toFixed(1),
      'db:rebuild-aggregates s': rebuildS.toFixed(1),
      'overview p50 / p95 ms': `${percentile(overview, 50).toFixed(1)} / ${overviewP95.toFixed(1)}`,
      'window ranking p50 / p95 ms': `${percentile(ranking, 50).toFixed(1)} / ${rankingP95.toFixed(1)}`,
      'raw-scan rate per window ms (same run)': rawScanMs.toFixed(1),
      'raw scan / ranking request (p50)': `${(rawScanMs / percentile(ranking, 50)).toFixed(1)}×`,
      'CSV export s': exportS.toFixed(1),
      'CSV export MB': (csv.bytes / 1024 / 1024).toFixed(1),
      'CSV valid (BOM, strict UTF-8, records = responses + header)': `${csvValid ? 'yes' : 'NO'} (${csv.records - 1} rows)`,
      'server peak RSS MB over the overview and ranking rounds': Math.round(requestsPeakMb),
      'server RSS MB before the export / peak during the CSV export': `${Math.round(rssBefore)} / ${Math.round(exportRssMb)}`,
      'XLSX export s / MB / peak RSS MB': `${xlsxS.toFixed(1)} / ${(xlsxBytes / 1024 / 1024).toFixed(1)} / ${Math.round(xlsxRssMb)}`,
    },
    budget: `overview and ranking ≤ ${BUDGET.requestMs} ms, export of 1,000,000 ≤ ${BUDGET.exportS} s with peak RSS ≤ ${BUDGET.exportRssMb} MB${short ? ' (short mode: 50,000 responses)' : ''}`,
    ok,
    noRegression: overviewP95 <= 1000 && rankingP95 <= 1000 && exportRssMb <= 300 && csvValid,
    floor: 'overview and ranking p95 ≤ 1,000 ms, RSS ≤ 300 MB, the CSV valid with every row',
  }
}

/**
 * Reads a CSV download as it streams: checks the BOM, decodes strictly as UTF-8 (a bad byte throws) and counts records
 * outside quoted fields (answers hold commas, quotes and could hold line breaks), keeping nothing but counters.
 */
async function readCsv(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let bytes = 0
  let records = 0
  let quoted = false
  let first = true
  let bom = false
  let utf8 = true
  const reader = body.getReader()
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      bytes += part.value.length
      let text = decoder.decode(part.value, { stream: true })
      if (first) {
        bom = text.charCodeAt(0) === 0xfeff
        text = text.slice(bom ? 1 : 0)
        first = false
      }
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c === 34) quoted = !quoted // a doubled quote toggles twice: still inside
        else if (c === 10 && !quoted) records++
      }
    }
    decoder.decode()
  } catch {
    utf8 = false
  }
  return { bytes, records, bom, utf8 }
}
