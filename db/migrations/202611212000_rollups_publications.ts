import { sql } from 'kysely'
import { isPostgres, withId, type MigrationDb } from './helpers'

/**
 * Coarser counters beside the fine ones, written in the same submit transaction, so that dashboards over a million
 * responses read thousands of rows, not a million: per window and local month (rankings), and per campaign with no
 * window (the unscoped overview's trend, heatmap, levels, channels and dimension scores). Backfilled from the fine
 * counters. Also: published results (immutable snapshots with their SHA-256) and whether a campaign may publish staff
 * names.
 */
export async function up(db: MigrationDb): Promise<void> {
  // Keyed in the order rankings group by (window, level), so summing months needs no sort; on SQLite the key is the
  // table (without rowid), so the counts are read from it directly.
  await db.schema
    .createTable('agg_window_months')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('window_id', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_window_months_pk', ['campaign_id', 'window_id', 'level', 'month'])
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute()
  await db.schema
    .createTable('agg_campaign_hours')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_campaign_hours_pk', ['campaign_id', 'day', 'hour', 'channel', 'level'])
    .execute()
  await db.schema
    .createTable('agg_campaign_answers')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('questionnaire_version_id', 'integer', (c) => c.notNull())
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_campaign_answers_pk', ['campaign_id', 'day', 'questionnaire_version_id', 'question_key', 'value'])
    .execute()
  await sql`insert into agg_window_months (campaign_id, window_id, month, level, n)
    select campaign_id, window_id, substr(day, 1, 7), level, sum(n) from agg_levels
    group by campaign_id, window_id, substr(day, 1, 7), level`.execute(db)
  await sql`insert into agg_campaign_hours (campaign_id, day, hour, channel, level, n)
    select campaign_id, day, hour, channel, level, sum(n) from agg_levels group by campaign_id, day, hour, channel, level`.execute(db)
  await sql`insert into agg_campaign_answers (campaign_id, questionnaire_version_id, question_key, value, day, n)
    select campaign_id, questionnaire_version_id, question_key, value, day, sum(n) from agg_answers
    group by campaign_id, questionnaire_version_id, question_key, value, day`.execute(db)
  // The window-filtered dashboards read the fine counters by window and day.
  await db.schema.createIndex('agg_answers_window_day_idx').on('agg_answers').columns(['campaign_id', 'window_id', 'day']).execute()
  // Exports walk one campaign's responses by id, a page at a time: without this the planner takes the campaign's
  // (window, time) index and sorts the whole campaign for every page.
  await db.schema.createIndex('responses_campaign_id_idx').on('responses').columns(['campaign_id', 'id']).execute()
  // Responses waiting for review or rejected, counted per period: the day in the index, so the count never reads rows.
  await db.schema.dropIndex('responses_status_idx').execute()
  await db.schema.createIndex('responses_status_idx').on('responses').columns(['status', 'campaign_id', 'day']).where(sql.ref('status'), '!=', 'valid').execute()
  // The newest 差评 comments: a backwards walk of one campaign's bad reviews.
  await db.schema.createIndex('responses_bad_idx').on('responses').columns(['campaign_id', 'overall_level', 'id']).where(sql.ref('status'), '=', 'valid').execute()

  await db.schema.alterTable('campaigns').addColumn('publish_staff_names', 'integer', (c) => c.notNull().defaultTo(0)).execute()

  await withId(db, db.schema.createTable('publications'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    /** The snapshot's canonical JSON text, exactly as hashed; never updated. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('overall_n', 'integer', (c) => c.notNull())
    .addColumn('overall_rate', 'real')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'integer', (c) => c.references('users.id'))
    .addColumn('withdraw_reason', 'text')
    .execute()
  await db.schema.createIndex('publications_campaign_idx').on('publications').columns(['campaign_id', 'period_from']).execute()
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only')
}
