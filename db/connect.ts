import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { openSqlite, type DatabaseHandle } from './connect-sqlite'
import type { Database } from './schema'

export type { DatabaseHandle, DialectName, SqliteConnection } from './connect-sqlite'

export const DEFAULT_DATABASE_URL = 'sqlite:./data/manyi.sqlite'

/** True when the URL selects PostgreSQL. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url)

/** Opens the database named by a URL: `postgres://…` for PostgreSQL, `sqlite:<path>`, `file:<path>`, a path or `:memory:` for SQLite. */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): DatabaseHandle {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url)
}

function openPostgres(url: string): DatabaseHandle {
  const parsed = new URL(url)
  const schema = parsed.searchParams.get('schema')
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name in DATABASE_URL: ${schema}`)
  parsed.searchParams.delete('schema')
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: Number(parsed.searchParams.get('pool_max') ?? 10),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client that loses its connection must not take the process down; the next query reconnects.
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}${schema ? ` (schema ${schema})` : ''}`
  return { db, dialect: 'postgres', describe: `PostgreSQL ${where}`, close: () => db.destroy() }
}

/** Runs a trivial query: true when the database answers. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
