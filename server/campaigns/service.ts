import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Campaign, CampaignBody, CampaignScope, CampaignStatus } from '../../shared/schemas/campaign'
import { subtreeOf } from '../access/policy'
import { AppError, notFound } from '../http/errors'

type Db = Kysely<Database>

/** The active windows a scope picks: whole sectors, units with their subtrees, single windows. */
export async function resolveScope(db: Db, scope: CampaignScope): Promise<number[]> {
  const units = await db.selectFrom('units').select(['id', 'parent_id', 'sector_id']).execute()
  const unitIds = subtreeOf(units, [...scope.unitIds, ...units.filter((u) => scope.sectorIds.includes(u.sector_id)).map((u) => u.id)])
  const ids = new Set<number>()
  if (unitIds.size > 0) {
    for (const w of await db.selectFrom('windows').select('id').where('unit_id', 'in', [...unitIds]).where('active', '=', 1).execute()) ids.add(w.id)
  }
  if (scope.windowIds.length > 0) {
    const picked = await db.selectFrom('windows').select(['id', 'active']).where('id', 'in', scope.windowIds).execute()
    if (picked.length !== new Set(scope.windowIds).size) throw notFound()
    for (const w of picked) if (w.active === 1) ids.add(w.id)
  }
  return [...ids].sort((a, b) => a - b)
}

async function toCampaigns(db: Db, rows: Awaited<ReturnType<typeof campaignRows>>): Promise<Campaign[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const phases = await db.selectFrom('campaign_phases').selectAll().where('campaign_id', 'in', ids).orderBy('starts_on').execute()
  const counts = await db
    .selectFrom('campaign_windows')
    .select(['campaign_id', (eb) => eb.fn.countAll().as('n')])
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    phases: phases.filter((p) => p.campaign_id === r.id).map((p) => ({ name: p.name, startsOn: p.starts_on, endsOn: p.ends_on })),
    status: r.status as CampaignStatus,
    scope: JSON.parse(r.scope) as CampaignScope,
    windowCount: Number(counts.find((c) => c.campaign_id === r.id)?.n ?? 0),
    questionnaireId: r.questionnaire_id,
    targetRate: Number(r.target_rate),
    satisfiedLevels: r.satisfied_levels.split(',').map(Number),
    minSample: r.min_sample,
    quotaTotal: r.quota_total,
    quotaPerWindow: r.quota_per_window,
    repeatIntervalHours: r.repeat_interval_hours,
    minSeconds: r.min_seconds,
    weights: { citizenIndex: Number(r.weight_citizen), supervisorMean: Number(r.weight_supervisor), inspectionScore: Number(r.weight_inspection) },
    publishStaffNames: r.publish_staff_names === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

const campaignRows = (db: Db, id?: number) => {
  let q = db.selectFrom('campaigns').selectAll()
  if (id !== undefined) q = q.where('id', '=', id)
  return q.orderBy('starts_on', 'desc').orderBy('id', 'desc').execute()
}

export async function listCampaigns(db: Db): Promise<Campaign[]> {
  return toCampaigns(db, await campaignRows(db))
}

export async function getCampaign(db: Db, id: number): Promise<Campaign> {
  const [campaign] = await toCampaigns(db, await campaignRows(db, id))
  if (!campaign) throw notFound()
  return campaign
}

async function checkQuestionnaire(db: Db, questionnaireId: number) {
  const q = await db.selectFrom('questionnaires').select(['kind']).where('id', '=', questionnaireId).executeTakeFirst()
  if (!q) throw notFound()
  if (q.kind !== 'citizen') throw new AppError(400, 'campaign_needs_citizen')
}

/** Refuses when any of the windows is already in another active campaign: a window has one active citizen campaign. */
async function assertNoOverlap(db: Db, campaignId: number, windowIds: number[]) {
  if (windowIds.length === 0) return
  const clashes = await db
    .selectFrom('campaign_windows')
    .innerJoin('campaigns', 'campaigns.id', 'campaign_windows.campaign_id')
    .innerJoin('windows', 'windows.id', 'campaign_windows.window_id')
    .select(['windows.code', 'campaigns.name'])
    .where('campaigns.status', '=', 'active')
    .where('campaigns.id', '!=', campaignId)
    .where('campaign_windows.window_id', 'in', windowIds)
    .orderBy('windows.code')
    .execute()
  if (clashes.length > 0) {
    const shown = clashes.slice(0, 10).map((c) => `${c.code}（${c.name}）`)
    throw new AppError(409, 'campaign_window_overlap', { count: clashes.length, windows: shown.join('、') + (clashes.length > 10 ? '…' : '') }, { windows: clashes })
  }
}

const columns = (b: CampaignBody) => ({
  name: b.name,
  description: b.description,
  starts_on: b.startsOn,
  ends_on: b.endsOn,
  questionnaire_id: b.questionnaireId,
  target_rate: b.targetRate,
  satisfied_levels: [...b.satisfiedLevels].sort().join(','),
  min_sample: b.minSample,
  quota_total: b.quotaTotal,
  quota_per_window: b.quotaPerWindow,
  repeat_interval_hours: b.repeatIntervalHours,
  min_seconds: b.minSeconds,
  scope: JSON.stringify(b.scope),
  weight_citizen: b.weights.citizenIndex,
  weight_supervisor: b.weights.supervisorMean,
  weight_inspection: b.weights.inspectionScore,
  publish_staff_names: b.publishStaffNames ? (1 as const) : (0 as const),
})

async function writeDetails(db: Db, campaignId: number, body: CampaignBody, windowIds: number[]) {
  await db.deleteFrom('campaign_phases').where('campaign_id', '=', campaignId).execute()
  if (body.phases.length > 0) {
    await db.insertInto('campaign_phases').values(body.phases.map((p) => ({ campaign_id: campaignId, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn }))).execute()
  }
  await db.deleteFrom('campaign_windows').where('campaign_id', '=', campaignId).execute()
  for (let i = 0; i < windowIds.length; i += 500) {
    await db.insertInto('campaign_windows').values(windowIds.slice(i, i + 500).map((window_id) => ({ campaign_id: campaignId, window_id }))).execute()
  }
}

export async function createCampaign(db: Db, body: CampaignBody, now: Date): Promise<Campaign> {
  await checkQuestionnaire(db, body.questionnaireId)
  const windowIds = await resolveScope(db, body.scope)
  const at = now.toISOString()
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('campaigns').values({ ...columns(body), status: 'draft', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
    await writeDetails(trx, id, body, windowIds)
    return id
  })
  return getCampaign(db, id)
}

export async function updateCampaign(db: Db, id: number, body: CampaignBody, now: Date): Promise<Campaign> {
  const current = await getCampaign(db, id)
  if (current.status === 'closed') throw new AppError(409, 'campaign_closed')
  await checkQuestionnaire(db, body.questionnaireId)
  const windowIds = await resolveScope(db, body.scope)
  if (current.status === 'active') await assertNoOverlap(db, id, windowIds)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('campaigns').set({ ...columns(body), updated_at: now.toISOString() }).where('id', '=', id).execute()
    await writeDetails(trx, id, body, windowIds)
  })
  return getCampaign(db, id)
}

/** Starts collecting: needs a published citizen questionnaire, windows in scope, and no window in another active campaign. */
export async function activateCampaign(db: Db, id: number, now: Date): Promise<Campaign> {
  const current = await getCampaign(db, id)
  if (current.status !== 'draft') throw new AppError(409, 'campaign_not_draft')
  const published = await db.selectFrom('questionnaire_versions').select('id').where('questionnaire_id', '=', current.questionnaireId).where('status', '=', 'published').executeTakeFirst()
  if (!published) throw new AppError(400, 'campaign_needs_published')
  const windowIds = (await db.selectFrom('campaign_windows').select('window_id').where('campaign_id', '=', id).execute()).map((w) => w.window_id)
  if (windowIds.length === 0) throw new AppError(400, 'campaign_no_windows')
  await assertNoOverlap(db, id, windowIds)
  await db.updateTable('campaigns').set({ status: 'active', updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', 'draft').execute()
  return getCampaign(db, id)
}

export async function closeCampaign(db: Db, id: number, now: Date): Promise<Campaign> {
  await getCampaign(db, id)
  await db.updateTable('campaigns').set({ status: 'closed', updated_at: now.toISOString() }).where('id', '=', id).execute()
  return getCampaign(db, id)
}

/** The campaign collecting for a window today: active, and today (local) within its period. */
export async function activeCampaignFor(db: Db, windowId: number, today: string) {
  return db
    .selectFrom('campaign_windows')
    .innerJoin('campaigns', 'campaigns.id', 'campaign_windows.campaign_id')
    .selectAll('campaigns')
    .where('campaign_windows.window_id', '=', windowId)
    .where('campaigns.status', '=', 'active')
    .where('campaigns.starts_on', '<=', today)
    .where('campaigns.ends_on', '>=', today)
    .executeTakeFirst()
}
