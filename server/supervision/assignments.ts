import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Assignment, AssignmentBody, MyAssignments, QuotaProgress, Supervision, SupervisionBody } from '../../shared/schemas/supervision'
import { localDayHour } from '../../shared/time'
import { getCampaign, resolveScope } from '../campaigns/service'
import { AppError, FieldsError, notFound } from '../http/errors'
import { currentPublishedVersion } from '../questionnaires/service'
import { profileOf, termStatus } from './roster'

type Db = Kysely<Database>

/** The local month (YYYY-MM) of an instant: visit quotas are per calendar month in the deployment's time zone. */
export const localMonth = (at: Date, timeZone: string) => localDayHour(at, timeZone).day.slice(0, 7)

/** A window's quota progress from its submitted visits in a month. */
export function quotaProgress(
  month: string,
  counts: { visits: number; undercover: number },
  quota: { visits_per_window_per_month: number | null; undercover_per_window_per_month: number | null } | undefined,
): QuotaProgress {
  const visitsRequired = quota?.visits_per_window_per_month ?? null
  const undercoverRequired = quota?.undercover_per_window_per_month ?? null
  return {
    month,
    visits: counts.visits,
    undercover: counts.undercover,
    visitsRequired,
    undercoverRequired,
    met: (visitsRequired === null || counts.visits >= visitsRequired) && (undercoverRequired === null || counts.undercover >= undercoverRequired),
  }
}

export async function getSupervision(db: Db, campaignId: number): Promise<Supervision> {
  await getCampaign(db, campaignId)
  const settings = await db.selectFrom('campaign_supervision').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst()
  const forms = await db
    .selectFrom('campaign_forms')
    .innerJoin('questionnaires', 'questionnaires.id', 'campaign_forms.questionnaire_id')
    .select(['questionnaires.id', 'questionnaires.name'])
    .where('campaign_forms.campaign_id', '=', campaignId)
    .orderBy('questionnaires.id')
    .execute()
  return {
    campaignId,
    forms: await Promise.all(forms.map(async (f) => ({ questionnaireId: f.id, name: f.name, versionId: (await currentPublishedVersion(db, f.id))?.id ?? null }))),
    visitsPerWindowPerMonth: settings?.visits_per_window_per_month ?? null,
    undercoverPerWindowPerMonth: settings?.undercover_per_window_per_month ?? null,
    assignments: await listAssignments(db, campaignId),
  }
}

export async function setSupervision(db: Db, campaignId: number, body: SupervisionBody, now: Date): Promise<Supervision> {
  await getCampaign(db, campaignId)
  const ids = [...new Set(body.questionnaireIds)]
  if (ids.length > 0) {
    const forms = await db.selectFrom('questionnaires').select(['id', 'kind']).where('id', 'in', ids).execute()
    if (forms.length !== ids.length) throw notFound()
    for (const f of forms) {
      if (f.kind !== 'supervisor' || !(await currentPublishedVersion(db, f.id))) throw new AppError(409, 'supervision_form_invalid')
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('campaign_forms').where('campaign_id', '=', campaignId).execute()
    if (ids.length > 0) await trx.insertInto('campaign_forms').values(ids.map((questionnaire_id) => ({ campaign_id: campaignId, questionnaire_id }))).execute()
    const values = {
      visits_per_window_per_month: body.visitsPerWindowPerMonth,
      undercover_per_window_per_month: body.undercoverPerWindowPerMonth,
      updated_at: now.toISOString(),
    }
    await trx
      .insertInto('campaign_supervision')
      .values({ campaign_id: campaignId, ...values })
      .onConflict((oc) => oc.column('campaign_id').doUpdateSet(values))
      .execute()
  })
  return getSupervision(db, campaignId)
}

async function listAssignments(db: Db, campaignId: number, id?: number): Promise<Assignment[]> {
  const rows = await db
    .selectFrom('supervisor_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.supervisor_id')
    .select(['a.id', 'a.campaign_id', 'a.supervisor_id', 'a.scope', 'a.created_at', 'u.display_name'])
    .where('a.campaign_id', '=', campaignId)
    .$if(id !== undefined, (q) => q.where('a.id', '=', id!))
    .orderBy('u.display_name')
    .orderBy('a.id')
    .execute()
  if (rows.length === 0) return []
  const counts = await db
    .selectFrom('assignment_windows')
    .select(['assignment_id', (eb) => eb.fn.countAll().as('n')])
    .where(
      'assignment_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('assignment_id')
    .execute()
  const count = new Map(counts.map((c) => [c.assignment_id, Number(c.n)]))
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    supervisorId: r.supervisor_id,
    supervisorName: r.display_name,
    scope: JSON.parse(r.scope) as Assignment['scope'],
    windowCount: count.get(r.id) ?? 0,
    createdAt: r.created_at,
  }))
}

/** Assigns a supervisor to the windows a scope picks, among the campaign's windows. */
export async function addAssignment(db: Db, campaignId: number, body: AssignmentBody, now: Date): Promise<Assignment> {
  await getCampaign(db, campaignId)
  const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', body.supervisorId).executeTakeFirst()
  if (!user) throw notFound()
  if (user.role !== 'supervisor') throw new AppError(409, 'supervisor_unknown')
  await profileOf(db, user.id)
  const picked = await resolveScope(db, body.scope)
  const inCampaign = new Set((await db.selectFrom('campaign_windows').select('window_id').where('campaign_id', '=', campaignId).execute()).map((w) => w.window_id))
  const windows = picked.filter((w) => inCampaign.has(w))
  if (windows.length === 0) throw new FieldsError([{ path: 'scope', key: 'field_scope_empty' }])
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('supervisor_assignments')
      .values({ campaign_id: campaignId, supervisor_id: user.id, scope: JSON.stringify(body.scope), created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (let i = 0; i < windows.length; i += 200) {
      await trx
        .insertInto('assignment_windows')
        .values(windows.slice(i, i + 200).map((window_id) => ({ assignment_id: id, campaign_id: campaignId, supervisor_id: user.id, window_id })))
        .execute()
    }
    return id
  })
  return (await listAssignments(db, campaignId, id))[0]!
}

export async function removeAssignment(db: Db, campaignId: number, assignmentId: number) {
  const found = await db.selectFrom('supervisor_assignments').select('id').where('id', '=', assignmentId).where('campaign_id', '=', campaignId).executeTakeFirst()
  if (!found) throw notFound()
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assignment_windows').where('assignment_id', '=', assignmentId).execute()
    await trx.deleteFrom('supervisor_assignments').where('id', '=', assignmentId).execute()
  })
}

/** True when the supervisor is assigned this window in this campaign. */
export async function isAssigned(db: Db, supervisorId: number, campaignId: number, windowId: number) {
  const row = await db
    .selectFrom('assignment_windows')
    .select('window_id')
    .where('supervisor_id', '=', supervisorId)
    .where('campaign_id', '=', campaignId)
    .where('window_id', '=', windowId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** A supervisor's term, campaigns (not drafts), forms and windows, with their own quota progress this month. */
export async function myAssignments(db: Db, supervisorId: number, now: Date, timeZone: string): Promise<MyAssignments> {
  const profile = await profileOf(db, supervisorId)
  const status = termStatus(profile, localDayHour(now, timeZone).day)
  const month = localMonth(now, timeZone)
  const windows = await db
    .selectFrom('assignment_windows as aw')
    .innerJoin('campaigns as c', 'c.id', 'aw.campaign_id')
    .innerJoin('windows as w', 'w.id', 'aw.window_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select(['c.id as campaign_id', 'c.name as campaign_name', 'c.starts_on', 'c.ends_on', 'w.id', 'w.name', 'w.code', 'u.name as unit_name'])
    .distinct()
    .where('aw.supervisor_id', '=', supervisorId)
    .where('c.status', '!=', 'draft')
    .orderBy('c.starts_on', 'desc')
    .orderBy('u.name')
    .orderBy('w.code')
    .execute()
  const campaignIds = [...new Set(windows.map((w) => w.campaign_id))]
  const own =
    campaignIds.length === 0
      ? []
      : await db
          .selectFrom('visits')
          .select(['campaign_id', 'window_id', 'visit_type', (eb) => eb.fn.countAll().as('n')])
          .where('supervisor_id', '=', supervisorId)
          .where('status', '=', 'submitted')
          .where('month', '=', month)
          .where('campaign_id', 'in', campaignIds)
          .groupBy(['campaign_id', 'window_id', 'visit_type'])
          .execute()
  const counts = new Map<string, { visits: number; undercover: number }>()
  for (const r of own) {
    const k = `${r.campaign_id}:${r.window_id}`
    const c = counts.get(k) ?? { visits: 0, undercover: 0 }
    c.visits += Number(r.n)
    if (r.visit_type === 'undercover') c.undercover += Number(r.n)
    counts.set(k, c)
  }
  const quotas =
    campaignIds.length === 0 ? [] : await db.selectFrom('campaign_supervision').selectAll().where('campaign_id', 'in', campaignIds).execute()
  const quotaOf = new Map(quotas.map((q) => [q.campaign_id, q]))
  const campaigns: MyAssignments['campaigns'] = []
  for (const id of campaignIds) {
    const rows = windows.filter((w) => w.campaign_id === id)
    const formRows = await db.selectFrom('campaign_forms').innerJoin('questionnaires', 'questionnaires.id', 'campaign_forms.questionnaire_id').select(['questionnaires.id', 'questionnaires.name']).where('campaign_id', '=', id).execute()
    const forms: MyAssignments['campaigns'][number]['forms'] = []
    for (const f of formRows) {
      const version = await currentPublishedVersion(db, f.id)
      if (version) forms.push({ questionnaireId: f.id, versionId: version.id, name: f.name, definition: version.definition })
    }
    campaigns.push({
      id,
      name: rows[0]!.campaign_name,
      startsOn: rows[0]!.starts_on,
      endsOn: rows[0]!.ends_on,
      forms,
      windows: rows.map((w) => ({
        id: w.id,
        name: w.name,
        code: w.code,
        unitName: w.unit_name,
        progress: quotaProgress(month, counts.get(`${id}:${w.id}`) ?? { visits: 0, undercover: 0 }, quotaOf.get(id)),
      })),
    })
  }
  return { term: { start: profile.term_start, end: profile.term_end, status, canSubmit: status === 'active' }, campaigns }
}
