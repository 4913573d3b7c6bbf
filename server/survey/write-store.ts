import type { CompiledQuery, Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SqliteConnection } from '../../db/connect'

/** What a write transaction runs: queries compiled by Kysely (built once, see db/prepared.ts), answering their rows. */
export interface WriteTx {
  rows<R>(query: CompiledQuery<R>): Promise<R[]> | R[]
  /**
   * Runs a one-row INSERT and answers the new row's id. The insert comes in two forms, with and without `returning
   * "id"`, each compiled only if used: PostgreSQL tells the id only through RETURNING, while on SQLite RETURNING costs as
   * much as the insert itself and the last inserted rowid costs nothing.
   */
  insertId(insert: { plain: () => CompiledQuery; returningId: () => CompiledQuery<{ id: number }> }): Promise<number> | number
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
          insertId: async ({ returningId }) => (await trx.executeQuery(returningId())).rows[0]!.id,
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
    insertId({ plain }) {
      const q = plain()
      return Number(sqlite.prepare(q.sql).run(...(q.parameters as unknown[])).lastInsertRowid)
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
