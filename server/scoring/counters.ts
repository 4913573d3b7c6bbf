import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { LevelCounts } from '../../shared/scoring/rates'
import { splitByMonths, type Period } from '../../shared/scoring/period'

// Reading the counters written at submit time. Whole months come from the monthly counters and only a period's
// edges from the daily ones, so a campaign-wide ranking reads thousands of rows however many responses there are.

export interface CounterFilter {
  campaignId: number
  period: Period
  /** Where data can exist: the campaign's own period. */
  within: Period
  channel?: string | undefined
  /** Only these windows; null = every window of the campaign (the campaign-wide counters may then be used). */
  windowIds: readonly number[] | null
}

const NONE = [-1]
const ids = (list: readonly number[]) => (list.length > 0 ? [...list] : NONE)

/** Valid responses per window and overall level over the period (level 0: no overall answer). */
export async function windowLevelCounts(db: Kysely<Database>, f: CounterFilter): Promise<Map<number, Record<number, number>>> {
  // The monthly counters keep no channel: a channel's figures come from the daily ones.
  const { months, days } = f.channel === undefined ? splitByMonths(f.period, f.within) : { months: [], days: [f.period] }
  const out = new Map<number, Record<number, number>>()
  const add = (rows: { window_id: number; level: number; n: number | string }[]) => {
    for (const r of rows) {
      const counts = out.get(r.window_id) ?? {}
      counts[r.level] = (counts[r.level] ?? 0) + Number(r.n)
      out.set(r.window_id, counts)
    }
  }
  if (months.length > 0) {
    add(
      await db
        .selectFrom('agg_window_months')
        .select(['window_id', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
        .where('campaign_id', '=', f.campaignId)
        .where('month', 'in', months)
        .$if(f.windowIds !== null, (q) => q.where('window_id', 'in', ids(f.windowIds!)))
        .groupBy(['window_id', 'level'])
        .execute(),
    )
  }
  for (const d of days) {
    add(
      await db
        .selectFrom('agg_levels')
        .select(['window_id', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
        .where('campaign_id', '=', f.campaignId)
        .$if(f.windowIds !== null, (q) => q.where('window_id', 'in', ids(f.windowIds!)))
        .where('day', '>=', d.from)
        .where('day', '<=', d.to)
        .$if(f.channel !== undefined, (q) => q.where('channel', '=', f.channel!))
        .groupBy(['window_id', 'level'])
        .execute(),
    )
  }
  return out
}

/** Only the rated levels (1–5) of a window's counts. */
export function ratedLevels(counts: Record<number, number> | undefined): LevelCounts {
  const out: LevelCounts = {}
  for (const l of [1, 2, 3, 4, 5] as const) if (counts?.[l]) out[l] = counts[l]
  return out
}

/** Valid responses per local day, hour, channel and level: campaign-wide counters, or the windows' own. */
export async function hourlyCounts(db: Kysely<Database>, f: CounterFilter) {
  const rows =
    f.windowIds === null
      ? await db
          .selectFrom('agg_campaign_hours')
          .select(['day', 'hour', 'channel', 'level', 'n'])
          .where('campaign_id', '=', f.campaignId)
          .where('day', '>=', f.period.from)
          .where('day', '<=', f.period.to)
          .$if(f.channel !== undefined, (q) => q.where('channel', '=', f.channel!))
          .execute()
      : await db
          .selectFrom('agg_levels')
          .select(['day', 'hour', 'channel', 'level', (eb) => eb.fn.sum<number>('n').as('n')])
          .where('campaign_id', '=', f.campaignId)
          .where('window_id', 'in', ids(f.windowIds))
          .where('day', '>=', f.period.from)
          .where('day', '<=', f.period.to)
          .$if(f.channel !== undefined, (q) => q.where('channel', '=', f.channel!))
          .groupBy(['day', 'hour', 'channel', 'level'])
          .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Answer counts per questionnaire version, question and value (channels are not kept in these counters). */
export async function answerCounts(db: Kysely<Database>, f: Omit<CounterFilter, 'channel'>, questionKeys?: readonly string[]) {
  const rows =
    f.windowIds === null
      ? await db
          .selectFrom('agg_campaign_answers')
          .select(['questionnaire_version_id', 'question_key', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
          .where('campaign_id', '=', f.campaignId)
          .where('day', '>=', f.period.from)
          .where('day', '<=', f.period.to)
          .$if(questionKeys !== undefined, (q) => q.where('question_key', 'in', questionKeys!.length > 0 ? [...questionKeys!] : ['']))
          .groupBy(['questionnaire_version_id', 'question_key', 'value'])
          .execute()
      : await db
          .selectFrom('agg_answers')
          .select(['questionnaire_version_id', 'question_key', 'value', (eb) => eb.fn.sum<number>('n').as('n')])
          .where('campaign_id', '=', f.campaignId)
          .where('window_id', 'in', ids(f.windowIds))
          .where('day', '>=', f.period.from)
          .where('day', '<=', f.period.to)
          .$if(questionKeys !== undefined, (q) => q.where('question_key', 'in', questionKeys!.length > 0 ? [...questionKeys!] : ['']))
          .groupBy(['questionnaire_version_id', 'question_key', 'value'])
          .execute()
  return rows.map((r) => ({ versionId: r.questionnaire_version_id, key: r.question_key, value: r.value, n: Number(r.n) }))
}

/** Submitted supervisor visits per window over the months the period touches. */
export async function visitCounts(db: Kysely<Database>, campaignId: number, period: Period, hideUndercover: boolean, windowIds: readonly number[] | null) {
  const rows = await db
    .selectFrom('agg_visits')
    .select([
      'window_id',
      (eb) => eb.fn.sum<number>('visits').as('visits'),
      (eb) => eb.fn.sum<number>('score_sum').as('score_sum'),
      (eb) => eb.fn.sum<number>('score_n').as('score_n'),
      (eb) => eb.fn.sum<number>('inspection_sum').as('inspection_sum'),
      (eb) => eb.fn.sum<number>('inspection_n').as('inspection_n'),
      (eb) => eb.fn.sum<number>('vetoes').as('vetoes'),
    ])
    .where('campaign_id', '=', campaignId)
    .where('month', '>=', period.from.slice(0, 7))
    .where('month', '<=', period.to.slice(0, 7))
    .$if(hideUndercover, (q) => q.where('undercover', '=', 0))
    .$if(windowIds !== null, (q) => q.where('window_id', 'in', ids(windowIds!)))
    .groupBy('window_id')
    .execute()
  return new Map(
    rows.map((v) => [
      v.window_id,
      {
        visits: Number(v.visits),
        scoreSum: Number(v.score_sum),
        scoreN: Number(v.score_n),
        inspectionSum: Number(v.inspection_sum),
        inspectionN: Number(v.inspection_n),
        vetoes: Number(v.vetoes),
      },
    ]),
  )
}
export type VisitCounts = Awaited<ReturnType<typeof visitCounts>> extends Map<number, infer V> ? V : never

/** Every valid response of the campaign (any period, rated or not), for its windows or all: what counts towards the quota. */
export async function campaignTotal(db: Kysely<Database>, campaignId: number, windowIds: readonly number[] | null): Promise<number> {
  const row = await db
    .selectFrom('agg_window_months')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('campaign_id', '=', campaignId)
    .$if(windowIds !== null, (q) => q.where('window_id', 'in', ids(windowIds!)))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
