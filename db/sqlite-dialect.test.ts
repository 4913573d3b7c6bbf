import { describe, expect, it } from 'vitest'
import SQLite from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { FifoMutex, fifoSqliteDialect } from './sqlite-dialect'

describe('FifoMutex', () => {
  it('hands the lock to waiters in arrival order, one at a time', async () => {
    const mutex = new FifoMutex()
    const order: number[] = []
    let inside = 0
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await mutex.lock()
        inside++
        expect(inside).toBe(1)
        order.push(i)
        await new Promise((r) => setTimeout(r, 0))
        inside--
        mutex.unlock()
      }),
    )
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})

describe('SqliteCompiler', () => {
  const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: fifoSqliteDialect({ database: new SQLite(':memory:') }) })

  it('writes integer limits and offsets into the SQL and still answers the same rows', async () => {
    await sql`create table t (id integer primary key, name text not null)`.execute(db)
    await db.insertInto('t').values(Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `n${i + 1}` }))).execute()
    const query = db.selectFrom('t').select('id').where('name', '!=', 'n1').orderBy('id').limit(3).offset(2)
    const compiled = query.compile()
    expect(compiled.sql).toMatch(/limit 3 offset 2$/)
    expect(compiled.parameters).toEqual(['n1'])
    expect((await query.execute()).map((r) => r.id)).toEqual([4, 5, 6])
  })

  it('binds a limit that is not a plain integer, as Kysely does', () => {
    const compiled = db.selectFrom('t').select('id').limit(sql<number>`${'2'}`).compile()
    expect(compiled.sql).toMatch(/limit \?$/)
    expect(compiled.parameters).toEqual(['2'])
  })
})
