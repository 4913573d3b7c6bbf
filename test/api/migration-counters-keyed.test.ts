import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../db/migrate'
import { AggregateBuffer, writeAggregates } from '../../server/survey/aggregates'
import { freshDatabase } from '../support/database'

// The counters' re-keying (202611221000_counters_keyed) on a database that already holds counts: nothing lost, and
// the submit path's increments still land on the same counters.
describe('migration 202611221000_counters_keyed', async () => {
  const handle = await freshDatabase('202611212000_rollups_publications')
  const db = handle.db
  afterAll(() => handle.close())

  it('keeps every counter and adds later increments to the same ones', async () => {
    await db.insertInto('agg_levels').values([
      { campaign_id: 1, window_id: 7, day: '2026-11-20', hour: 9, channel: 'qr', level: 5, n: 12 },
      { campaign_id: 1, window_id: 8, day: '2026-11-20', hour: 10, channel: 'kiosk', level: 2, n: 3 },
    ]).execute()
    await db.insertInto('agg_staff').values({ campaign_id: 1, staff_id: 4, day: '2026-11-20', level: 5, n: 6 }).execute()
    await db.insertInto('agg_answers').values([
      { campaign_id: 1, window_id: 7, questionnaire_version_id: 3, question_key: 'overall', value: '5', day: '2026-11-20', n: 12 },
      { campaign_id: 1, window_id: 7, questionnaire_version_id: 3, question_key: 'comment', value: 'text', day: '2026-11-19', n: 2 },
    ]).execute()
    await db.insertInto('agg_campaign_hours').values({ campaign_id: 1, day: '2026-11-20', hour: 9, channel: 'qr', level: 5, n: 12 }).execute()
    await db.insertInto('agg_campaign_answers').values({ campaign_id: 1, questionnaire_version_id: 3, question_key: 'overall', value: '5', day: '2026-11-20', n: 12 }).execute()
    const before = await snapshot()

    await migrateToLatest(db)
    expect(await snapshot()).toEqual(before)

    // One more 非常满意 at window 7 on the same day and hour, through the submit path's counter writer.
    const buffer = new AggregateBuffer()
    const response = { campaignId: 1, windowId: 7, staffId: 4, versionId: 3, day: '2026-11-20', hour: 9, channel: 'qr', overallLevel: 5 }
    buffer.add(response, [['overall', '5']])
    await writeAggregates(db, buffer)
    const after = await snapshot()
    expect(after.agg_levels).toContainEqual({ campaign_id: 1, window_id: 7, day: '2026-11-20', hour: 9, channel: 'qr', level: 5, n: 13 })
    expect(after.agg_levels).toHaveLength(2)
    expect(after.agg_staff).toEqual([{ campaign_id: 1, staff_id: 4, day: '2026-11-20', level: 5, n: 7 }])
    expect(after.agg_answers).toContainEqual({ campaign_id: 1, window_id: 7, questionnaire_version_id: 3, question_key: 'overall', value: '5', day: '2026-11-20', n: 13 })
    expect(after.agg_answers).toHaveLength(2)
    expect(after.agg_campaign_hours).toEqual([{ campaign_id: 1, day: '2026-11-20', hour: 9, channel: 'qr', level: 5, n: 13 }])
    expect(after.agg_campaign_answers).toEqual([{ campaign_id: 1, questionnaire_version_id: 3, question_key: 'overall', value: '5', day: '2026-11-20', n: 13 }])
  })

  it.runIf(handle.dialect === 'sqlite')('keeps each SQLite counter table in one B-tree (WITHOUT ROWID, no second index)', async () => {
    const { rows } = await sql<{ name: string; wr: number }>`select name, wr from pragma_table_list where name like 'agg_%'`.execute(db)
    const counters = ['agg_levels', 'agg_staff', 'agg_answers', 'agg_window_months', 'agg_campaign_hours', 'agg_campaign_answers']
    expect(rows.filter((r) => counters.includes(r.name)).map((r) => [r.name, r.wr]).sort()).toEqual(counters.map((name) => [name, 1]).sort())
    const indexes = await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name in (${sql.join(counters)})`.execute(db)
    expect(indexes.rows).toEqual([])
  })

  async function snapshot() {
    const all = (table: 'agg_levels' | 'agg_staff' | 'agg_answers' | 'agg_campaign_hours' | 'agg_campaign_answers') =>
      db.selectFrom(table).selectAll().execute().then((rows) => rows.map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))))
    return {
      agg_levels: await all('agg_levels'),
      agg_staff: await all('agg_staff'),
      agg_answers: await all('agg_answers'),
      agg_campaign_hours: await all('agg_campaign_hours'),
      agg_campaign_answers: await all('agg_campaign_answers'),
    }
  }
})
