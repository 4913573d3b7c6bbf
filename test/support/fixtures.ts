import type { Harness } from './harness'

/**
 * A small organisation with two branches, and one user of each kind:
 *   sector 供水 → unit A (→ sub-unit A1), unit B;  sector 公交 → unit C
 *   windows A-01 (in A), A1-01 (in A1), B-01 (in B), C-01 (in C); one staff member at A-01 and at B-01
 *   admin; manager of A (so also A1); viewer of everything; viewer of B only; a supervisor.
 */
export async function seedOrg(h: Harness) {
  const admin = await h.createUser('admin', 'admin')
  const adminCookie = await h.login('admin')
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await h.request('POST', path, { body, cookie: adminCookie })
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  type Row = { id: number }
  const water = await post<Row>('/api/org/sectors', { name: '供水' })
  const bus = await post<Row>('/api/org/sectors', { name: '公交' })
  const unitA = await post<Row>('/api/org/units', { sectorId: water.id, name: '水务集团A' })
  const unitA1 = await post<Row>('/api/org/units', { parentId: unitA.id, name: '城东营业所' })
  const unitB = await post<Row>('/api/org/units', { sectorId: water.id, name: '水务集团B' })
  const unitC = await post<Row>('/api/org/units', { sectorId: bus.id, name: '公交集团' })
  const windowA = await post<Row>('/api/org/windows', { unitId: unitA.id, code: 'A-01', name: '综合受理窗口' })
  const windowA1 = await post<Row>('/api/org/windows', { unitId: unitA1.id, code: 'A1-01', name: '缴费窗口' })
  const windowB = await post<Row>('/api/org/windows', { unitId: unitB.id, code: 'B-01', name: '报装窗口' })
  const windowC = await post<Row>('/api/org/windows', { unitId: unitC.id, code: 'C-01', name: 'IC卡窗口' })
  const staffA = await post<Row>('/api/org/staff', { windowId: windowA.id, employeeNo: 'A001', name: '王芳' })
  const staffB = await post<Row>('/api/org/staff', { windowId: windowB.id, employeeNo: 'B001', name: '李强' })
  const manager = await h.createUser('manager.a', 'manager', [unitA.id])
  const viewer = await h.createUser('viewer', 'viewer')
  const viewerB = await h.createUser('viewer.b', 'viewer', [unitB.id])
  const supervisor = await h.createUser('supervisor', 'supervisor')
  return {
    users: { admin, manager, viewer, viewerB, supervisor },
    cookies: {
      admin: adminCookie,
      manager: await h.login('manager.a'),
      viewer: await h.login('viewer'),
      viewerB: await h.login('viewer.b'),
      supervisor: await h.login('supervisor'),
    },
    sectors: { water: water.id, bus: bus.id },
    units: { A: unitA.id, A1: unitA1.id, B: unitB.id, C: unitC.id },
    windows: { A: windowA.id, A1: windowA1.id, B: windowB.id, C: windowC.id },
    staff: { A: staffA.id, B: staffB.id },
  }
}
export type Org = Awaited<ReturnType<typeof seedOrg>>

/** Row counts of every table: "nothing was written" is these being unchanged. */
export async function tableCounts(h: Harness): Promise<Record<string, number>> {
  const tables = [
    'sectors', 'units', 'windows', 'staff', 'users', 'user_units', 'questionnaires', 'questionnaire_versions', 'campaigns', 'campaign_windows',
    'responses', 'response_reviews', 'agg_levels', 'agg_answers', 'kiosks', 'api_keys', 'one_time_codes', 'window_token_history',
    'supervisor_profiles', 'campaign_supervision', 'campaign_forms', 'supervisor_assignments', 'assignment_windows', 'visits', 'visit_photos', 'agg_visits',
    'agg_window_months', 'agg_campaign_hours', 'agg_campaign_answers', 'publications',
  ] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const row = await h.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    out[t] = Number(row.n)
  }
  // updated_at changes on any update: their maximum reveals a silent partial update.
  for (const t of ['sectors', 'units', 'windows', 'staff', 'users', 'questionnaires', 'questionnaire_versions', 'campaigns', 'supervisor_profiles', 'visits'] as const) {
    const row = await h.db.selectFrom(t).select((eb) => eb.fn.max('updated_at').as('m')).executeTakeFirstOrThrow()
    out[`${t}.updated_at`] = row.m ? new Date(String(row.m)).getTime() : 0
  }
  const agg = await h.db.selectFrom('agg_levels').select((eb) => eb.fn.sum<number>('n').as('n')).executeTakeFirstOrThrow()
  out['agg_levels.n'] = Number(agg.n ?? 0)
  return out
}

/** A published window-service questionnaire and an active campaign over units A (with A1) and B, with window A's QR token. */
export async function seedSurvey(h: Harness, o: Org) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await h.request(method, path, { body, cookie: o.cookies.admin })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const questionnaire = await call<{ id: number }>('POST', '/api/questionnaires', { fromTemplate: 'window-service' })
  const version = await call<{ id: number; version: number }>('POST', `/api/questionnaires/${questionnaire.id}/publish`)
  const campaign = await call<{ id: number }>('POST', '/api/campaigns', {
    name: '2026年11月窗口服务满意度测评',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    scope: { unitIds: [o.units.A, o.units.B] },
    questionnaireId: questionnaire.id,
  })
  await call('POST', `/api/campaigns/${campaign.id}/activate`)
  const { tokenFor } = await import('../../server/qr/tokens')
  return {
    questionnaireId: questionnaire.id,
    versionId: version.id,
    campaignId: campaign.id,
    tokens: { A: await tokenFor(h.db, o.windows.A), B: await tokenFor(h.db, o.windows.B), C: await tokenFor(h.db, o.windows.C) },
  }
}
export type Survey = Awaited<ReturnType<typeof seedSurvey>>

/**
 * Supervision on the survey campaign: the fixture's supervisor appointed (term 2026), the 五个有 checklist as the
 * campaign's form, a quota of 2 visits (1 undercover) per window a month, and the supervisor assigned to unit A
 * (windows A-01 and A1-01, not B-01).
 */
export async function seedSupervision(h: Harness, o: Org, s: Survey) {
  const at = h.now.toISOString()
  await h.db
    .insertInto('supervisor_profiles')
    .values({ user_id: o.users.supervisor.id, kind: 'npc_deputy', organisation: '市人大常委会', phone: '13812345678', letter_no: 'RD-2026-001', term_start: '2026-01-01', term_end: '2026-12-31', ended_at: null, end_reason: null, created_at: at, updated_at: at })
    .execute()
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await h.request(method, path, { body, cookie: o.cookies.admin })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const form = await call<{ id: number }>('POST', '/api/questionnaires', { fromTemplate: 'five-haves-check' })
  await call('POST', `/api/questionnaires/${form.id}/publish`)
  await call('PUT', `/api/campaigns/${s.campaignId}/supervision`, { questionnaireIds: [form.id], visitsPerWindowPerMonth: 2, undercoverPerWindowPerMonth: 1 })
  const assignment = await call<{ id: number }>('POST', `/api/campaigns/${s.campaignId}/assignments`, { supervisorId: o.users.supervisor.id, scope: { unitIds: [o.units.A] } })
  return { formId: form.id, assignmentId: assignment.id }
}
export type Supervision = Awaited<ReturnType<typeof seedSupervision>>
