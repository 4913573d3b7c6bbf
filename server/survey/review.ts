import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { maskPhone } from '../../shared/phone'
import type { ResponseStatus, ReviewItem } from '../../shared/schemas/review'
import type { Answers } from '../../shared/survey/answers'
import { toCount } from '../../db/convention'
import { AppError, notFound } from '../http/errors'
import { versionDefinition } from '../questionnaires/service'
import { AggregateBuffer, countedAnswers, writeAggregates } from './aggregates'

type Db = Kysely<Database>

export async function listForReview(db: Db, q: { status: ResponseStatus; campaignId?: number | undefined; limit: number; offset: number }) {
  let query = db
    .selectFrom('responses')
    .innerJoin('windows', 'windows.id', 'responses.window_id')
    .innerJoin('units', 'units.id', 'windows.unit_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .where('responses.status', '=', q.status)
  if (q.campaignId) query = query.where('responses.campaign_id', '=', q.campaignId)
  const { n } = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  const rows = await query
    .select([
      'responses.id',
      'responses.campaign_id',
      'campaigns.name as campaign_name',
      'responses.questionnaire_version_id',
      'responses.channel',
      'responses.status',
      'responses.flag_reasons',
      'responses.overall_level',
      'responses.answers',
      'responses.phone',
      'responses.duration_ms',
      'responses.submitted_at',
      'responses.review_reason',
      'windows.id as window_id',
      'windows.code',
      'windows.name',
      'units.name as unit_name',
    ])
    .orderBy('responses.submitted_at', 'desc')
    .orderBy('responses.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute()
  const items: ReviewItem[] = rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    questionnaireVersionId: r.questionnaire_version_id,
    window: { id: r.window_id, code: r.code, name: r.name, unitName: r.unit_name },
    channel: r.channel,
    status: r.status as ResponseStatus,
    flagReasons: r.flag_reasons ? r.flag_reasons.split(',') : [],
    overallLevel: r.overall_level,
    answers: JSON.parse(r.answers) as Record<string, unknown>,
    phone: maskPhone(r.phone),
    durationMs: r.duration_ms,
    submittedAt: r.submitted_at,
    reviewReason: r.review_reason,
  }))
  return { items, total: toCount(n) }
}

/**
 * An administrator's decision on a response: a flagged one becomes valid (and starts counting) or rejected (kept,
 * with the reason); a valid one may be rejected (and stops counting). Every decision is logged; nothing is deleted.
 */
export async function reviewResponse(db: Db, id: number, decision: 'valid' | 'rejected', reason: string | null, userId: number, now: Date) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('responses')
      .innerJoin('questionnaire_versions', 'questionnaire_versions.id', 'responses.questionnaire_version_id')
      .select([
        'responses.id',
        'responses.status',
        'responses.campaign_id',
        'responses.window_id',
        'responses.staff_id',
        'responses.questionnaire_version_id',
        'responses.day',
        'responses.hour',
        'responses.channel',
        'responses.overall_level',
        'responses.answers',
        'questionnaire_versions.definition',
      ])
      .where('responses.id', '=', id)
      .executeTakeFirst()
    if (!r) throw notFound()
    if (r.status === decision || r.status === 'rejected') throw new AppError(409, 'review_not_allowed')
    const updated = await trx
      .updateTable('responses')
      .set({ status: decision, reviewed_by: userId, reviewed_at: now.toISOString(), review_reason: reason })
      .where('id', '=', id)
      .where('status', '=', r.status)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'review_not_allowed')
    await trx.insertInto('response_reviews').values({ response_id: id, from_status: r.status, to_status: decision, reason, user_id: userId, at: now.toISOString() }).execute()
    const countedBefore = r.status === 'valid'
    const countedAfter = decision === 'valid'
    if (countedBefore !== countedAfter) {
      const buffer = new AggregateBuffer()
      buffer.add(
        {
          campaignId: r.campaign_id,
          windowId: r.window_id,
          staffId: r.staff_id,
          versionId: r.questionnaire_version_id,
          day: r.day,
          hour: r.hour,
          channel: r.channel,
          overallLevel: r.overall_level,
        },
        countedAnswers(versionDefinition(r.questionnaire_version_id, r.definition), JSON.parse(r.answers) as Answers),
        countedAfter ? 1 : -1,
      )
      await writeAggregates(trx, buffer)
    }
  })
}
