import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { previousPeriod, type Period } from '../../shared/scoring/period'
import { attainment, badReviewRate, satisfactionIndex, satisfactionRate, wilsonInterval, type LevelCounts } from '../../shared/scoring/rates'
import { compositeScore, rank, stars } from '../../shared/scoring/ranking'
import type { Campaign } from '../../shared/schemas/campaign'
import type { Ranking, RankingItem } from '../../shared/schemas/scoring'
import { inScope } from '../access/policy'
import { getCampaign } from '../campaigns/service'
import { campaignWindows, windowsAt, type CampaignWindow, type Place } from './campaign-windows'
import { ratedLevels, visitCounts, windowLevelCounts, type VisitCounts } from './counters'
import { hidesUndercover } from '../supervision/undercover'
import type { Viewer } from './viewer'

type Level = Ranking['level']
type Method = Ranking['method']

/** A veto (一票否决) caps the composite at this. */
const VETO_CAP = 60

export interface RankingRequest extends Place {
  level: Level
  method: Method
  from?: string | undefined
  to?: string | undefined
  channel?: string | undefined
}

interface Group {
  id: number
  name: string
  code: string | null
  parentName: string | null
  unitIds: Set<number>
  windowIds: Set<number>
  counts: LevelCounts
  visits: VisitCounts
}

const noVisits = (): VisitCounts => ({ visits: 0, scoreSum: 0, scoreN: 0, inspectionSum: 0, inspectionN: 0, vetoes: 0 })

/** The period a request means: the campaign's own unless given, never outside it. */
export function requestedPeriod(campaign: Campaign, q: { from?: string | undefined; to?: string | undefined }): Period {
  return { from: q.from ?? campaign.startsOn, to: q.to ?? campaign.endsOn }
}

/**
 * A campaign's ranking of windows, units, sectors or staff over a period, from the counters written at submit time
 * (never a scan of the responses), with each item's rank in the previous period (环比). Ranks are over the whole
 * campaign — what is published; a viewer gets the rows of their own units (and of the chosen place), with those ranks.
 */
export async function campaignRanking(
  db: Kysely<Database>,
  viewer: Viewer,
  campaignId: number,
  q: RankingRequest,
  options: { previous?: boolean; loaded?: { campaign: Campaign; windows: readonly CampaignWindow[] } } = {},
): Promise<Ranking> {
  const campaign = options.loaded?.campaign ?? (await getCampaign(db, campaignId))
  const period = requestedPeriod(campaign, q)
  const previous = previousPeriod(period)
  const windows = options.loaded?.windows ?? (await campaignWindows(db, campaignId))
  const hide = hidesUndercover(viewer.role, viewer.today, campaign.endsOn)
  const [current, before] = await Promise.all([
    rankedItems(db, campaign, windows, q.level, q.method, period, q.channel, hide),
    options.previous !== false ? rankedItems(db, campaign, windows, q.level, q.method, previous, q.channel, hide) : [],
  ])
  const previousRanks = new Map(before.map((i) => [i.id, i.rank]))
  const visibleWindows = new Set(windowsAt(windows, viewer.scope, q).map((w) => w.id))
  const visible = current.filter((r) => [...r.unitIds].some((u) => inScope(viewer.scope, u)) && [...r.windowIds].some((w) => visibleWindows.has(w)))
  return {
    campaignId,
    level: q.level,
    method: q.method,
    from: period.from,
    to: period.to,
    target: campaign.targetRate,
    minSample: campaign.minSample,
    previous,
    items: visible.map(({ unitIds: _units, windowIds: _windows, value: _value, ...item }) => ({ ...item, previousRank: previousRanks.get(item.id) ?? null })),
  }
}

/** Every group of the level over one period, figured and ranked. */
async function rankedItems(
  db: Kysely<Database>,
  campaign: Campaign,
  windows: readonly CampaignWindow[],
  level: Level,
  method: Method,
  period: Period,
  channel: string | undefined,
  hideUndercover: boolean,
) {
  const within = { from: campaign.startsOn, to: campaign.endsOn }
  const groups =
    level === 'staff'
      ? await staffGroups(db, campaign.id, windows, period)
      : windowGroups(windows, level, await windowLevelCounts(db, { campaignId: campaign.id, period, within, channel, windowIds: null }))
  if (level !== 'staff') {
    const visits = await visitCounts(db, campaign.id, period, hideUndercover, null)
    const byWindow = new Map<number, Group>()
    for (const g of groups.values()) for (const w of g.windowIds) byWindow.set(w, g)
    for (const [windowId, v] of visits) {
      const g = byWindow.get(windowId)
      if (!g) continue
      for (const k of Object.keys(v) as (keyof VisitCounts)[]) g.visits[k] += v[k]
    }
  }
  const rows = [...groups.values()].map((g) => figures(g, campaign, method))
  return rank(rows, campaign.minSample)
}

function windowGroups(windows: readonly CampaignWindow[], level: Exclude<Level, 'staff'>, counts: Map<number, Record<number, number>>) {
  const groups = new Map<number, Group>()
  for (const w of windows) {
    const key = level === 'window' ? w.id : level === 'unit' ? w.unitId : w.sectorId
    let g = groups.get(key)
    if (!g) {
      g = {
        id: key,
        name: level === 'window' ? w.name : level === 'unit' ? w.unitName : w.sectorName,
        code: level === 'window' ? w.code : null,
        parentName: level === 'window' ? w.unitName : level === 'unit' ? w.sectorName : null,
        unitIds: new Set(),
        windowIds: new Set(),
        counts: {},
        visits: noVisits(),
      }
      groups.set(key, g)
    }
    g.unitIds.add(w.unitId)
    g.windowIds.add(w.id)
    const rated = ratedLevels(counts.get(w.id))
    for (const l of [1, 2, 3, 4, 5] as const) if (rated[l]) g.counts[l] = (g.counts[l] ?? 0) + rated[l]
  }
  return groups
}

/** 服务明星: the staff of the campaign's windows, by the responses that named them (agg_staff keeps no channel). */
async function staffGroups(db: Kysely<Database>, campaignId: number, windows: readonly CampaignWindow[], period: Period) {
  const byId = new Map(windows.map((w) => [w.id, w]))
  const staff = await db
    .selectFrom('staff')
    .innerJoin('campaign_windows as cw', 'cw.window_id', 'staff.window_id')
    .select(['staff.id', 'staff.name', 'staff.employee_no', 'staff.window_id'])
    .where('cw.campaign_id', '=', campaignId)
    .execute()
  const counts = await db
    .selectFrom('agg_staff')
    .select(['staff_id', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('campaign_id', '=', campaignId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .where('level', '>', 0)
    .groupBy(['staff_id', 'level'])
    .execute()
  const groups = new Map<number, Group>()
  for (const s of staff) {
    const w = byId.get(s.window_id)!
    groups.set(s.id, { id: s.id, name: s.name, code: s.employee_no, parentName: w.name, unitIds: new Set([w.unitId]), windowIds: new Set([w.id]), counts: {}, visits: noVisits() })
  }
  for (const c of counts) {
    const g = groups.get(c.staff_id)
    if (g) g.counts[c.level as 1] = (g.counts[c.level as 1] ?? 0) + Number(c.n)
  }
  return groups
}

/** A group's figures: rate, interval, index, bad rate, attainment, composite and stars, all from shared/scoring. */
function figures(g: Group, campaign: Campaign, method: Method): Omit<RankingItem, 'rank' | 'previousRank'> & { value: number | null; unitIds: Set<number>; windowIds: Set<number> } {
  const { n, satisfied, rate } = satisfactionRate(g.counts, campaign.satisfiedLevels)
  const interval = wilsonInterval(satisfied, n)
  const index = satisfactionIndex(g.counts)
  const v = g.visits
  const supervisorMean = v.scoreN > 0 ? v.scoreSum / v.scoreN : null
  const inspectionScore = v.inspectionN > 0 ? v.inspectionSum / v.inspectionN : null
  const vetoed = v.vetoes > 0
  const composite = compositeScore({ citizenIndex: index, supervisorMean, inspectionScore, caseDeductions: 0 }, campaign.weights, { vetoed, cap: VETO_CAP })
  return {
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
    // Too few responses earn no stars: a star band says how good a window is, which 样本不足 cannot tell.
    stars: n >= campaign.minSample ? stars(composite) : 0,
    value: method === 'wilson' ? (interval?.low ?? null) : method === 'rate' ? rate : method === 'index' ? index : composite,
    unitIds: g.unitIds,
    windowIds: g.windowIds,
  }
}
