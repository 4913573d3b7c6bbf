import { describe, expect, it } from 'vitest'
import { openDatabase } from './connect'
import { migrateToLatest } from './migrate'
import { prepare } from './prepared'

describe('prepare', () => {
  it('gives the same SQL and parameters as building the query each time', async () => {
    const { db, close } = openDatabase(':memory:')
    await migrateToLatest(db)
    const build = (windowId: number, device: string, since: string) =>
      db.selectFrom('responses').select('id').where('window_id', '=', windowId).where('device_hash', '=', device).where('submitted_at', '>', since).where('status', '!=', 'rejected').limit(1)
    const prepared = prepare(build, 3)
    const direct = build(7, 'abc', '2026-11-20T00:00:00.000Z').compile()
    const reused = prepared.with(7, 'abc', '2026-11-20T00:00:00.000Z')
    expect(reused.sql).toBe(direct.sql)
    expect(reused.parameters).toEqual(direct.parameters)
    expect((await db.executeQuery(reused)).rows).toEqual([])
    await close()
  })

  it('refuses an argument that never becomes a parameter', async () => {
    const { db, close } = openDatabase(':memory:')
    expect(() => prepare((_unused: number) => db.selectFrom('users').select('id'), 1)).toThrow(/argument 0/)
    await close()
  })
})
