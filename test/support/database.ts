import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateTo } from '../../db/migrate'

/**
 * A fresh, migrated database for one test file: in-memory SQLite by default, or a new schema in the PostgreSQL
 * named by MANYI_TEST_DB (dropped again by close()). `upTo`: migrated only up to this migration (a migration's test).
 */
export async function freshDatabase(upTo: string | null = null): Promise<DatabaseHandle> {
  const url = process.env.MANYI_TEST_DB
  if (!url) {
    const handle = openDatabase(':memory:')
    await migrateTo(handle.db, upTo)
    return handle
  }
  const schema = `manyi_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const sep = url.includes('?') ? '&' : '?'
  const handle = openDatabase(`${url}${sep}schema=${schema}`)
  await migrateTo(handle.db, upTo)
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: url })
      await cleanup.connect()
      await cleanup.query(`drop schema ${schema} cascade`)
      await cleanup.end()
    },
  }
}
