import { withId, withTimestamps, type MigrationDb } from './helpers'

/** Appointed supervisors: roster, campaign forms and quotas, assignments, visits with photos, and their counters. */
export async function up(db: MigrationDb): Promise<void> {
  await withTimestamps(
    db.schema
      .createTable('supervisor_profiles')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text')
      .addColumn('phone', 'text')
      .addColumn('letter_no', 'text')
      .addColumn('term_start', 'text', (c) => c.notNull())
      .addColumn('term_end', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text'),
  ).execute()

  // Per campaign: the monthly visit quota per window (null: none).
  await db.schema
    .createTable('campaign_supervision')
    .addColumn('campaign_id', 'integer', (c) => c.primaryKey().notNull().references('campaigns.id'))
    .addColumn('visits_per_window_per_month', 'integer')
    .addColumn('undercover_per_window_per_month', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('campaign_forms')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id'))
    .addPrimaryKeyConstraint('campaign_forms_pk', ['campaign_id', 'questionnaire_id'])
    .execute()

  await withId(db, db.schema.createTable('supervisor_assignments'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('users.id'))
    /** The scope as picked (JSON: sectorIds, unitIds, windowIds); the windows it meant are in assignment_windows. */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('assignment_windows')
    .addColumn('assignment_id', 'integer', (c) => c.notNull().references('supervisor_assignments.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('window_id', 'integer', (c) => c.notNull().references('windows.id'))
    .addPrimaryKeyConstraint('assignment_windows_pk', ['assignment_id', 'window_id'])
    .execute()
  await db.schema.createIndex('assignment_windows_lookup_idx').on('assignment_windows').columns(['supervisor_id', 'campaign_id', 'window_id']).execute()

  await withTimestamps(
    withId(db, db.schema.createTable('visits'))
      .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
      .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('window_id', 'integer', (c) => c.notNull().references('windows.id'))
      .addColumn('questionnaire_version_id', 'integer', (c) => c.notNull().references('questionnaire_versions.id'))
      .addColumn('visit_type', 'text', (c) => c.notNull())
      .addColumn('visited_at', 'text', (c) => c.notNull())
      /** Local month of the visit (YYYY-MM): quotas are monthly. */
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('score', 'real')
      .addColumn('inspection_score', 'real')
      .addColumn('vetoed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('has_findings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('submitted_at', 'text')
      .addColumn('annulled_at', 'text')
      .addColumn('annulled_by', 'integer', (c) => c.references('users.id'))
      .addColumn('annul_reason', 'text'),
  ).execute()
  await db.schema.createIndex('visits_window_idx').on('visits').columns(['campaign_id', 'window_id']).execute()
  await db.schema.createIndex('visits_supervisor_idx').on('visits').columns(['supervisor_id', 'status']).execute()

  await withId(db, db.schema.createTable('visit_photos'))
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visits.id'))
    /** The stored file's name under UPLOAD_DIR (random; never the uploaded name). */
    .addColumn('file', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('visit_photos_visit_idx').on('visit_photos').column('visit_id').execute()

  // What the scoring reads: submitted, not annulled visits per window and month, undercover apart (a window's manager
  // must not learn of an undercover visit before the campaign ends, not even from a count).
  await db.schema
    .createTable('agg_visits')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('window_id', 'integer', (c) => c.notNull().references('windows.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('undercover', 'integer', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('score_sum', 'real', (c) => c.notNull())
    .addColumn('score_n', 'integer', (c) => c.notNull())
    .addColumn('inspection_sum', 'real', (c) => c.notNull())
    .addColumn('inspection_n', 'integer', (c) => c.notNull())
    .addColumn('vetoes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('agg_visits_pk', ['campaign_id', 'window_id', 'month', 'undercover'])
    .execute()
}
