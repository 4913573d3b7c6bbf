import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { createApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createLogger } from '../../server/log'
import { importOrgCsv } from '../../server/org/csv'
import { createUser } from '../../server/users/service'
import type { BenchResult } from './run'

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** GET /api/org/tree for an organisation of 2,000 windows, against a bare endpoint of the same app in the same run. */
export async function orgTreeBenchmark({ short }: { short: boolean }): Promise<BenchResult> {
  const handle = openDatabase(':memory:')
  await migrateToLatest(handle.db)
  let csv = 'sector,unit_path,window_code,window_name\n'
  for (let i = 0; i < 2000; i++) csv += `行业${i % 10},单位${i % 10}/分所${Math.floor(i / 20)},W-${i},窗口${i}\n`
  await importOrgCsv(handle.db, csv, false, 'zh-CN', new Date())
  await createUser(handle.db, { username: 'admin', displayName: 'a', role: 'admin', unitIds: [], password: 'Bench-passw0rd', mustChangePassword: false }, new Date())
  const app = createApp({ db: handle.db, config: loadConfig({ LOG_LEVEL: 'silent' }), log: createLogger('silent'), now: () => new Date() })
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { Origin: 'http://localhost', 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Bench-passw0rd' }),
  })
  const cookie = /manyi_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0]

  const time = async (path: string, n: number) => {
    const samples: number[] = []
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      const res = await app.request(path, { headers: { Cookie: cookie } })
      await res.arrayBuffer()
      samples.push(performance.now() - t)
    }
    return samples.sort((a, b) => a - b)
  }
  const n = short ? 30 : 200
  await time('/api/org/tree', 5) // warm up
  const tree = await time('/api/org/tree', n)
  const bare = await time('/healthz', n)
  await handle.close()
  const p50 = percentile(tree, 50)
  const p95 = percentile(tree, 95)
  return {
    name: 'org-tree',
    figures: {
      windows: 2000,
      requests: n,
      'tree p50 ms': p50.toFixed(2),
      'tree p95 ms': p95.toFixed(2),
      'bare endpoint p50 ms': percentile(bare, 50).toFixed(3),
    },
    budget: 'tree p95 ≤ 100 ms',
    ok: p95 <= 100,
    noRegression: p95 <= 100,
    floor: 'tree p95 ≤ 100 ms',
  }
}
