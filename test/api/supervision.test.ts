import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSupervision, seedSurvey, type Org, type Supervision, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey
let sv: Supervision
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
  sv = await seedSupervision(h(), o, s)
})

const ALL_YES = { environment: true, areas: true, process: true, conveniences: true, uniform: true }
const visit = (extra: Record<string, unknown> = {}) => ({
  campaignId: s.campaignId,
  windowId: o.windows.A,
  questionnaireId: sv.formId,
  type: 'open',
  visitedAt: '2026-11-20T01:30:00.000Z',
  answers: ALL_YES,
  notes: null,
  ...extra,
})
const as = (who: keyof Org['cookies']) => ({ cookie: o.cookies[who] })
const json = async <T = Record<string, unknown>>(res: Response, status: number): Promise<T> => {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}
const errorCode = async (res: Response, status: number) => (await json<{ error: { code: string; message: string } }>(res, status)).error.code

/** Creates and submits a visit as the fixture's supervisor; returns its id. */
const submitted = async (extra: Record<string, unknown> = {}) => {
  const draft = await json<{ id: number }>(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit(extra) }), 201)
  await json(await h().request('POST', `/api/visits/${draft.id}/submit`, as('supervisor')), 200)
  return draft.id
}

describe('a supervisor’s assignments', () => {
  it('lists only the windows assigned to them, with the month’s quota', async () => {
    const mine = await json<{ term: { status: string; canSubmit: boolean }; campaigns: { forms: { name: string }[]; windows: { id: number; progress: unknown }[] }[] }>(
      await h().request('GET', '/api/my/assignments', as('supervisor')),
      200,
    )
    expect(mine.term).toMatchObject({ status: 'active', canSubmit: true })
    expect(mine.campaigns).toHaveLength(1)
    expect(mine.campaigns[0]!.forms.map((f) => f.name)).toEqual(['“五个有”窗口设施检查'])
    expect(mine.campaigns[0]!.windows.map((w) => w.id).sort()).toEqual([o.windows.A, o.windows.A1].sort())
    expect(mine.campaigns[0]!.windows[0]!.progress).toEqual({ month: '2026-11', visits: 0, undercover: 0, visitsRequired: 2, undercoverRequired: 1, met: false })
  })

  it('does not tell a unit’s manager who is assigned to visit their windows', async () => {
    const forAdmin = await json<{ assignments: unknown[] }>(await h().request('GET', `/api/campaigns/${s.campaignId}/supervision`, as('admin')), 200)
    expect(forAdmin.assignments).toHaveLength(1)
    const forManager = await json<{ assignments: unknown[]; visitsPerWindowPerMonth: number }>(await h().request('GET', `/api/campaigns/${s.campaignId}/supervision`, as('manager')), 200)
    expect(forManager).toMatchObject({ assignments: [], visitsPerWindowPerMonth: 2 })
  })

  it('refuses a visit to a window not assigned to them, and other staff', async () => {
    expect(await errorCode(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit({ windowId: o.windows.B }) }), 403)).toBe('visit_window_not_assigned')
    expect(await errorCode(await h().request('POST', '/api/visits', { ...as('manager'), body: visit() }), 403)).toBe('forbidden')
    expect(await errorCode(await h().request('GET', '/api/my/assignments', as('admin')), 403)).toBe('forbidden')
  })

  it('checks the time of a visit: not ahead of now, not before the campaign', async () => {
    expect(await errorCode(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit({ visitedAt: '2026-11-20T05:00:00.000Z' }) }), 400)).toBe('visit_time_future')
    expect(await errorCode(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit({ visitedAt: '2026-10-31T12:00:00.000Z' }) }), 400)).toBe(
      'visit_time_before_campaign',
    )
  })
})

describe('recording a visit', () => {
  it('saves a draft, refuses an incomplete submission, then scores and freezes the submitted visit', async () => {
    const draft = await json<{ id: number; status: string }>(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit({ answers: { environment: true } }) }), 201)
    expect(draft.status).toBe('draft')
    const incomplete = await json<{ error: { code: string; details: { answers: { question: string; problem: string }[] } } }>(
      await h().request('POST', `/api/visits/${draft.id}/submit`, as('supervisor')),
      400,
    )
    expect(incomplete.error.code).toBe('visit_answers_invalid')
    expect(incomplete.error.details.answers.map((a) => a.question)).toEqual(['areas', 'process', 'conveniences', 'uniform'])

    const body = visit({ answers: { ...ALL_YES, process: false }, notes: '办事流程图被遮挡' })
    await json(await h().request('PUT', `/api/visits/${draft.id}`, { ...as('supervisor'), body }), 200)
    const done = await json<{ status: string; inspectionScore: number; score: number | null; vetoed: boolean; findings: { key: string }[] }>(
      await h().request('POST', `/api/visits/${draft.id}/submit`, as('supervisor')),
      200,
    )
    expect(done).toMatchObject({ status: 'submitted', inspectionScore: 80, score: null, vetoed: false })
    expect(done.findings.map((f) => f.key)).toEqual(['process'])

    // Read-only from now on, for its supervisor too.
    expect(await errorCode(await h().request('PUT', `/api/visits/${draft.id}`, { ...as('supervisor'), body }), 409)).toBe('visit_not_draft')
    expect(await errorCode(await h().request('POST', `/api/visits/${draft.id}/submit`, as('supervisor')), 409)).toBe('visit_not_draft')
    expect(await errorCode(await h().request('POST', `/api/visits/${draft.id}/photos`, { ...as('supervisor'), raw: 'x', contentType: 'image/jpeg' }), 409)).toBe('visit_not_draft')
  })

  it('keeps another supervisor’s visits out of reach', async () => {
    const id = await submitted()
    await h().createUser('supervisor.two', 'supervisor')
    await h().db.insertInto('supervisor_profiles').values({ user_id: (await h().db.selectFrom('users').select('id').where('username', '=', 'supervisor.two').executeTakeFirstOrThrow()).id, kind: 'social', organisation: null, phone: null, letter_no: null, term_start: '2026-01-01', term_end: '2026-12-31', ended_at: null, end_reason: null, created_at: h().now.toISOString(), updated_at: h().now.toISOString() }).execute()
    const other = await h().login('supervisor.two')
    expect((await h().request('GET', `/api/visits/${id}`, { cookie: other })).status).toBe(404)
    expect((await h().request('POST', `/api/visits/${id}/submit`, { cookie: other })).status).toBe(404)
    expect(await json<{ items: unknown[] }>(await h().request('GET', '/api/my/visits', { cookie: other }), 200)).toEqual({ items: [] })
    expect(await json<{ campaigns: unknown[] }>(await h().request('GET', '/api/my/assignments', { cookie: other }), 200)).toMatchObject({ campaigns: [] })
  })
})

describe('who sees a visit', () => {
  it('hides an undercover visit from the window’s manager until the campaign is over, and from other units always', async () => {
    const open = await submitted({ type: 'open' })
    const undercover = await submitted({ type: 'undercover', windowId: o.windows.A1 })

    const adminList = await json<{ items: { id: number }[] }>(await h().request('GET', `/api/visits?campaignId=${s.campaignId}`, as('admin')), 200)
    expect(adminList.items.map((v) => v.id)).toEqual(expect.arrayContaining([open, undercover]))
    expect((await h().request('GET', `/api/visits/${undercover}`, as('admin'))).status).toBe(200)

    const managerList = await json<{ items: { id: number; type: string }[] }>(await h().request('GET', `/api/visits?campaignId=${s.campaignId}`, as('manager')), 200)
    expect(managerList.items.map((v) => v.id)).toContain(open)
    expect(managerList.items.some((v) => v.type === 'undercover')).toBe(false)
    expect((await h().request('GET', `/api/visits/${undercover}`, as('manager'))).status).toBe(404)
    const managerSummary = await json<{ windows: { windowId: number; visits: number; undercover: number }[] }>(
      await h().request('GET', `/api/campaigns/${s.campaignId}/supervision/summary`, as('manager')),
      200,
    )
    expect(managerSummary.windows.find((w) => w.windowId === o.windows.A1)).toMatchObject({ visits: 0, undercover: 0 })
    expect(managerSummary.windows.map((w) => w.windowId).sort()).toEqual([o.windows.A, o.windows.A1].sort()) // not B-01

    // Another unit's manager and viewer see neither, not even the open one.
    await h().createUser('manager.b', 'manager', [o.units.B])
    const managerB = { cookie: await h().login('manager.b') }
    for (const other of [managerB, as('viewerB')]) {
      expect((await h().request('GET', `/api/visits/${open}`, other)).status).toBe(404)
      expect((await json<{ items: unknown[]; total: number }>(await h().request('GET', `/api/visits?campaignId=${s.campaignId}`, other), 200)).total).toBe(0)
      expect((await json<{ items: unknown[] }>(await h().request('GET', `/api/visits?windowId=${o.windows.A}`, other), 200)).items).toEqual([])
    }
    const summaryB = await json<{ windows: { windowId: number }[] }>(await h().request('GET', `/api/campaigns/${s.campaignId}/supervision/summary`, managerB), 200)
    expect(summaryB.windows.map((w) => w.windowId)).toEqual([o.windows.B])

    // Once the campaign's period is over (here: its last day moved to yesterday), the manager sees it too.
    await h().db.updateTable('campaigns').set({ ends_on: '2026-11-19' }).where('id', '=', s.campaignId).execute()
    try {
      expect((await h().request('GET', `/api/visits/${undercover}`, as('manager'))).status).toBe(200)
      const after = await json<{ windows: { windowId: number; undercover: number }[] }>(await h().request('GET', `/api/campaigns/${s.campaignId}/supervision/summary`, as('manager')), 200)
      expect(after.windows.find((w) => w.windowId === o.windows.A1)!.undercover).toBe(1)
    } finally {
      await h().db.updateTable('campaigns').set({ ends_on: '2026-11-30' }).where('id', '=', s.campaignId).execute()
    }
  })
})

describe('scores and quotas', () => {
  it('counts submitted visits per window and month, and takes an annulled one back out', async () => {
    const summary = async () =>
      (
        await json<{ windows: { windowId: number; visits: number; undercover: number; inspectionScore: number | null; progress: { met: boolean } }[] }>(
          await h().request('GET', `/api/campaigns/${s.campaignId}/supervision/summary?month=2026-11`, as('admin')),
          200,
        )
      ).windows.find((w) => w.windowId === o.windows.A)!
    const before = await summary()
    const id = await submitted({ answers: { ...ALL_YES, uniform: false, areas: false } }) // 60
    const after = await summary()
    expect(after.visits).toBe(before.visits + 1)
    const expected = (before.inspectionScore! * before.visits + 60) / (before.visits + 1)
    expect(after.inspectionScore).toBeCloseTo(expected, 2)

    expect(await errorCode(await h().request('POST', `/api/visits/${id}/annul`, { ...as('manager'), body: { reason: '重复提交' } }), 403)).toBe('forbidden')
    const annulled = await json<{ status: string; annulReason: string }>(await h().request('POST', `/api/visits/${id}/annul`, { ...as('admin'), body: { reason: '重复提交' } }), 200)
    expect(annulled).toMatchObject({ status: 'annulled', annulReason: '重复提交' })
    expect(await summary()).toEqual(before)
    expect(await errorCode(await h().request('POST', `/api/visits/${id}/annul`, { ...as('admin'), body: { reason: '再次' } }), 409)).toBe('visit_not_submitted')
  })

  it('puts a visit in the month of its local date, across a month boundary (Asia/Shanghai)', async () => {
    // A campaign over October–December at window C-01, the supervisor assigned to it.
    const admin = as('admin')
    const campaign = await json<{ id: number }>(
      await h().request('POST', '/api/campaigns', { ...admin, body: { name: '四季度明察暗访', startsOn: '2026-10-01', endsOn: '2026-12-31', scope: { windowIds: [o.windows.C] }, questionnaireId: s.questionnaireId } }),
      201,
    )
    await json(await h().request('POST', `/api/campaigns/${campaign.id}/activate`, admin), 200)
    await json(await h().request('PUT', `/api/campaigns/${campaign.id}/supervision`, { ...admin, body: { questionnaireIds: [sv.formId], visitsPerWindowPerMonth: 1 } }), 200)
    await json(await h().request('POST', `/api/campaigns/${campaign.id}/assignments`, { ...admin, body: { supervisorId: o.users.supervisor.id, scope: { windowIds: [o.windows.C] } } }), 201)
    // 23:59 on 31 October in Beijing is 15:59 UTC; a minute after midnight on 1 November is 16:01 UTC on 31 October.
    await submitted({ campaignId: campaign.id, windowId: o.windows.C, visitedAt: '2026-10-31T15:59:00.000Z' })
    await submitted({ campaignId: campaign.id, windowId: o.windows.C, visitedAt: '2026-10-31T16:01:00.000Z' })
    await submitted({ campaignId: campaign.id, windowId: o.windows.C, visitedAt: '2026-11-01T00:00:00+08:00', type: 'undercover' })
    const month = async (m: string) =>
      (await json<{ windows: { progress: unknown }[] }>(await h().request('GET', `/api/campaigns/${campaign.id}/supervision/summary?month=${m}`, admin), 200)).windows[0]!.progress
    expect(await month('2026-10')).toEqual({ month: '2026-10', visits: 1, undercover: 0, visitsRequired: 1, undercoverRequired: null, met: true })
    expect(await month('2026-11')).toEqual({ month: '2026-11', visits: 2, undercover: 1, visitsRequired: 1, undercoverRequired: null, met: true })
    expect(await month('2026-12')).toMatchObject({ visits: 0, met: false })
    // The supervisor's own page counts this month (November, by the test clock).
    const mine = await json<{ campaigns: { id: number; windows: { progress: { visits: number } }[] }[] }>(await h().request('GET', '/api/my/assignments', as('supervisor')), 200)
    expect(mine.campaigns.find((c) => c.id === campaign.id)!.windows[0]!.progress.visits).toBe(2)
  })
})

describe('the roster', () => {
  it('appoints a supervisor with a first password, masks phones in the list, renews and ends the term', async () => {
    const admin = as('admin')
    const created = await json<{ supervisor: { id: number; phone: string; status: string }; initialPassword: string }>(
      await h().request('POST', '/api/supervisors', {
        ...admin,
        body: { username: 'zhang.deputy', displayName: '张代表', kind: 'npc_deputy', organisation: '第三选区', phone: '13900001111', letterNo: 'RD-2026-017', termStart: '2026-01-01', termEnd: '2026-11-30' },
      }),
      201,
    )
    expect(created.supervisor).toMatchObject({ phone: '13900001111', status: 'active' })
    expect(created.initialPassword).toMatch(/^[A-Za-z2-9]{16}$/)
    const list = await json<{ items: { username: string; phone: string }[] }>(await h().request('GET', '/api/supervisors?q=张', admin), 200)
    expect(list.items).toEqual([expect.objectContaining({ username: 'zhang.deputy', phone: '139****1111' })])
    expect(JSON.stringify(list)).not.toContain('13900001111')
    expect((await h().request('GET', '/api/supervisors', as('manager'))).status).toBe(403)

    const early = await json<{ error: { details: { fields: unknown[] } } }>(await h().request('POST', `/api/supervisors/${created.supervisor.id}/renew`, { ...admin, body: { termEnd: '2025-12-31' } }), 400)
    expect(early.error.details.fields).toEqual([{ path: 'termEnd', code: 'field_end_before_start', message: '结束日期不能早于开始日期' }])
    const quota = await json<{ error: { details: { fields: { path: string }[] } } }>(
      await h().request('PUT', `/api/campaigns/${s.campaignId}/supervision`, { ...admin, body: { questionnaireIds: [sv.formId], visitsPerWindowPerMonth: 1, undercoverPerWindowPerMonth: 2 } }),
      400,
    )
    expect(quota.error.details.fields.map((f) => f.path)).toEqual(['undercoverPerWindowPerMonth'])
    const renewed = await json<{ termEnd: string }>(await h().request('POST', `/api/supervisors/${created.supervisor.id}/renew`, { ...admin, body: { termEnd: '2027-11-30' } }), 200)
    expect(renewed.termEnd).toBe('2027-11-30')
    const ended = await json<{ status: string; endReason: string }>(await h().request('POST', `/api/supervisors/${created.supervisor.id}/end`, { ...admin, body: { reason: '工作调动' } }), 200)
    expect(ended).toMatchObject({ status: 'ended', endReason: '工作调动' })
    expect(await errorCode(await h().request('POST', `/api/supervisors/${created.supervisor.id}/end`, { ...admin, body: { reason: '再次' } }), 409)).toBe('supervisor_already_ended')
  })

  it('lets a supervisor outside their term read their history but not submit', async () => {
    const id = await submitted()
    await h().db.updateTable('supervisor_profiles').set({ term_end: '2026-11-19' }).where('user_id', '=', o.users.supervisor.id).execute()
    try {
      const mine = await json<{ term: { status: string; canSubmit: boolean } }>(await h().request('GET', '/api/my/assignments', as('supervisor')), 200)
      expect(mine.term).toEqual({ start: '2026-01-01', end: '2026-11-19', status: 'expired', canSubmit: false })
      expect((await json<{ items: { id: number }[] }>(await h().request('GET', '/api/my/visits', as('supervisor')), 200)).items.map((v) => v.id)).toContain(id)
      expect((await h().request('GET', `/api/visits/${id}`, as('supervisor'))).status).toBe(200)
      expect(await errorCode(await h().request('POST', '/api/visits', { ...as('supervisor'), body: visit() }), 403)).toBe('supervisor_out_of_term')
    } finally {
      await h().db.updateTable('supervisor_profiles').set({ term_end: '2026-12-31' }).where('user_id', '=', o.users.supervisor.id).execute()
    }
  })

  it('imports a roster CSV all or nothing, naming the bad rows, and re-imports its export unchanged', async () => {
    const admin = { ...as('admin'), contentType: 'text/csv' }
    const header = '用户名,姓名,类别,工作单位,手机,聘书编号,任期开始,任期结束\n'
    const bad = header + 'li.member,李委员,政协委员,市政协,13700000001,ZX-01,2026-01-01,2027-12-31\n' + 'wang.s,王监督,效能监督员,,1234,XN-02,2026-01-01,2027-12-31\n' + 'zhao.s,赵督察,市民督察员,,,SM-03,2026-05-01,2026-04-01\n'
    const refused = await json<{ error: { code: string; details: { rows: { row: number; message: string }[] } } }>(await h().request('POST', '/api/supervisors/import', { ...admin, raw: bad }), 400)
    expect(refused.error.code).toBe('csv_invalid')
    expect(refused.error.details.rows.map((r) => r.row)).toEqual([3, 4])
    expect(refused.error.details.rows[0]!.message).toContain('第 3 行')
    expect(await h().db.selectFrom('users').select('id').where('username', '=', 'li.member').executeTakeFirst()).toBeUndefined()

    const good = header + 'li.member,李委员,政协委员,市政协,13700000001,ZX-01,2026-01-01,2027-12-31\n' + 'qian.s,钱监督员,水质社会监督员,自来水用户代表,,SH-09,2026-01-01,2026-12-31\n'
    const report = await json<{ created: number; updated: number; initialPasswords: { username: string }[] }>(await h().request('POST', '/api/supervisors/import', { ...admin, raw: good }), 200)
    expect(report).toMatchObject({ created: 2, updated: 0 })
    expect(report.initialPasswords.map((p) => p.username)).toEqual(['li.member', 'qian.s'])
    const bytes = Buffer.from(await (await h().request('GET', '/api/supervisors/export', as('admin'))).arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs for Chinese
    const exported = bytes.toString('utf8')
    expect(exported).toContain('username,display_name,kind,organisation')
    expect(exported).toContain('li.member,李委员,政协委员,市政协,13700000001,ZX-01,2026-01-01,2027-12-31')
    const again = await json<{ created: number; updated: number }>(await h().request('POST', '/api/supervisors/import', { ...admin, raw: exported }), 200)
    expect(again.created).toBe(0)
    expect(Buffer.from(await (await h().request('GET', '/api/supervisors/export', as('admin'))).arrayBuffer()).equals(bytes)).toBe(true)
  })
})
