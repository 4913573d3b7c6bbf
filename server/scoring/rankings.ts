import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { attainment, badReviewRate, satisfactionIndex, satisfactionRate, wilsonInterval, type LevelCounts } from '../../shared/scoring/rates'
import { compositeScore, rank, stars } from '../../shared/scoring/ranking'
import type { Ranking, RankingItem } from '../../shared/schemas/scoring'
import { inScope, type Scope } from '../access/policy'
import { getCampaign } from '../campaigns/service'

type Level = Ranking['level']
type Method = Ranking['method']

/** A veto (一票否决) caps the composite at this. */
const VETO_CAP = 60

interface Group {
  id: number
  name: string
  code: string | null
  parentName: string | null
  unitIds: Set<number>
  counts: LevelCounts
  scoreSum: number
  scoreN: number
  inspectionSum: number
  inspectionN: number
  vetoes: number
}

/**
 * A campaign's ranking of windows, units or sectors over a period, from the counters written at submit time
 * (agg_levels, agg_visits) — never a scan of the responses. Ranks are over the whole campaign (what is published); a
 * scoped user gets the rows of their own units, with those ranks.
 */
export async function campaignRanking(
  db: Kysely<Database>,
  scope: Scope,
  campaignId: number,
  q: { level: Level; method: Method; from?: string | undefined; to?: string | undefined },
): Promise<Ranking> {
  const campaign = await getCampaign(db, campaignId)
  const from = q.from ?? campaign.startsOn
  const to = q.to ?? campaign.endsOn
  const windows = await db
    .selectFrom('campaign_windows as cw')
    .innerJoin('windows as w', 'w.id', 'cw.window_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .innerJoin('sectors as s', 's.id', 'u.sector_id')
    .select(['w.id', 'w.name', 'w.code', 'w.unit_id', 'u.name as unit_name', 'u.sector_id', 's.name as sector_name'])
    .where('cw.campaign_id', '=', campaignId)
    .execute()
  const levels = await db
    .selectFrom('agg_levels')
    .select(['window_id', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('campaign_id', '=', campaignId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('level', '>', 0)
    .groupBy(['window_id', 'level'])
    .execute()
  const fromMonth = from.slice(0, 7)
  const toMonth = to.slice(0, 7)
  const visits = await db
    .selectFrom('agg_visits')
    .select([
      'window_id',
      (eb) => eb.fn.sum<number>('score_sum').as('score_sum'),
      (eb) => eb.fn.sum<number>('score_n').as('score_n'),
      (eb) => eb.fn.sum<number>('inspection_sum').as('inspection_sum'),
      (eb) => eb.fn.sum<number>('inspection_n').as('inspection_n'),
      (eb) => eb.fn.sum<number>('vetoes').as('vetoes'),
    ])
    .where('campaign_id', '=', campaignId)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('window_id')
    .execute()

  const groups = new Map<number, Group>()
  const groupOf = new Map<number, Group>()
  for (const w of windows) {
    const key = q.level === 'window' ? w.id : q.level === 'unit' ? w.unit_id : w.sector_id
    let g = groups.get(key)
    if (!g) {
      g = {
        id: key,
        name: q.level === 'window' ? w.name : q.level === 'unit' ? w.unit_name : w.sector_name,
        code: q.level === 'window' ? w.code : null,
        parentName: q.level === 'window' ? w.unit_name : q.level === 'unit' ? w.sector_name : null,
        unitIds: new Set(),
        counts: {},
        scoreSum: 0,
        scoreN: 0,
        inspectionSum: 0,
        inspectionN: 0,
        vetoes: 0,
      }
      groups.set(key, g)
    }
    g.unitIds.add(w.unit_id)
    groupOf.set(w.id, g)
  }
  for (const l of levels) {
    const g = groupOf.get(l.window_id)
    if (!g) continue
    const level = l.level as 1 | 2 | 3 | 4 | 5
    g.counts[level] = (g.counts[level] ?? 0) + Number(l.n)
  }
  for (const v of visits) {
    const g = groupOf.get(v.window_id)
    if (!g) continue
    g.scoreSum += Number(v.score_sum)
    g.scoreN += Number(v.score_n)
    g.inspectionSum += Number(v.inspection_sum)
    g.inspectionN += Number(v.inspection_n)
    g.vetoes += Number(v.vetoes)
  }

  const rows = [...groups.values()].map((g) => {
    const { n, satisfied, rate } = satisfactionRate(g.counts, campaign.satisfiedLevels)
    const interval = wilsonInterval(satisfied, n)
    const index = satisfactionIndex(g.counts)
    const supervisorMean = g.scoreN > 0 ? g.scoreSum / g.scoreN : null
    const inspectionScore = g.inspectionN > 0 ? g.inspectionSum / g.inspectionN : null
    const vetoed = g.vetoes > 0
    const composite = compositeScore({ citizenIndex: index, supervisorMean, inspectionScore, caseDeductions: 0 }, campaign.weights, { vetoed, cap: VETO_CAP })
    const value = q.method === 'wilson' ? (interval?.low ?? null) : q.method === 'rate' ? rate : q.method === 'index' ? index : composite
    const item: Omit<RankingItem, 'rank'> & { value: number | null; unitIds: Set<number> } = {
      id: g.id,
      name: g.name,
      code: g.code,
      parentName: g.parentName,
      n,
      satisfied,
      rate,
      interval,
      index,
      badRate: badReviewRate(g.counts),
      attainment: attainment(rate, n, campaign.targetRate, campaign.minSample),
      supervisorMean,
      inspectionScore,
      vetoed,
      composite,
      stars: stars(composite),
      value,
      unitIds: g.unitIds,
    }
    return item
  })
  const ranked = rank(rows, campaign.minSample)
  const visible = ranked.filter((r) => scope.all || [...r.unitIds].some((u) => inScope(scope, u)))
  return {
    campaignId,
    level: q.level,
    method: q.method,
    from,
    to,
    target: campaign.targetRate,
    minSample: campaign.minSample,
    items: visible.map(({ value: _value, unitIds: _units, ...item }) => item),
  }
}
