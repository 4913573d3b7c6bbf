import type { Kysely, Transaction } from 'kysely'
import { isSet, toCount } from '../../db/convention'
import type { Database } from '../../db/schema'
import type { Visit, VisitBody, VisitType } from '../../shared/schemas/supervision'
import { checkAnswers, type Answers } from '../../shared/survey/answers'
import { appraisalScore, inspectionResult } from '../../shared/survey/appraisal'
import { localDayHour } from '../../shared/time'
import { inScope, loadScope, requireActor, type Actor, type Scope } from '../access/policy'
import { AppError, forbidden, notFound } from '../http/errors'
import { versionDefinition } from '../questionnaires/service'
import { isAssigned, localMonth } from './assignments'
import { deletePhotoFile, photoUrl } from './photos'
import { requireInTerm } from './roster'
import { hidesUndercover } from './undercover'

type Db = Kysely<Database>

const selectVisits = (db: Db | Transaction<Database>) =>
  db
    .selectFrom('visits as v')
    .innerJoin('campaigns as c', 'c.id', 'v.campaign_id')
    .innerJoin('users as s', 's.id', 'v.supervisor_id')
    .innerJoin('supervisor_profiles as p', 'p.user_id', 'v.supervisor_id')
    .innerJoin('windows as w', 'w.id', 'v.window_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .innerJoin('questionnaire_versions as qv', 'qv.id', 'v.questionnaire_version_id')
    .select([
      'v.id',
      'v.campaign_id',
      'c.name as campaign_name',
      'c.ends_on',
      'v.supervisor_id',
      's.display_name as supervisor_name',
      'p.kind as supervisor_kind',
      'v.window_id',
      'w.name as window_name',
      'w.code as window_code',
      'w.unit_id',
      'u.name as unit_name',
      'qv.questionnaire_id',
      'v.questionnaire_version_id',
      'qv.definition',
      'v.visit_type',
      'v.visited_at',
      'v.answers',
      'v.notes',
      'v.status',
      'v.score',
      'v.inspection_score',
      'v.vetoed',
      'v.submitted_at',
      'v.annulled_at',
      'v.annul_reason',
      'v.created_at',
      'v.updated_at',
    ])

type Row = Awaited<ReturnType<ReturnType<typeof selectVisits>['executeTakeFirstOrThrow']>>

async function toVisits(db: Db, rows: Row[]): Promise<Visit[]> {
  if (rows.length === 0) return []
  const photos = await db
    .selectFrom('visit_photos')
    .select(['id', 'visit_id', 'bytes', 'mime'])
    .where(
      'visit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute()
  return rows.map((r) => {
    const answers = JSON.parse(r.answers) as Answers
    const definition = versionDefinition(r.questionnaire_version_id, r.definition)
    return {
      id: r.id,
      campaignId: r.campaign_id,
      campaignName: r.campaign_name,
      supervisorId: r.supervisor_id,
      supervisorName: r.supervisor_name,
      supervisorKind: r.supervisor_kind,
      windowId: r.window_id,
      windowName: r.window_name,
      windowCode: r.window_code,
      unitName: r.unit_name,
      questionnaireId: r.questionnaire_id,
      versionId: r.questionnaire_version_id,
      definition,
      type: r.visit_type as VisitType,
      visitedAt: r.visited_at,
      answers,
      notes: r.notes,
      status: r.status as Visit['status'],
      score: r.score === null ? null : Number(r.score),
      inspectionScore: r.inspection_score === null ? null : Number(r.inspection_score),
      vetoed: isSet(r.vetoed),
      findings: inspectionResult(definition, answers).failed,
      photos: photos.filter((p) => p.visit_id === r.id).map((p) => ({ id: p.id, url: photoUrl(p.id), bytes: p.bytes, mime: p.mime })),
      submittedAt: r.submitted_at,
      annulledAt: r.annulled_at,
      annulReason: r.annul_reason,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }
  })
}

const oneVisit = async (db: Db, id: number) => {
  const row = await selectVisits(db).where('v.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

export async function getVisit(db: Db, id: number): Promise<Visit> {
  return (await toVisits(db, [await oneVisit(db, id)]))[0]!
}

/** Checks what a draft may say: an assigned window, a form of the campaign, a time inside the campaign and not ahead. */
async function checkDraft(db: Db, supervisorId: number, body: VisitBody, now: Date, timeZone: string) {
  await requireInTerm(db, supervisorId, now, timeZone)
  const campaign = await db.selectFrom('campaigns').select(['id', 'starts_on', 'ends_on', 'status']).where('id', '=', body.campaignId).executeTakeFirst()
  if (!campaign || campaign.status === 'draft') throw notFound()
  if (!(await isAssigned(db, supervisorId, campaign.id, body.windowId))) throw new AppError(403, 'visit_window_not_assigned')
  const form = await db
    .selectFrom('campaign_forms')
    .innerJoin('questionnaire_versions as qv', 'qv.questionnaire_id', 'campaign_forms.questionnaire_id')
    .select(['qv.id', 'qv.definition'])
    .where('campaign_forms.campaign_id', '=', campaign.id)
    .where('campaign_forms.questionnaire_id', '=', body.questionnaireId)
    .where('qv.status', '=', 'published')
    .orderBy('qv.version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!form) throw new AppError(409, 'visit_form_not_in_campaign')
  const at = new Date(body.visitedAt)
  if (at.getTime() > now.getTime() + 60_000) throw new AppError(400, 'visit_time_future')
  const day = localDayHour(at, timeZone).day
  if (day < campaign.starts_on) throw new AppError(400, 'visit_time_before_campaign')
  if (day > campaign.ends_on) throw new AppError(400, 'visit_time_after_campaign')
  return { versionId: form.id, definition: versionDefinition(form.id, form.definition), at }
}

/** A supervisor's own draft, or 404 (someone else's) / 409 (already submitted). */
export async function ownDraft(db: Db, supervisorId: number, id: number) {
  const visit = await db.selectFrom('visits').select(['id', 'supervisor_id', 'status']).where('id', '=', id).executeTakeFirst()
  if (!visit || visit.supervisor_id !== supervisorId) throw notFound()
  if (visit.status !== 'draft') throw new AppError(409, 'visit_not_draft')
  return visit
}

const columns = (body: VisitBody, checked: Awaited<ReturnType<typeof checkDraft>>, timeZone: string) => ({
  campaign_id: body.campaignId,
  window_id: body.windowId,
  questionnaire_version_id: checked.versionId,
  visit_type: body.type,
  visited_at: checked.at.toISOString(),
  month: localMonth(checked.at, timeZone),
  answers: JSON.stringify(body.answers),
  notes: body.notes,
})

export async function createVisit(db: Db, supervisorId: number, body: VisitBody, now: Date, timeZone: string): Promise<Visit> {
  const checked = await checkDraft(db, supervisorId, body, now, timeZone)
  const at = now.toISOString()
  const { id } = await db
    .insertInto('visits')
    .values({ ...columns(body, checked, timeZone), supervisor_id: supervisorId, status: 'draft', score: null, inspection_score: null, vetoed: 0, has_findings: 0, submitted_at: null, annulled_at: null, annulled_by: null, annul_reason: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return getVisit(db, id)
}

export async function updateVisit(db: Db, supervisorId: number, id: number, body: VisitBody, now: Date, timeZone: string): Promise<Visit> {
  await ownDraft(db, supervisorId, id)
  const checked = await checkDraft(db, supervisorId, body, now, timeZone)
  await db.updateTable('visits').set({ ...columns(body, checked, timeZone), updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'draft').execute()
  return getVisit(db, id)
}

/** Submits a draft: answers checked in full against the form, scores worked out, counters moved; read-only after. */
export async function submitVisit(db: Db, supervisorId: number, id: number, now: Date, timeZone: string): Promise<Visit> {
  await ownDraft(db, supervisorId, id)
  const row = await oneVisit(db, id)
  const body: VisitBody = {
    campaignId: row.campaign_id,
    windowId: row.window_id,
    questionnaireId: row.questionnaire_id,
    type: row.visit_type as VisitType,
    visitedAt: row.visited_at,
    answers: JSON.parse(row.answers) as Answers,
    notes: row.notes,
  }
  // The term, the assignment and the time are checked again: a draft may be days old.
  const checked = await checkDraft(db, supervisorId, body, now, timeZone)
  const answers = checkAnswers(checked.definition, body.answers)
  if (!answers.ok) throw new AppError(400, 'visit_answers_invalid', undefined, { answers: answers.problems })
  const inspection = inspectionResult(checked.definition, answers.answers)
  const score = appraisalScore(checked.definition, answers.answers)
  const hasFindings = inspection.failed.length > 0 || Boolean(body.notes) || typeof answers.answers['findings'] === 'string'
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('visits')
      .set({
        questionnaire_version_id: checked.versionId,
        answers: JSON.stringify(answers.answers),
        status: 'submitted',
        score,
        inspection_score: inspection.score,
        vetoed: inspection.vetoed ? 1 : 0,
        has_findings: hasFindings ? 1 : 0,
        submitted_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'visit_not_draft')
    await countVisit(trx, { campaignId: row.campaign_id, windowId: row.window_id, month: localMonth(checked.at, timeZone), undercover: body.type === 'undercover', score, inspection: inspection.score, vetoed: inspection.vetoed }, 1)
  })
  return getVisit(db, id)
}

/** Moves the visit counters that scoring reads (agg_visits) by one visit, up or down. */
async function countVisit(
  trx: Transaction<Database>,
  v: { campaignId: number; windowId: number; month: string; undercover: boolean; score: number | null; inspection: number | null; vetoed: boolean },
  sign: 1 | -1,
) {
  const delta = {
    visits: sign,
    score_sum: sign * (v.score ?? 0),
    score_n: v.score === null ? 0 : sign,
    inspection_sum: sign * (v.inspection ?? 0),
    inspection_n: v.inspection === null ? 0 : sign,
    vetoes: v.vetoed ? sign : 0,
  }
  await trx
    .insertInto('agg_visits')
    .values({ campaign_id: v.campaignId, window_id: v.windowId, month: v.month, undercover: v.undercover ? 1 : 0, ...delta })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'window_id', 'month', 'undercover']).doUpdateSet((eb) => ({
        visits: eb('agg_visits.visits', '+', eb.ref('excluded.visits')),
        score_sum: eb('agg_visits.score_sum', '+', eb.ref('excluded.score_sum')),
        score_n: eb('agg_visits.score_n', '+', eb.ref('excluded.score_n')),
        inspection_sum: eb('agg_visits.inspection_sum', '+', eb.ref('excluded.inspection_sum')),
        inspection_n: eb('agg_visits.inspection_n', '+', eb.ref('excluded.inspection_n')),
        vetoes: eb('agg_visits.vetoes', '+', eb.ref('excluded.vetoes')),
      })),
    )
    .execute()
}

/** Annuls a submitted visit: kept with the reason, taken out of the counters. */
export async function annulVisit(db: Db, adminId: number, id: number, reason: string, now: Date): Promise<Visit> {
  const row = await oneVisit(db, id)
  if (row.status !== 'submitted') throw new AppError(409, 'visit_not_submitted')
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('visits')
      .set({ status: 'annulled', annulled_at: now.toISOString(), annulled_by: adminId, annul_reason: reason, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'visit_not_submitted')
    const month = (await trx.selectFrom('visits').select('month').where('id', '=', id).executeTakeFirstOrThrow()).month
    await countVisit(
      trx,
      {
        campaignId: row.campaign_id,
        windowId: row.window_id,
        month,
        undercover: row.visit_type === 'undercover',
        score: row.score === null ? null : Number(row.score),
        inspection: row.inspection_score === null ? null : Number(row.inspection_score),
        vetoed: isSet(row.vetoed),
      },
      -1,
    )
  })
  return getVisit(db, id)
}

export async function removePhoto(db: Db, uploadDir: string, visitId: number, photoId: number) {
  const photo = await db.selectFrom('visit_photos').select(['id', 'file']).where('id', '=', photoId).where('visit_id', '=', visitId).executeTakeFirst()
  if (!photo) throw notFound()
  await db.deleteFrom('visit_photos').where('id', '=', photo.id).execute()
  await deletePhotoFile(uploadDir, photo.file)
}

export async function listOwnVisits(db: Db, supervisorId: number): Promise<Visit[]> {
  const rows = await selectVisits(db).where('v.supervisor_id', '=', supervisorId).orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(500).execute()
  const drafts = rows.filter((r) => r.status === 'draft')
  return toVisits(db, [...drafts, ...rows.filter((r) => r.status !== 'draft')])
}

/**
 * Whether management may see a visit: the window in their units, and an undercover visit only once its campaign's
 * period is over for a window's manager (the brief: never shown to the window's own manager before that).
 */
export function managementMaySee(actor: Actor, scope: Scope, v: { unit_id: number; visit_type: string; ends_on: string; status: string }, today: string) {
  if (v.status === 'draft') return false
  if (!inScope(scope, v.unit_id)) return false
  if (v.visit_type === 'undercover' && hidesUndercover(actor.role, today, v.ends_on)) return false
  return true
}

export async function listVisits(
  db: Db,
  actor: Actor,
  scope: Scope,
  q: { campaignId?: number | undefined; windowId?: number | undefined; supervisorId?: number | undefined; status?: Visit['status'] | undefined; findings: boolean; limit: number; offset: number },
  now: Date,
  timeZone: string,
): Promise<{ items: Visit[]; total: number }> {
  const today = localDayHour(now, timeZone).day
  let query = selectVisits(db).where('v.status', '!=', 'draft')
  if (q.campaignId) query = query.where('v.campaign_id', '=', q.campaignId)
  if (q.windowId) query = query.where('v.window_id', '=', q.windowId)
  if (q.supervisorId) query = query.where('v.supervisor_id', '=', q.supervisorId)
  if (q.status) query = query.where('v.status', '=', q.status)
  if (q.findings) query = query.where('v.has_findings', '=', 1)
  if (!scope.all) query = query.where('w.unit_id', 'in', scope.unitIds.size > 0 ? [...scope.unitIds] : [-1])
  if (actor.role === 'manager') query = query.where((eb) => eb.or([eb('v.visit_type', '!=', 'undercover'), eb('c.ends_on', '<', today)]))
  const { n } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query.orderBy('v.visited_at', 'desc').orderBy('v.id', 'desc').limit(q.limit).offset(q.offset).execute()
  return { items: await toVisits(db, rows), total: toCount(n) }
}

/** One visit for whoever asks: its supervisor (any status), or management allowed to see it; 404 otherwise. */
export async function readableVisit(db: Db, actor: Actor | null, problem: 'session_expired' | null, id: number, now: Date, timeZone: string): Promise<Visit> {
  const row = await readableRow(db, actor, problem, id, now, timeZone)
  return (await toVisits(db, [row]))[0]!
}

async function readableRow(db: Db, actorOrNull: Actor | null, problem: 'session_expired' | null, id: number, now: Date, timeZone: string) {
  const actor = requireActor(actorOrNull, problem)
  const row = await selectVisits(db).where('v.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  if (actor.role === 'supervisor') {
    if (row.supervisor_id !== actor.id) throw notFound()
    return row
  }
  if (!['admin', 'manager', 'viewer'].includes(actor.role)) throw forbidden()
  const scope = await loadScope(db, actor)
  if (!managementMaySee(actor, scope, row, localDayHour(now, timeZone).day)) throw notFound()
  return row
}

/** A photo for whoever may see its visit. */
export async function readablePhoto(db: Db, actor: Actor | null, problem: 'session_expired' | null, id: number, now: Date, timeZone: string) {
  requireActor(actor, problem)
  const photo = await db.selectFrom('visit_photos').select(['id', 'visit_id', 'file', 'mime']).where('id', '=', id).executeTakeFirst()
  if (!photo) throw notFound()
  await readableRow(db, actor, problem, photo.visit_id, now, timeZone)
  return photo
}
