import type { CompiledQuery, Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SqliteConnection } from '../../db/connect'

/** What a write transaction runs: queries compiled by Kysely (built once, see db/prepared.ts), answering their rows. */
export interface WriteTx {
  rows<R>(query: CompiledQuery<R>): Promise<R[]> | R[]
}

/** Opens write transactions for the response writer. */
export interface WriteStore {
  transaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>
}

/** Through Kysely: any dialect (PostgreSQL, or SQLite in the server's own thread). */
export function kyselyWriteStore(db: Kysely<Database>): WriteStore {
  return {
    transaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          rows: async <R>(q: CompiledQuery<R>) => (await trx.executeQuery(q)).rows,
        }),
      ),
  }
}

/**
 * Straight to a SQLite connection that nothing else uses (the writer thread's): the same compiled queries, run
 * synchronously. Kysely's connection lock and promise chain cost more per statement than SQLite's own work on the
 * submit path, and a thread with one connection and one transaction at a time needs neither.
 */
export function sqliteWriteStore(sqlite: SqliteConnection): WriteStore {
  const tx: WriteTx = {
    rows<R>(q: CompiledQuery<R>): R[] {
      const statement = sqlite.prepare(q.sql)
      const parameters = q.parameters as unknown[]
      if (statement.reader) return statement.all(...parameters) as R[]
      statement.run(...parameters)
      return []
    },
  }
  return {
    async transaction(work) {
      sqlite.prepare('begin immediate').run()
      try {
        const out = await work(tx)
        sqlite.prepare('commit').run()
        return out
      } catch (e) {
        if (sqlite.inTransaction) sqlite.prepare('rollback').run()
        throw e
      }
    },
  }
}
