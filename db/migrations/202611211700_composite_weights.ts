import type { MigrationDb } from './helpers'

/** Per-campaign weights of the composite score (综合得分): citizens, supervisors, inspections; they sum to 100. */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('weight_citizen', 'real', (c) => c.notNull().defaultTo(70)).execute()
  await db.schema.alterTable('campaigns').addColumn('weight_supervisor', 'real', (c) => c.notNull().defaultTo(30)).execute()
  await db.schema.alterTable('campaigns').addColumn('weight_inspection', 'real', (c) => c.notNull().defaultTo(0)).execute()
}
