import { Migrator, type Kysely } from 'kysely'
import { migrations } from './migrations/index'
import type { Database } from './schema'

/** Brings the schema up to date; throws with the failing migration's name. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return migrateTo(db, null)
}

/** Brings the schema up to the named migration (null: the latest), as migrateToLatest does. */
export async function migrateTo(db: Kysely<Database>, name: string | null): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
  const { error, results } = name === null ? await migrator.migrateToLatest() : await migrator.migrateTo(name)
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
