import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { fifoSqliteDialect } from './sqlite-dialect'

export type DialectName = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: DialectName
  /** Where the data lives, without credentials (for the console). */
  describe: string
  /** A SQLite database file (not `:memory:`), which a second connection, e.g. another thread, can open too. */
  sqliteFile?: string
  /** The SQLite connection under Kysely, for a thread that owns it alone (the response writer). */
  sqlite?: SqliteConnection
  close(): Promise<void>
}

/** A SQLite connection whose prepared statements are kept (see withStatementCache). */
export interface SqliteConnection {
  prepare(sql: string): SQLite.Statement
  readonly inTransaction: boolean
  close(): void
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/manyi.sqlite'

/** True when the URL selects PostgreSQL. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url)

/** Opens the database named by a URL: `postgres://…` for PostgreSQL, `sqlite:<path>`, `file:<path>`, a path or `:memory:` for SQLite. */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): DatabaseHandle {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url)
}

function openSqlite(url: string): DatabaseHandle {
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  // FULL: an acknowledged write survives power loss, which the response store promises citizens.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const connection = withStatementCache(sqlite)
  const db = new Kysely<Database>({ dialect: fifoSqliteDialect({ database: connection }) })
  return { db, dialect: 'sqlite', describe: `SQLite ${path}`, ...(path === ':memory:' ? {} : { sqliteFile: resolve(path) }), sqlite: connection, close: () => db.destroy() }
}

/**
 * Kysely prepares every query anew; preparing is a good part of a small query's cost in better-sqlite3, and the hot
 * paths repeat the same SQL, so prepared statements are kept (the most recent 500).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteConnection {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    get inTransaction() {
      return sqlite.inTransaction
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (statement) {
        cache.delete(sql) // re-inserted below: most recent last
      } else {
        statement = sqlite.prepare(sql)
        if (cache.size >= 500) cache.delete(cache.keys().next().value!)
      }
      cache.set(sql, statement)
      return statement
    },
  }
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
