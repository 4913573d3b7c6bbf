import type { Transaction, Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Answers } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'

/** The aggregate counters one response adds to (or, with sign -1, takes from). */
export interface CountedResponse {
  campaignId: number
  windowId: number
  staffId: number | null
  versionId: number
  day: string
  hour: number
  channel: string
  overallLevel: number | null
}

/** The (question, value) pairs a response adds to the answer counters: each choice of a multiple choice, "text" for a
 * comment, never a phone number. */
export function countedAnswers(definition: Definition, answers: Answers): [string, string][] {
  const out: [string, string][] = []
  for (const q of definition.questions) {
    const value = answers[q.key]
    if (value === undefined || q.format === 'phone') continue
    if (q.type === 'text') out.push([q.key, 'text'])
    else if (Array.isArray(value)) for (const v of value) out.push([q.key, v])
    else out.push([q.key, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)])
  }
  return out
}

/** Increments gathered over a transaction, keyed so that each counter is written once per commit. */
export class AggregateBuffer {
  readonly levels = new Map<string, { campaign_id: number; window_id: number; day: string; hour: number; channel: string; level: number; n: number }>()
  readonly staff = new Map<string, { campaign_id: number; staff_id: number; day: string; level: number; n: number }>()
  readonly answers = new Map<string, { campaign_id: number; window_id: number; questionnaire_version_id: number; question_key: string; value: string; day: string; n: number }>()
  readonly windowMonths = new Map<string, { campaign_id: number; window_id: number; month: string; level: number; n: number }>()
  readonly campaignHours = new Map<string, { campaign_id: number; day: string; hour: number; channel: string; level: number; n: number }>()
  readonly campaignAnswers = new Map<string, { campaign_id: number; questionnaire_version_id: number; question_key: string; value: string; day: string; n: number }>()

  /** Counts a response (`counted` from countedAnswers), or with sign -1 takes it back out. */
  add(r: CountedResponse, counted: readonly (readonly [string, string])[], sign: 1 | -1 = 1) {
    const level = r.overallLevel ?? 0
    bump(this.levels, [r.campaignId, r.windowId, r.day, r.hour, r.channel, level], () => ({ campaign_id: r.campaignId, window_id: r.windowId, day: r.day, hour: r.hour, channel: r.channel, level, n: 0 }), sign)
    const month = r.day.slice(0, 7)
    bump(this.windowMonths, [r.campaignId, r.windowId, month, level], () => ({ campaign_id: r.campaignId, window_id: r.windowId, month, level, n: 0 }), sign)
    bump(this.campaignHours, [r.campaignId, r.day, r.hour, r.channel, level], () => ({ campaign_id: r.campaignId, day: r.day, hour: r.hour, channel: r.channel, level, n: 0 }), sign)
    if (r.staffId !== null) {
      bump(this.staff, [r.campaignId, r.staffId, r.day, level], () => ({ campaign_id: r.campaignId, staff_id: r.staffId!, day: r.day, level, n: 0 }), sign)
    }
    for (const [key, value] of counted) {
      bump(
        this.answers,
        [r.campaignId, r.windowId, r.versionId, key, value, r.day],
        () => ({ campaign_id: r.campaignId, window_id: r.windowId, questionnaire_version_id: r.versionId, question_key: key, value, day: r.day, n: 0 }),
        sign,
      )
      bump(
        this.campaignAnswers,
        [r.campaignId, r.versionId, key, value, r.day],
        () => ({ campaign_id: r.campaignId, questionnaire_version_id: r.versionId, question_key: key, value, day: r.day, n: 0 }),
        sign,
      )
    }
  }

  get empty() {
    return this.levels.size === 0 && this.staff.size === 0 && this.answers.size === 0
  }
}

function bump<T extends { n: number }>(map: Map<string, T>, key: (string | number)[], make: () => T, sign: 1 | -1) {
  const k = key.join('\u0000')
  let row = map.get(k)
  if (!row) {
    row = make()
    map.set(k, row)
  }
  row.n += sign
}

/** Every counter table the buffer writes (the rebuild empties and refills exactly these). */
export const COUNTER_TABLES = ['agg_levels', 'agg_staff', 'agg_answers', 'agg_window_months', 'agg_campaign_hours', 'agg_campaign_answers'] as const

/** Writes the gathered increments: one upsert per counter. */
export async function writeAggregates(trx: Transaction<Database> | Kysely<Database>, buffer: AggregateBuffer) {
  const chunks = <T>(rows: T[], size = 200) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size))
  for (const rows of chunks([...buffer.levels.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_levels')
      .values(rows)
      .onConflict((oc) => oc.columns(['campaign_id', 'window_id', 'day', 'hour', 'channel', 'level']).doUpdateSet((eb) => ({ n: eb('agg_levels.n', '+', eb.ref('excluded.n')) })))
      .execute()
  }
  for (const rows of chunks([...buffer.staff.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_staff')
      .values(rows)
      .onConflict((oc) => oc.columns(['campaign_id', 'staff_id', 'day', 'level']).doUpdateSet((eb) => ({ n: eb('agg_staff.n', '+', eb.ref('excluded.n')) })))
      .execute()
  }
  for (const rows of chunks([...buffer.answers.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_answers')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'window_id', 'questionnaire_version_id', 'question_key', 'value', 'day']).doUpdateSet((eb) => ({ n: eb('agg_answers.n', '+', eb.ref('excluded.n')) })),
      )
      .execute()
  }
  for (const rows of chunks([...buffer.windowMonths.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_window_months')
      .values(rows)
      .onConflict((oc) => oc.columns(['campaign_id', 'window_id', 'level', 'month']).doUpdateSet((eb) => ({ n: eb('agg_window_months.n', '+', eb.ref('excluded.n')) })))
      .execute()
  }
  for (const rows of chunks([...buffer.campaignHours.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_campaign_hours')
      .values(rows)
      .onConflict((oc) => oc.columns(['campaign_id', 'day', 'hour', 'channel', 'level']).doUpdateSet((eb) => ({ n: eb('agg_campaign_hours.n', '+', eb.ref('excluded.n')) })))
      .execute()
  }
  for (const rows of chunks([...buffer.campaignAnswers.values()].filter((r) => r.n !== 0))) {
    await trx
      .insertInto('agg_campaign_answers')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'day', 'questionnaire_version_id', 'question_key', 'value']).doUpdateSet((eb) => ({ n: eb('agg_campaign_answers.n', '+', eb.ref('excluded.n')) })),
      )
      .execute()
  }
}
