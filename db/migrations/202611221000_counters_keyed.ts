import { sql } from 'kysely'
import { isPostgres, type MigrationDb } from './helpers'

/**
 * The counters the submit transaction writes, each kept in one B-tree: its key. Every citizen's response adds to five
 * of these tables, and on SQLite a table with a rowid keeps its primary key as a second B-tree beside the rows, so each
 * increment searched two and each new counter wrote two (agg_answers three, with its window-and-day index). On SQLite
 * the tables become WITHOUT ROWID tables (agg_window_months already was one); agg_answers' key now leads with the
 * window and the day, which is how dashboards read it, so its separate index goes. PostgreSQL gets the same key order.
 */

type Column = [name: string, type: 'integer' | 'text']
const COUNTERS: { table: string; columns: Column[]; key: string[] }[] = [
  {
    table: 'agg_levels',
    columns: [['campaign_id', 'integer'], ['window_id', 'integer'], ['day', 'text'], ['hour', 'integer'], ['channel', 'text'], ['level', 'integer'], ['n', 'integer']],
    key: ['campaign_id', 'window_id', 'day', 'hour', 'channel', 'level'],
  },
  {
    table: 'agg_staff',
    columns: [['campaign_id', 'integer'], ['staff_id', 'integer'], ['day', 'text'], ['level', 'integer'], ['n', 'integer']],
    key: ['campaign_id', 'staff_id', 'day', 'level'],
  },
  {
    table: 'agg_answers',
    columns: [
      ['campaign_id', 'integer'], ['window_id', 'integer'], ['questionnaire_version_id', 'integer'], ['question_key', 'text'], ['value', 'text'], ['day', 'text'],
      ['n', 'integer'],
    ],
    key: ['campaign_id', 'window_id', 'day', 'questionnaire_version_id', 'question_key', 'value'],
  },
  {
    table: 'agg_campaign_hours',
    columns: [['campaign_id', 'integer'], ['day', 'text'], ['hour', 'integer'], ['channel', 'text'], ['level', 'integer'], ['n', 'integer']],
    key: ['campaign_id', 'day', 'hour', 'channel', 'level'],
  },
  {
    table: 'agg_campaign_answers',
    columns: [['campaign_id', 'integer'], ['questionnaire_version_id', 'integer'], ['question_key', 'text'], ['value', 'text'], ['day', 'text'], ['n', 'integer']],
    key: ['campaign_id', 'day', 'questionnaire_version_id', 'question_key', 'value'],
  },
]

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.dropIndex('agg_answers_window_day_idx').execute()
  if (isPostgres(db)) {
    const answers = COUNTERS.find((c) => c.table === 'agg_answers')!
    await db.schema.alterTable('agg_answers').dropConstraint('agg_answers_pk').execute()
    await db.schema.alterTable('agg_answers').addPrimaryKeyConstraint('agg_answers_pk', answers.key as never).execute()
    return
  }
  for (const { table, columns, key } of COUNTERS) {
    const rekeyed = `${table}_rekeyed`
    let create = db.schema.createTable(rekeyed)
    for (const [name, type] of columns) create = create.addColumn(name, type, (c) => c.notNull())
    await create.addPrimaryKeyConstraint(`${table}_pk`, key as never).modifyEnd(sql`without rowid`).execute()
    const names = columns.map(([name]) => name)
    await db.insertInto(rekeyed).columns(names).expression(db.selectFrom(table).select(names)).execute()
    await db.schema.dropTable(table).execute()
    await db.schema.alterTable(rekeyed).renameTo(table).execute()
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
