import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely'

// Migrations receive Kysely<any>: they describe the schema as it was then, not the current Database type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>

export const isPostgres = (db: MigrationDb) => db.getExecutor().adapter instanceof PostgresAdapter

/** An integer identity primary key, spelled for each dialect. */
export function withId<T extends string>(db: MigrationDb, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement().notNull())
}

/** created_at / updated_at as ISO-8601 UTC text. */
export function withTimestamps<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull())
}
