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

/** WAL frames between the writer's checkpoints: SQLite's own default for its automatic checkpoint. */
const CHECKPOINT_FRAMES = 1000

/**
 * Straight to a SQLite connection that nothing else uses (the writer thread's): the same compiled queries, run
 * synchronously. Kysely's connection lock and promise chain cost more per statement than SQLite's own work on the
 * submit path, and a thread with one connection and one transaction at a time needs neither.
 *
 * It also checkpoints the WAL itself. SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past
 * 1,000 frames, so every citizen of that batch would wait for it too (a thousand page writes and two fsyncs, the
 * slowest commits under load). Here the checkpoint runs on the next turn of the thread's event loop, once that batch
 * has been answered; it is upkeep, not durability (the WAL is already synced).
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
  sqlite.prepare('pragma wal_autocheckpoint = 0').all()
  /** Commits between checkpoints, adjusted after each so that the next finds about CHECKPOINT_FRAMES frames. */
  let every = 1
  let since = 0
  let scheduled = false
  const checkpoint = () => {
    scheduled = false
    try {
      const [result] = sqlite.prepare('pragma wal_checkpoint(PASSIVE)').all() as { log: number }[]
      if (result && result.log > 0) every = Math.min(1000, Math.max(1, Math.round((since * CHECKPOINT_FRAMES) / result.log)))
      since = 0
    } catch {
      // The connection closed meanwhile (the thread is stopping): nothing is lost, SQLite checkpoints as the last one closes.
    }
  }
  return {
    async transaction(work) {
      sqlite.prepare('begin immediate').run()
      try {
        const out = await work(tx)
        sqlite.prepare('commit').run()
        if (++since >= every && !scheduled) {
          scheduled = true
          setImmediate(checkpoint)
        }
        return out
      } catch (e) {
        if (sqlite.inTransaction) sqlite.prepare('rollback').run()
        throw e
      }
    },
  }
}
