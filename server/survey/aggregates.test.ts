import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { AggregateBuffer, CounterWriter } from './aggregates'
import { kyselyWriteStore, sqliteWriteStore } from './write-store'

let handle: DatabaseHandle | undefined
afterEach(() => handle?.close())

/** 203 responses at 203 windows: more rows than one statement takes (128 + 64 + 8 + 2 + 1). */
function busyHour() {
  const buffer = new AggregateBuffer()
  for (let w = 1; w <= 203; w++) {
    buffer.add({ campaignId: 1, windowId: w, staffId: w % 2 ? w : null, versionId: 1, day: '2026-11-21', hour: 10, channel: 'qr', overallLevel: 1 + (w % 5) }, [
      ['overall', String(1 + (w % 5))],
      ['comment', 'text'],
    ])
  }
  return buffer
}

describe.each([
  ['through Kysely', (h: DatabaseHandle) => kyselyWriteStore(h.db)],
  ['straight to SQLite (the writer thread)', (h: DatabaseHandle) => sqliteWriteStore(h.sqlite!)],
])('counters written %s', (_, storeFor) => {
  it('adds every row of a large batch, and adds again on the next', async () => {
    handle = openDatabase(':memory:')
    await migrateToLatest(handle.db)
    const store = storeFor(handle)
    const counters = new CounterWriter(handle.db)
    await store.transaction((tx) => counters.write(tx, busyHour()))
    await store.transaction((tx) => counters.write(tx, busyHour()))

    const levels = await handle.db.selectFrom('agg_levels').select(['window_id', 'level', 'n']).orderBy('window_id').execute()
    expect(levels).toHaveLength(203)
    expect(levels.every((r) => r.n === 2)).toBe(true)
    expect(levels[41]).toEqual({ window_id: 42, level: 3, n: 2 })
    const months = await handle.db.selectFrom('agg_window_months').select((eb) => eb.fn.sum<number>('n').as('n')).executeTakeFirstOrThrow()
    expect(Number(months.n)).toBe(406)
    const staff = await handle.db.selectFrom('agg_staff').select((eb) => eb.fn.countAll().as('rows')).executeTakeFirstOrThrow()
    expect(Number(staff.rows)).toBe(102)
    // Campaign-wide counters: one row per level for the hour, summed over the windows.
    const hours = await handle.db.selectFrom('agg_campaign_hours').select(['level', 'n']).orderBy('level').execute()
    expect(hours.map((r) => r.n)).toEqual([80, 82, 82, 82, 80])
    const comments = await handle.db.selectFrom('agg_campaign_answers').select('n').where('question_key', '=', 'comment').executeTakeFirstOrThrow()
    expect(comments.n).toBe(406)
  })

  it('leaves nothing behind when the transaction fails', async () => {
    handle = openDatabase(':memory:')
    await migrateToLatest(handle.db)
    const store = storeFor(handle)
    const counters = new CounterWriter(handle.db)
    await expect(
      store.transaction(async (tx) => {
        await counters.write(tx, busyHour())
        throw new Error('a job failed after the counters')
      }),
    ).rejects.toThrow('a job failed')
    const { n } = await handle.db.selectFrom('agg_levels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(0)
    // and the connection is usable again
    await store.transaction((tx) => counters.write(tx, busyHour()))
    const after = await handle.db.selectFrom('agg_levels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(203)
  })
})
