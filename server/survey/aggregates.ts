import { sql, type Transaction, type Kysely } from 'kysely'
import { prepare } from '../../db/prepared'
import type { Database } from '../../db/schema'
import type { Answers } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import type { WriteTx } from './write-store'

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

/** Each counter table, the buffer's map that feeds it, and the columns that identify a counter. */
const COUNTERS = [
  { table: 'agg_levels', rows: (b: AggregateBuffer) => b.levels, keys: ['campaign_id', 'window_id', 'day', 'hour', 'channel', 'level'] },
  { table: 'agg_staff', rows: (b: AggregateBuffer) => b.staff, keys: ['campaign_id', 'staff_id', 'day', 'level'] },
  { table: 'agg_answers', rows: (b: AggregateBuffer) => b.answers, keys: ['campaign_id', 'window_id', 'day', 'questionnaire_version_id', 'question_key', 'value'] },
  { table: 'agg_window_months', rows: (b: AggregateBuffer) => b.windowMonths, keys: ['campaign_id', 'window_id', 'level', 'month'] },
  { table: 'agg_campaign_hours', rows: (b: AggregateBuffer) => b.campaignHours, keys: ['campaign_id', 'day', 'hour', 'channel', 'level'] },
  { table: 'agg_campaign_answers', rows: (b: AggregateBuffer) => b.campaignAnswers, keys: ['campaign_id', 'day', 'questionnaire_version_id', 'question_key', 'value'] },
] as const

/** Every counter table the buffer writes (the rebuild empties and refills exactly these). */
export const COUNTER_TABLES = COUNTERS.map((c) => c.table)

/** Rows per upsert statement: powers of two, so that a few statements, each compiled once, fit every batch. */
const CHUNK_SIZES = [128, 64, 32, 16, 8, 4, 2, 1]

type Counter = (typeof COUNTERS)[number]
type Upsert = ReturnType<typeof prepare<unknown[], unknown>>

/**
 * Writes the increments a buffer gathered: one upsert per counter row (n added to n), in statements of up to 128 rows.
 * The statements are compiled once per table and size and kept.
 */
export class CounterWriter {
  private readonly compiled = new Map<string, Upsert>()

  constructor(private readonly db: Kysely<Database> | Transaction<Database>) {}

  async write(tx: Pick<WriteTx, 'rows'>, buffer: AggregateBuffer) {
    for (const counter of COUNTERS) {
      const rows = [...(counter.rows(buffer) as Map<string, Record<string, unknown> & { n: number }>).values()].filter((r) => r.n !== 0)
      const columns = [...counter.keys, 'n']
      let at = 0
      while (at < rows.length) {
        const size = CHUNK_SIZES.find((n) => n <= rows.length - at)!
        const values: unknown[] = []
        for (const row of rows.slice(at, at + size)) for (const column of columns) values.push(row[column])
        await tx.rows(this.upsert(counter, size).with(...values))
        at += size
      }
    }
  }

  private upsert(counter: Counter, size: number): Upsert {
    const key = `${counter.table}:${size}`
    let upsert = this.compiled.get(key)
    if (!upsert) {
      const columns = [...counter.keys, 'n']
      upsert = prepare(
        (...args: unknown[]) =>
          this.db
            .insertInto(counter.table)
            .values(Array.from({ length: size }, (_, r) => Object.fromEntries(columns.map((c, i) => [c, args[r * columns.length + i]]))) as never)
            // One builder for six tables: the conflict columns are the table's key, and every counter adds n to n.
            .onConflict((oc) => oc.columns([...counter.keys] as never).doUpdateSet({ n: sql<number>`${sql.ref(`${counter.table}.n`)} + ${sql.ref('excluded.n')}` })),
        size * columns.length,
      )
      this.compiled.set(key, upsert)
    }
    return upsert
  }
}

/** Writes the gathered increments through Kysely (reviews, the rebuild). */
export async function writeAggregates(db: Transaction<Database> | Kysely<Database>, buffer: AggregateBuffer) {
  await new CounterWriter(db).write({ rows: async (q) => (await db.executeQuery(q)).rows }, buffer)
}
