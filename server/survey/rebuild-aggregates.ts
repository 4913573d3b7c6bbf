import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Answers } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import { versionDefinition } from '../questionnaires/service'
import { AggregateBuffer, COUNTER_TABLES, countedAnswers, writeAggregates } from './aggregates'

const PAGE = 2000

/**
 * Recomputes the response counters (COUNTER_TABLES) from the raw responses: only valid ones count,
 * as at submit time and after reviews. One transaction: readers see the old counters or the new ones, never a mix.
 * The responses are read a page at a time, so memory stays flat however many there are.
 */
export async function rebuildAggregates(db: Kysely<Database>): Promise<{ responses: number }> {
  return db.transaction().execute(async (trx) => {
    for (const table of COUNTER_TABLES) await trx.deleteFrom(table).execute()
    const definitions = new Map<number, Definition>()
    let after = 0
    let responses = 0
    for (;;) {
      const rows = await trx
        .selectFrom('responses')
        .select(['id', 'campaign_id', 'window_id', 'staff_id', 'questionnaire_version_id', 'day', 'hour', 'channel', 'overall_level', 'answers'])
        .where('status', '=', 'valid')
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute()
      if (rows.length === 0) break
      const missing = [...new Set(rows.map((r) => r.questionnaire_version_id))].filter((id) => !definitions.has(id))
      if (missing.length > 0) {
        for (const v of await trx.selectFrom('questionnaire_versions').select(['id', 'definition']).where('id', 'in', missing).execute()) definitions.set(v.id, versionDefinition(v.id, v.definition))
      }
      const buffer = new AggregateBuffer()
      for (const r of rows) {
        const response = { campaignId: r.campaign_id, windowId: r.window_id, staffId: r.staff_id, versionId: r.questionnaire_version_id, day: r.day, hour: r.hour, channel: r.channel, overallLevel: r.overall_level }
        buffer.add(response, countedAnswers(definitions.get(r.questionnaire_version_id)!, JSON.parse(r.answers) as Answers))
      }
      await writeAggregates(trx, buffer)
      responses += rows.length
      after = rows[rows.length - 1]!.id
    }
    return { responses }
  })
}
