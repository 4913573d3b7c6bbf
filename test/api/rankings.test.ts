import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { XLSX_CONTENT_TYPE } from '../../server/export/xlsx-stream'
import { readXlsxRows } from '../../server/export/xlsx-read'
import { AggregateBuffer, writeAggregates } from '../../server/survey/aggregates'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey

/** Counters as submissions write them (every counter table, through the submit path's own buffer): `counts` per overall level on one day. */
async function counted(windowId: number, counts: Record<number, number>, day = '2026-11-05') {
  const buffer = new AggregateBuffer()
  for (const [level, n] of Object.entries(counts)) {
    const response = { campaignId: s.campaignId, windowId, staffId: null, versionId: s.versionId, day, hour: 10, channel: 'qr', overallLevel: Number(level) }
    for (let i = 0; i < n; i++) buffer.add(response, [])
  }
  await writeAggregates(h().db, buffer)
}

beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
  await counted(o.windows.A, { 5: 3 }) // 3 of 3 satisfied
  await counted(o.windows.B, { 5: 700, 4: 200, 3: 80, 2: 15, 1: 5 }) // 980 of 1,000
  await counted(o.windows.A1, { 5: 30, 4: 6, 2: 4 }) // 36 of 40 = 90%: below the 95% target
})

type Item = { id: number; n: number; rate: number | null; interval: { low: number; high: number } | null; index: number | null; attainment: string; rank: number | null; composite: number | null }
const ranking = async (query = '', cookie = o.cookies.admin) => {
  const res = await h().request('GET', `/api/campaigns/${s.campaignId}/rankings${query}`, { cookie })
  const text = await res.text()
  expect(res.status, text).toBe(200)
  return JSON.parse(text) as { items: Item[]; target: number; minSample: number }
}
const byId = (items: Item[], id: number) => items.find((i) => i.id === id)!

describe('the window ranking', () => {
  it('does not put 3 of 3 above 980 of 1,000, and marks it 样本不足 below the minimum sample', async () => {
    const { items, minSample } = await ranking()
    expect(minSample).toBe(30)
    const a = byId(items, o.windows.A)
    const b = byId(items, o.windows.B)
    expect(b).toMatchObject({ n: 1000, rate: 0.98, attainment: 'attained', rank: 1 })
    expect(b.interval!.low).toBeCloseTo(0.96931, 4)
    expect(b.index).toBeCloseTo((700 * 100 + 200 * 80 + 80 * 60 + 15 * 30) / 1000, 10)
    expect(a).toMatchObject({ n: 3, rate: 1, attainment: 'insufficient', rank: null })
    expect(byId(items, o.windows.A1)).toMatchObject({ n: 40, rate: 0.9, attainment: 'not_attained', rank: 2 })
    // Ranked first, 样本不足 last.
    expect(items.map((i) => i.id)).toEqual([o.windows.B, o.windows.A1, o.windows.A])
  })

  it('ranks by raw rate when asked (still not ranking 3 of 3 under the minimum sample)', async () => {
    const { items } = await ranking('?method=rate')
    expect(items.map((i) => [i.id, i.rank])).toEqual([
      [o.windows.B, 1],
      [o.windows.A1, 2],
      [o.windows.A, null],
    ])
  })

  it('counts only the chosen period, and aggregates by unit and sector', async () => {
    const none = await ranking('?from=2026-11-06&to=2026-11-30')
    expect(none.items.every((i) => i.n === 0 && i.rate === null && i.rank === null)).toBe(true)
    const units = await ranking('?level=unit')
    expect(byId(units.items, o.units.B)).toMatchObject({ n: 1000, rank: 1 })
    const sectors = await ranking('?level=sector')
    expect(byId(sectors.items, o.sectors.water)).toMatchObject({ n: 1043 })
  })

  it('shows a manager only their own units, with the ranks of the whole campaign', async () => {
    const { items } = await ranking('', o.cookies.manager)
    expect(items.map((i) => i.id).sort()).toEqual([o.windows.A, o.windows.A1].sort())
    expect(byId(items, o.windows.A1).rank).toBe(2)
  })
})

describe('the overview', () => {
  type View = {
    responses: { valid: number; flagged: number; rejected: number }
    overall: { n: number; rate: number; interval: { low: number; high: number }; index: number; badRate: number }
    windows: { attained: number; notAttained: number; insufficient: number }
    levels: Record<string, number>
    channels: Record<string, number>
    trend: { day: string; n: number; satisfied: number; rate: number }[]
    heatmap: { weekday: number; hour: number; n: number }[]
  }
  const overview = async (cookie = o.cookies.admin) => {
    const res = await h().request('GET', `/api/campaigns/${s.campaignId}/overview`, { cookie })
    const text = await res.text()
    expect(res.status, text).toBe(200)
    return JSON.parse(text) as View
  }

  it('adds up the same counters as the ranking: volumes, the overall rate, attainment, levels, channels, trend and heatmap', async () => {
    // One response too fast to count: flagged, waiting for review.
    const res = await h().request('POST', `/api/s/${s.tokens.A}/responses`, { body: { versionId: s.versionId, answers: { overall: 5 }, clientKey: 'overview-flagged-key-0001', durationMs: 500 } })
    expect(res.status).toBe(201)
    const view = await overview()
    expect(view.responses).toEqual({ valid: 1043, flagged: 1, rejected: 0 })
    expect(view.overall.n).toBe(1043)
    expect(view.overall.rate).toBeCloseTo((3 + 980 + 36) / 1043, 12)
    expect(view.overall.badRate).toBeCloseTo((15 + 5 + 4) / 1043, 12)
    expect(view.windows).toEqual({ attained: 1, notAttained: 1, insufficient: 1 })
    expect(view.levels).toEqual({ '1': 5, '2': 19, '3': 80, '4': 206, '5': 733 })
    expect(view.channels).toEqual({ qr: 1043 })
    expect(view.trend).toEqual([{ day: '2026-11-05', n: 1043, satisfied: 3 + 980 + 36, rate: view.overall.rate }])
    expect(view.heatmap).toEqual([{ weekday: 4, hour: 10, n: 1043 }]) // 5 November 2026 is a Thursday
  })

  it('covers only a manager’s own units', async () => {
    const view = await overview(o.cookies.manager)
    expect(view.responses.valid).toBe(43)
    expect(view.windows).toEqual({ attained: 0, notAttained: 1, insufficient: 1 })
  })
})

describe('composite weights', () => {
  const body = async (weights: Record<string, number>) => {
    const c = (await (await h().request('GET', `/api/campaigns/${s.campaignId}`, { cookie: o.cookies.admin })).json()) as Record<string, unknown>
    const { name, description, startsOn, endsOn, phases, scope, questionnaireId, targetRate, satisfiedLevels, minSample, quotaTotal, quotaPerWindow, repeatIntervalHours, minSeconds } = c
    return { name, description, startsOn, endsOn, phases, scope, questionnaireId, targetRate, satisfiedLevels, minSample, quotaTotal, quotaPerWindow, repeatIntervalHours, minSeconds, weights }
  }

  it('refuses weights that do not add up to 100 when the campaign is saved', async () => {
    const res = await h().request('PUT', `/api/campaigns/${s.campaignId}`, { cookie: o.cookies.admin, body: await body({ citizenIndex: 70, supervisorMean: 20, inspectionScore: 0 }) })
    const { error } = (await res.json()) as { error: { code: string; details: { fields: { path: string; message: string }[] } } }
    expect(res.status).toBe(400)
    expect(error.code).toBe('validation_failed')
    expect(error.details.fields).toEqual([{ path: 'weights', code: 'field_weights_sum', message: '各项权重合计必须为 100' }])
  })

  it('weighs citizens and supervisors as the campaign says (50 / 50 here)', async () => {
    const saved = await h().request('PUT', `/api/campaigns/${s.campaignId}`, { cookie: o.cookies.admin, body: await body({ citizenIndex: 50, supervisorMean: 50, inspectionScore: 0 }) })
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect(((await saved.json()) as { weights: unknown }).weights).toEqual({ citizenIndex: 50, supervisorMean: 50, inspectionScore: 0 })
    await h()
      .db.insertInto('agg_visits')
      .values({ campaign_id: s.campaignId, window_id: o.windows.B, month: '2026-11', undercover: 0, visits: 1, score_sum: 90, score_n: 1, inspection_sum: 0, inspection_n: 0, vetoes: 0 })
      .execute()
    const { items } = await ranking('?method=composite')
    const b = byId(items, o.windows.B)
    expect(b.composite).toBeCloseTo(0.5 * b.index! + 0.5 * 90, 10)
  })
})

describe('exports', () => {
  const csvOf = async (path: string, cookie = o.cookies.admin) => {
    const res = await h().request('GET', path, { cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: Excel opens the Chinese correctly
    return bytes.toString('utf8').slice(1).trim().split('\r\n')
  }

  it('exports a ranking with the figures as the screens show them', async () => {
    const lines = await csvOf(`/api/campaigns/${s.campaignId}/rankings/export?method=rate`)
    expect(lines[0]).toBe('排名,上期排名,名称,编号,所属,样本数,满意数,满意率,95%区间下限,95%区间上限,满意度指数,差评率,达标情况,监督员评议,检查得分,综合得分,星级')
    const b = lines.find((l) => l.includes(',B-01,'))!
    expect(b).toMatch(/^1,—,报装窗口,B-01,水务集团B,1000,980,98\.0%,96\.9%,98\.7%,/)
    expect(lines.find((l) => l.includes(',A-01,'))).toMatch(/^样本不足,—,综合受理窗口,A-01,/)
    const manager = await csvOf(`/api/campaigns/${s.campaignId}/rankings/export`, o.cookies.manager)
    expect(manager.some((l) => l.includes('B-01'))).toBe(false)
  })

  it('streams the raw responses without phone numbers, only for the caller’s units', async () => {
    for (const [token, key] of [
      [s.tokens.A, 'export-key-000000000001'],
      [s.tokens.B, 'export-key-000000000002'],
    ] as const) {
      const res = await h().request('POST', `/api/s/${token}/responses`, {
        body: { versionId: s.versionId, answers: { overall: 2, reasons: ['slow'], comment: '等了很久', phone: '13700001111' }, clientKey: key, durationMs: 20_000 },
      })
      expect(res.status).toBe(201)
    }
    const lines = await csvOf(`/api/campaigns/${s.campaignId}/responses/export`)
    expect(lines[0]).toBe('编号,提交时间,日期,窗口编号,窗口,单位,渠道,状态,整体满意度,标记原因,答案,查询码')
    const rows = lines.slice(1)
    expect(rows.length).toBe(Number((await h().db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n))
    expect(rows.some((l) => l.includes('等了很久') && l.includes(',B-01,'))).toBe(true)
    expect(lines.join('\n')).not.toContain('13700001111')
    const manager = await csvOf(`/api/campaigns/${s.campaignId}/responses/export`, o.cookies.manager)
    expect(manager.slice(1).every((l) => !l.includes(',B-01,'))).toBe(true)
    expect(manager.length).toBeGreaterThan(1)
  })
  it('exports the same as Excel workbooks: the ranking with its figures, the responses streamed, phones never', async () => {
    const xlsx = async (path: string, cookie = o.cookies.admin) => {
      const res = await h().request('GET', path, { cookie })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE)
      expect(res.headers.get('content-disposition')).toMatch(/\.xlsx"$/)
      return readXlsxRows(new Uint8Array(await res.arrayBuffer()))
    }
    const ranking = await xlsx(`/api/campaigns/${s.campaignId}/rankings/export?method=rate&format=xlsx`)
    const csv = await csvOf(`/api/campaigns/${s.campaignId}/rankings/export?method=rate`)
    expect(ranking.map((r) => r.join(','))).toEqual(csv)
    const responses = await xlsx(`/api/campaigns/${s.campaignId}/responses/export?format=xlsx`)
    const total = Number((await h().db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
    expect(responses).toHaveLength(total + 1)
    expect(responses[0]).toEqual(['编号', '提交时间', '日期', '窗口编号', '窗口', '单位', '渠道', '状态', '整体满意度', '标记原因', '答案', '查询码'])
    expect(JSON.stringify(responses)).not.toContain('13700001111')
    const manager = await xlsx(`/api/campaigns/${s.campaignId}/responses/export?format=xlsx`, o.cookies.manager)
    expect(manager.slice(1).every((r) => r[3] !== 'B-01')).toBe(true)
  })
  it('gzips the responses download when the browser accepts it, and the CSV inside is the same', async () => {
    const plain = await csvOf(`/api/campaigns/${s.campaignId}/responses/export`)
    const res = await h().request('GET', `/api/campaigns/${s.campaignId}/responses/export`, { cookie: o.cookies.admin, headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const text = gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')
    expect(text.slice(1).trim().split('\r\n')).toEqual(plain)
  })
})
