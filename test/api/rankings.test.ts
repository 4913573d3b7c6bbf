import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey

/** Counters as submissions would have written them: `counts` per overall level on one day. */
async function counted(windowId: number, counts: Record<number, number>, day = '2026-11-05') {
  await h()
    .db.insertInto('agg_levels')
    .values(Object.entries(counts).map(([level, n]) => ({ campaign_id: s.campaignId, window_id: windowId, day, hour: 10, channel: 'qr', level: Number(level), n })))
    .execute()
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
