import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely } from 'kysely'
import type { Database } from './schema'
import { fifoSqliteDialect } from './sqlite-dialect'

// SQLite alone, without the PostgreSQL driver: the writer thread opens its connection here (see connect.ts for both).

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

export interface SqliteOptions {
  /**
   * Keep temporary files in memory. For a connection that runs only small writes (the response writer): a statement
   * that may fail halfway keeps a journal of the pages it changed, and past 64 KB SQLite spills it to a temporary file,
   * which each multi-row counter upsert did (three quarters of the bytes the writer wrote). Not for connections that
   * sort large results: their sorts would then grow in memory instead of on disk.
   */
  tempStoreInMemory?: boolean
}

/** Opens a SQLite database: `sqlite:<path>`, `file:<path>`, a path or `:memory:`. */
export function openSqlite(url: string, options: SqliteOptions = {}): DatabaseHandle {
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const sqlite = new SQLite(path)
  sqlite.pragma('journal_mode = WAL')
  // FULL: an acknowledged write survives power loss, which the response store promises citizens.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (options.tempStoreInMemory) sqlite.pragma('temp_store = MEMORY')
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
