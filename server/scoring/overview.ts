import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { badReviewRate, satisfactionIndex, satisfactionRate, wilsonInterval, type LevelCounts } from '../../shared/scoring/rates'
import type { Overview } from '../../shared/schemas/scoring'
import type { Scope } from '../access/policy'
import { getCampaign } from '../campaigns/service'
import { campaignRanking } from './rankings'

/**
 * A campaign's overview for the caller's units over a period, from the counters written at submit time: volumes by
 * status, the overall rate with its interval against the target, how many windows attain it, levels, channels, the
 * daily trend and the weekday × hour heatmap.
 */
export async function campaignOverview(db: Kysely<Database>, scope: Scope, campaignId: number, q: { from?: string | undefined; to?: string | undefined }): Promise<Overview> {
  const campaign = await getCampaign(db, campaignId)
  const from = q.from ?? campaign.startsOn
  const to = q.to ?? campaign.endsOn
  const ranking = await campaignRanking(db, scope, campaignId, { level: 'window', method: 'wilson', from, to })
  const windowIds = ranking.items.map((i) => i.id)
  const inWindows = windowIds.length > 0 ? windowIds : [-1]
  const rows = await db
    .selectFrom('agg_levels')
    .select(['day', 'hour', 'channel', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('campaign_id', '=', campaignId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$if(!scope.all, (qb) => qb.where('window_id', 'in', inWindows))
    .groupBy(['day', 'hour', 'channel', 'level'])
    .execute()
  const pending = await db
    .selectFrom('responses')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('status', 'in', ['flagged', 'rejected'])
    .where('campaign_id', '=', campaignId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$if(!scope.all, (qb) => qb.where('window_id', 'in', inWindows))
    .groupBy('status')
    .execute()

  const all: LevelCounts = {}
  const channels: Record<string, number> = {}
  const days = new Map<string, LevelCounts>()
  const heat = new Map<string, number>()
  let valid = 0
  for (const r of rows) {
    const n = Number(r.n)
    valid += n
    channels[r.channel] = (channels[r.channel] ?? 0) + n
    const weekday = new Date(`${r.day}T12:00:00Z`).getUTCDay()
    heat.set(`${weekday}:${r.hour}`, (heat.get(`${weekday}:${r.hour}`) ?? 0) + n)
    if (r.level < 1) continue
    const level = r.level as 1 | 2 | 3 | 4 | 5
    all[level] = (all[level] ?? 0) + n
    const day = days.get(r.day) ?? {}
    day[level] = (day[level] ?? 0) + n
    days.set(r.day, day)
  }
  const overall = satisfactionRate(all, campaign.satisfiedLevels)
  const count = (status: string) => Number(pending.find((p) => p.status === status)?.n ?? 0)
  return {
    campaignId,
    from,
    to,
    target: campaign.targetRate,
    responses: { valid, flagged: count('flagged'), rejected: count('rejected') },
    overall: { n: overall.n, rate: overall.rate, interval: wilsonInterval(overall.satisfied, overall.n), index: satisfactionIndex(all), badRate: badReviewRate(all) },
    windows: {
      attained: ranking.items.filter((i) => i.attainment === 'attained').length,
      notAttained: ranking.items.filter((i) => i.attainment === 'not_attained').length,
      insufficient: ranking.items.filter((i) => i.attainment === 'insufficient').length,
    },
    levels: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), all[l as 1] ?? 0])),
    channels,
    trend: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, n: satisfactionRate(counts).n, rate: satisfactionRate(counts, campaign.satisfiedLevels).rate })),
    heatmap: [...heat.entries()].map(([k, n]) => ({ weekday: Number(k.split(':')[0]), hour: Number(k.split(':')[1]), n })).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
  }
}
