import { beforeAll, describe, expect, it } from 'vitest'
import { JPEG } from '../../server/supervision/image-fixtures'
import { seedOrg, seedSupervision, seedSurvey, type Org, type Supervision, type Survey } from '../support/fixtures'
import { useHarness, type Harness } from '../support/harness'

/**
 * Every API operation, each checked for success, bad input, no session, a role that may not call it, and another
 * unit's data. The list must match the OpenAPI document, so a new route without a row here fails this file.
 */
type Who = keyof Org['cookies']
interface Call {
  path: string
  body?: unknown
  raw?: string | Uint8Array
  contentType?: string
}
interface Case {
  ok: { status: number; as?: Who; session?: (o: Org, h: Harness) => Promise<string>; call: (o: Org, h: Harness) => Promise<Call> | Call; check?: (body: unknown, o: Org) => void }
  /** Bad input → 400. */
  bad?: (o: Org) => Call
  /** Public operation: no 401 check. */
  public?: true
  /** A signed-in role that gets 403. */
  forbiddenFor?: Who
  /** Another unit's data, for a scoped user → 404. */
  otherUnit?: { as: Who; call: (o: Org) => Call }
  /** What a scoped user sees must leave out other units (lists and exports). */
  scopedList?: { as: Who; call: (o: Org) => Call; check: (body: unknown, o: Org) => void }
}

let serial = 0
const fresh = (prefix: string) => `${prefix}${++serial}`
const ids = (body: unknown) => ((body as { items: { id: number }[] }).items ?? []).map((i) => i.id)

const post = async (h: Harness, o: Org, path: string, body: unknown) => {
  const res = await h.request('POST', path, { body, cookie: o.cookies.admin })
  expect(res.status, `${path} ${await res.clone().text()}`).toBe(201)
  return (await res.json()) as { id: number }
}
const newUnit = (h: Harness, o: Org) => post(h, o, '/api/org/units', { sectorId: o.sectors.water, name: fresh('临时单位') })
const newWindow = (h: Harness, o: Org, unitId = o.units.A) => post(h, o, '/api/org/windows', { unitId, code: fresh('T-'), name: '临时窗口' })
const newStaff = async (h: Harness, o: Org) => post(h, o, '/api/org/staff', { windowId: (await newWindow(h, o)).id, employeeNo: fresh('S'), name: '临时' })
const newUser = (h: Harness, o: Org) =>
  post(h, o, '/api/users', { username: fresh('user'), displayName: '临时用户', role: 'viewer', unitIds: [], password: 'Temporary-pass-1' })

let sv: Survey
const newQuestionnaire = (h: Harness, o: Org) => post(h, o, '/api/questionnaires', { fromTemplate: 'five-goods', name: fresh('问卷') })
const campaignBody = (o: Org, extra: Record<string, unknown> = {}) => ({
  name: fresh('测评活动'),
  startsOn: '2026-11-01',
  endsOn: '2026-11-30',
  scope: { windowIds: [o.windows.C] },
  questionnaireId: sv.questionnaireId,
  ...extra,
})
const newCampaign = (h: Harness, o: Org) => post(h, o, '/api/campaigns', campaignBody(o))
// Each publication covers its own finished period (2026-11-01 to the 1st, 2nd … 19th): one live publication per period.
let publishedDays = 0
const nextPublishedDay = () => `2026-11-${String(++publishedDays).padStart(2, '0')}`
const newPublication = async (h: Harness, o: Org) => (await post(h, o, '/api/publications', { campaignId: sv.campaignId, from: '2026-11-01', to: nextPublishedDay() })).id
const flaggedResponse = async (h: Harness) => {
  const res = await h.request('POST', `/api/s/${sv.tokens.A}/responses`, {
    body: { versionId: sv.versionId, answers: { overall: 4 }, clientKey: fresh('route-table-client-key-'), durationMs: 100 },
  })
  const { trackingCode } = (await res.json()) as { trackingCode: string }
  return h.db.selectFrom('responses').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()
}
const newKiosk = async (h: Harness, o: Org) => {
  const res = await h.request('POST', '/api/kiosks', { cookie: o.cookies.admin, body: { windowId: o.windows.A, name: fresh('评价器') } })
  return (await res.json()) as { kiosk: { id: number }; url: string }
}
const newCode = async (h: Harness, o: Org) => {
  const res = await h.request('POST', '/api/codes', { cookie: o.cookies.admin, body: { windowId: o.windows.A, transactionId: fresh('TX-') } })
  return ((await res.json()) as { code: string }).code
}
const submission = () => ({ versionId: sv.versionId, answers: { overall: 5 }, clientKey: fresh('route-table-channel-key-'), durationMs: 8000 })
let unitKey = ''
const keyForUnitA = async () => {
  if (!unitKey) {
    const res = await h().request('POST', '/api/api-keys', { cookie: o.cookies.admin, body: { unitId: o.units.A, name: '测试叫号系统' } })
    unitKey = ((await res.json()) as { key: string }).key
  }
  return unitKey
}
let sup: Supervision
const appointee = () => ({ username: fresh('deputy.'), displayName: '临时代表', kind: 'npc_deputy', organisation: null, phone: '13900001111', letterNo: null, termStart: '2026-01-01', termEnd: '2026-12-31' })
const newSupervisor = async (h: Harness, o: Org) => ((await post(h, o, '/api/supervisors', appointee())) as unknown as { supervisor: { id: number } }).supervisor
const visitBody = (o: Org, extra: Record<string, unknown> = {}) => ({
  campaignId: sv.campaignId,
  windowId: o.windows.A,
  questionnaireId: sup.formId,
  type: 'open',
  visitedAt: '2026-11-20T01:00:00.000Z',
  answers: { environment: true, areas: true, process: true, conveniences: true, uniform: true },
  notes: null,
  ...extra,
})
const newVisit = async (h: Harness, o: Org, submit = false) => {
  const res = await h.request('POST', '/api/visits', { cookie: o.cookies.supervisor, body: visitBody(o) })
  expect(res.status, await res.clone().text()).toBe(201)
  const { id } = (await res.json()) as { id: number }
  if (submit) expect((await h.request('POST', `/api/visits/${id}/submit`, { cookie: o.cookies.supervisor })).status).toBe(200)
  return id
}
const newPhoto = async (h: Harness, o: Org, submit = false) => {
  const visit = await newVisit(h, o)
  const res = await h.request('POST', `/api/visits/${visit}/photos`, { cookie: o.cookies.supervisor, raw: JPEG, contentType: 'image/jpeg' })
  expect(res.status, await res.clone().text()).toBe(201)
  const { id } = (await res.json()) as { id: number }
  if (submit) expect((await h.request('POST', `/api/visits/${visit}/submit`, { cookie: o.cookies.supervisor })).status).toBe(200)
  return { visit, id }
}
const newAssignment = (h: Harness, o: Org) => post(h, o, `/api/campaigns/${sv.campaignId}/assignments`, { supervisorId: o.users.supervisor.id, scope: { windowIds: [o.windows.B] } })
const windowIdsOf = (b: unknown) => (b as { windows: { windowId: number }[] }).windows.map((w) => w.windowId)
const definition = { title: { zh: '测试问卷' }, questions: [{ key: 'overall', type: 'satisfaction5', text: { zh: '整体满意度' }, required: true, overall: true }] }

const CASES: Record<string, Case> = {
  'get /healthz': { public: true, ok: { status: 200, call: () => ({ path: '/healthz' }) } },
  'get /readyz': { public: true, ok: { status: 200, call: () => ({ path: '/readyz' }) } },
  'get /api/openapi.json': { public: true, ok: { status: 200, call: () => ({ path: '/api/openapi.json' }) } },

  'post /api/auth/login': {
    public: true,
    ok: { status: 200, call: () => ({ path: '/api/auth/login', body: { username: 'viewer', password: 'Passw0rd-for-tests' } }) },
    bad: () => ({ path: '/api/auth/login', body: { username: 'viewer' } }),
  },
  'post /api/auth/logout': { public: true, ok: { status: 200, session: (o, h) => h.login('viewer'), call: () => ({ path: '/api/auth/logout' }) } },
  'get /api/auth/me': {
    ok: { status: 200, as: 'manager', call: () => ({ path: '/api/auth/me' }), check: (b, o) => expect((b as { user: { id: number } }).user.id).toBe(o.users.manager.id) },
  },
  'post /api/auth/password': {
    ok: {
      status: 200,
      // Changing a password ends the user's other sessions, so this uses a user of its own.
      session: async (o, h) => {
        const user = (await (await h.request('GET', `/api/users/${(await newUser(h, o)).id}`, { cookie: o.cookies.admin })).json()) as { username: string }
        return h.login(user.username, 'Temporary-pass-1')
      },
      call: () => ({ path: '/api/auth/password', body: { currentPassword: 'Temporary-pass-1', newPassword: 'Passw0rd-for-tests-2' } }),
    },
    bad: () => ({ path: '/api/auth/password', body: { currentPassword: 'x', newPassword: 'short' } }),
  },

  'get /api/users': { ok: { status: 200, call: () => ({ path: '/api/users' }) }, bad: () => ({ path: '/api/users?limit=0' }), forbiddenFor: 'manager' },
  'post /api/users': {
    ok: { status: 201, call: (o) => ({ path: '/api/users', body: { username: fresh('mgr'), displayName: '新经理', role: 'manager', unitIds: [o.units.B], password: 'Temporary-pass-1' } }) },
    bad: () => ({ path: '/api/users', body: { username: 'X', displayName: '', role: 'boss', password: 'short' } }),
    forbiddenFor: 'manager',
  },
  'get /api/users/{id}': { ok: { status: 200, call: (o) => ({ path: `/api/users/${o.users.viewer.id}` }) }, bad: () => ({ path: '/api/users/abc' }), forbiddenFor: 'viewer' },
  'patch /api/users/{id}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/users/${(await newUser(h, o)).id}`, body: { displayName: '改名了' } }) },
    bad: (o) => ({ path: `/api/users/${o.users.viewer.id}`, body: { role: 'king' } }),
    forbiddenFor: 'manager',
  },
  'post /api/users/{id}/reset-password': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/users/${(await newUser(h, o)).id}/reset-password` }) },
    bad: () => ({ path: '/api/users/0/reset-password' }),
    forbiddenFor: 'supervisor',
  },

  'get /api/org/tree': {
    ok: { status: 200, call: () => ({ path: '/api/org/tree' }) },
    bad: () => ({ path: '/api/org/tree?includeInactive=maybe' }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'manager',
      call: () => ({ path: '/api/org/tree' }),
      check: (b, o) => {
        const tree = b as { units: { id: number }[]; windows: { id: number }[]; sectors: { id: number }[] }
        expect(tree.units.map((u) => u.id).sort()).toEqual([o.units.A, o.units.A1].sort())
        expect(tree.windows.map((w) => w.id)).not.toContain(o.windows.B)
        expect(tree.sectors.map((s) => s.id)).toEqual([o.sectors.water])
      },
    },
  },
  'get /api/org/sectors': {
    ok: { status: 200, call: () => ({ path: '/api/org/sectors' }) },
    bad: () => ({ path: '/api/org/sectors?includeInactive=2' }),
    forbiddenFor: 'supervisor',
    scopedList: { as: 'viewerB', call: () => ({ path: '/api/org/sectors' }), check: (b, o) => expect(ids(b)).toEqual([o.sectors.water]) },
  },
  'get /api/org/sectors/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/sectors/${o.sectors.bus}` }) },
    bad: () => ({ path: '/api/org/sectors/-1' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/sectors/${o.sectors.bus}` }) },
  },
  'post /api/org/sectors': {
    ok: { status: 201, call: () => ({ path: '/api/org/sectors', body: { name: fresh('燃气') } }) },
    bad: () => ({ path: '/api/org/sectors', body: { name: 'a/b' } }),
    forbiddenFor: 'manager',
  },
  'patch /api/org/sectors/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/sectors/${o.sectors.bus}`, body: { code: 'BUS' } }) },
    bad: (o) => ({ path: `/api/org/sectors/${o.sectors.bus}`, body: { name: '' } }),
    forbiddenFor: 'viewer',
  },
  'post /api/org/sectors/{id}/deactivate': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/org/sectors/${(await post(h, o, '/api/org/sectors', { name: fresh('停用行业') })).id}/deactivate` }) },
    bad: () => ({ path: '/api/org/sectors/x/deactivate' }),
    forbiddenFor: 'manager',
  },
  'post /api/org/sectors/{id}/activate': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/sectors/${o.sectors.bus}/activate` }) },
    bad: () => ({ path: '/api/org/sectors/1.5/activate' }),
    forbiddenFor: 'manager',
  },

  'get /api/org/units': {
    ok: { status: 200, call: () => ({ path: '/api/org/units' }) },
    bad: () => ({ path: '/api/org/units?limit=100000' }),
    forbiddenFor: 'supervisor',
    scopedList: { as: 'manager', call: () => ({ path: '/api/org/units' }), check: (b, o) => expect(ids(b).sort()).toEqual([o.units.A, o.units.A1].sort()) },
  },
  'get /api/org/units/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/units/${o.units.B}` }) },
    bad: () => ({ path: '/api/org/units/abc' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/units/${o.units.B}` }) },
  },
  'post /api/org/units': {
    ok: { status: 201, call: (o) => ({ path: '/api/org/units', body: { parentId: o.units.B, name: fresh('新营业所') } }) },
    bad: () => ({ path: '/api/org/units', body: { name: '没有上级' } }),
    forbiddenFor: 'manager',
  },
  'patch /api/org/units/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/units/${o.units.C}`, body: { hotline: '96660' } }) },
    bad: (o) => ({ path: `/api/org/units/${o.units.A}`, body: { parentId: o.units.A1 } }),
    forbiddenFor: 'manager',
  },
  'post /api/org/units/{id}/deactivate': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/org/units/${(await newUnit(h, o)).id}/deactivate` }) },
    bad: () => ({ path: '/api/org/units/0/deactivate' }),
    forbiddenFor: 'manager',
  },
  'post /api/org/units/{id}/activate': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/units/${o.units.C}/activate` }) },
    bad: () => ({ path: '/api/org/units/abc/activate' }),
    forbiddenFor: 'viewer',
  },

  'get /api/org/windows': {
    ok: { status: 200, call: () => ({ path: '/api/org/windows' }) },
    bad: () => ({ path: '/api/org/windows?offset=-1' }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'viewerB',
      call: () => ({ path: '/api/org/windows?includeInactive=true' }),
      check: (b, o) => expect(ids(b)).toEqual([o.windows.B]),
    },
  },
  'get /api/org/windows/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/windows/${o.windows.A1}` }), as: 'manager' },
    bad: () => ({ path: '/api/org/windows/abc' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.B}` }) },
  },
  'post /api/org/windows': {
    ok: { status: 201, as: 'manager', call: (o) => ({ path: '/api/org/windows', body: { unitId: o.units.A1, code: fresh('M-'), name: '经理建的窗口', kind: 'station' } }) },
    bad: (o) => ({ path: '/api/org/windows', body: { unitId: o.units.A, code: '-bad code-', name: 'x' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: '/api/org/windows', body: { unitId: o.units.B, code: 'M-99', name: '越权窗口' } }) },
  },
  'patch /api/org/windows/{id}': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.A}`, body: { openingHours: '周一至周五 9:00–17:00' } }) },
    bad: (o) => ({ path: `/api/org/windows/${o.windows.A}`, body: { kind: 'booth' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.B}`, body: { name: '越权' } }) },
  },
  'post /api/org/windows/{id}/deactivate': {
    ok: { status: 200, as: 'manager', call: async (o, h) => ({ path: `/api/org/windows/${(await newWindow(h, o)).id}/deactivate` }) },
    bad: () => ({ path: '/api/org/windows/abc/deactivate' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.B}/deactivate` }) },
  },
  'post /api/org/windows/{id}/activate': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/windows/${o.windows.C}/activate` }) },
    bad: () => ({ path: '/api/org/windows/abc/activate' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.C}/activate` }) },
  },

  'get /api/org/staff': {
    ok: { status: 200, call: () => ({ path: '/api/org/staff' }) },
    bad: () => ({ path: '/api/org/staff?windowId=abc' }),
    forbiddenFor: 'supervisor',
    scopedList: { as: 'manager', call: () => ({ path: '/api/org/staff' }), check: (b, o) => expect(ids(b)).not.toContain(o.staff.B) },
  },
  'get /api/org/staff/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/staff/${o.staff.B}` }) },
    bad: () => ({ path: '/api/org/staff/abc' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/staff/${o.staff.B}` }) },
  },
  'post /api/org/staff': {
    ok: { status: 201, as: 'manager', call: (o) => ({ path: '/api/org/staff', body: { windowId: o.windows.A1, employeeNo: fresh('E'), name: '赵敏' } }) },
    bad: (o) => ({ path: '/api/org/staff', body: { windowId: o.windows.A, employeeNo: '', name: 'x'.repeat(51) } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: '/api/org/staff', body: { windowId: o.windows.B, employeeNo: 'X1', name: '越权' } }) },
  },
  'patch /api/org/staff/{id}': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/org/staff/${o.staff.A}`, body: { windowId: o.windows.A1 } }) },
    bad: (o) => ({ path: `/api/org/staff/${o.staff.A}`, body: { windowId: 'A-01' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/staff/${o.staff.B}`, body: { name: '越权' } }) },
  },
  'post /api/org/staff/{id}/deactivate': {
    ok: { status: 200, as: 'manager', call: async (o, h) => ({ path: `/api/org/staff/${(await newStaff(h, o)).id}/deactivate` }) },
    bad: () => ({ path: '/api/org/staff/abc/deactivate' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/staff/${o.staff.B}/deactivate` }) },
  },
  'post /api/org/staff/{id}/activate': {
    ok: { status: 200, call: (o) => ({ path: `/api/org/staff/${o.staff.B}/activate` }) },
    bad: () => ({ path: '/api/org/staff/abc/activate' }),
    forbiddenFor: 'supervisor',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/staff/${o.staff.B}/activate` }) },
  },

  'get /api/questionnaires': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: '/api/questionnaires?kind=citizen' }) },
    bad: () => ({ path: '/api/questionnaires?kind=robot' }),
    forbiddenFor: 'supervisor',
  },
  'get /api/questionnaires/templates': {
    ok: { status: 200, as: 'manager', call: () => ({ path: '/api/questionnaires/templates' }), check: (b) => expect(ids(b)).toHaveLength(7) },
    forbiddenFor: 'supervisor',
  },
  'post /api/questionnaires': {
    ok: { status: 201, call: () => ({ path: '/api/questionnaires', body: { kind: 'citizen', name: fresh('问卷'), definition } }) },
    bad: () => ({ path: '/api/questionnaires', body: { kind: 'citizen', name: '没有整体题', definition: { title: { zh: 't' }, questions: [{ key: 'a', type: 'text', text: { zh: 'a' } }] } } }),
    forbiddenFor: 'manager',
  },
  'get /api/questionnaires/{id}': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/questionnaires/${sv.questionnaireId}` }) },
    bad: () => ({ path: '/api/questionnaires/abc' }),
    forbiddenFor: 'supervisor',
  },
  'patch /api/questionnaires/{id}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/questionnaires/${(await newQuestionnaire(h, o)).id}`, body: { description: '改过的说明' } }) },
    bad: () => ({ path: `/api/questionnaires/${sv.questionnaireId}`, body: { name: '' } }),
    forbiddenFor: 'manager',
  },
  'get /api/questionnaires/{id}/versions/{version}': {
    ok: { status: 200, as: 'manager', call: () => ({ path: `/api/questionnaires/${sv.questionnaireId}/versions/1` }) },
    bad: () => ({ path: `/api/questionnaires/${sv.questionnaireId}/versions/zero` }),
    forbiddenFor: 'supervisor',
  },
  'put /api/questionnaires/{id}/draft': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/questionnaires/${(await newQuestionnaire(h, o)).id}/draft`, body: { definition } }) },
    bad: () => ({ path: `/api/questionnaires/${sv.questionnaireId}/draft`, body: { definition: { title: { zh: '' }, questions: [] } } }),
    forbiddenFor: 'viewer',
  },
  'post /api/questionnaires/{id}/publish': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/questionnaires/${(await newQuestionnaire(h, o)).id}/publish` }) },
    bad: () => ({ path: '/api/questionnaires/abc/publish' }),
    forbiddenFor: 'manager',
  },

  'get /api/campaigns': { ok: { status: 200, as: 'viewer', call: () => ({ path: '/api/campaigns' }) }, forbiddenFor: 'supervisor' },
  'post /api/campaigns': {
    ok: { status: 201, call: (o) => ({ path: '/api/campaigns', body: campaignBody(o) }) },
    bad: (o) => ({ path: '/api/campaigns', body: campaignBody(o, { endsOn: '2026-10-01' }) }),
    forbiddenFor: 'manager',
  },
  'get /api/campaigns/{id}': {
    ok: { status: 200, as: 'manager', call: () => ({ path: `/api/campaigns/${sv.campaignId}` }) },
    bad: () => ({ path: '/api/campaigns/abc' }),
    forbiddenFor: 'supervisor',
  },
  'put /api/campaigns/{id}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/campaigns/${(await newCampaign(h, o)).id}`, body: campaignBody(o, { targetRate: 0.9 }) }) },
    bad: (o) => ({ path: `/api/campaigns/${sv.campaignId}`, body: campaignBody(o, { targetRate: 2 }) }),
    forbiddenFor: 'manager',
  },
  'post /api/campaigns/{id}/activate': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/campaigns/${(await newCampaign(h, o)).id}/activate` }) },
    bad: () => ({ path: '/api/campaigns/abc/activate' }),
    forbiddenFor: 'manager',
  },
  'post /api/campaigns/{id}/close': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/campaigns/${(await newCampaign(h, o)).id}/close` }) },
    bad: () => ({ path: '/api/campaigns/abc/close' }),
    forbiddenFor: 'viewer',
  },

  'get /api/s/{token}': { public: true, ok: { status: 200, call: () => ({ path: `/api/s/${sv.tokens.A}` }) } },
  'post /api/s/{token}/responses': {
    public: true,
    ok: { status: 201, call: () => ({ path: `/api/s/${sv.tokens.B}/responses`, body: { versionId: sv.versionId, answers: { overall: 5 }, clientKey: fresh('route-table-ok-key-'), durationMs: 8000 } }) },
    bad: () => ({ path: `/api/s/${sv.tokens.B}/responses`, body: { versionId: sv.versionId, answers: { overall: 9 }, clientKey: fresh('route-table-bad-key-') } }),
  },
  'get /api/responses': {
    ok: { status: 200, call: () => ({ path: '/api/responses?status=flagged' }) },
    bad: () => ({ path: '/api/responses?status=maybe' }),
    forbiddenFor: 'manager',
  },
  'post /api/responses/{id}/review': {
    ok: { status: 200, call: async (_o, h) => ({ path: `/api/responses/${(await flaggedResponse(h)).id}/review`, body: { decision: 'valid' } }) },
    bad: () => ({ path: '/api/responses/1/review', body: { decision: 'rejected' } }),
    forbiddenFor: 'viewer',
  },

  'get /api/org/windows/{id}/qr': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.A}/qr` }) },
    bad: () => ({ path: '/api/org/windows/abc/qr' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.B}/qr` }) },
  },
  'get /api/org/windows/{id}/qr.svg': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.A1}/qr.svg` }), check: (b) => expect(String(b)).toMatch(/^<svg/) },
    bad: () => ({ path: '/api/org/windows/abc/qr.svg' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.C}/qr.svg` }) },
  },
  'post /api/org/windows/{id}/rotate-token': {
    ok: { status: 200, as: 'manager', call: async (o, h) => ({ path: `/api/org/windows/${(await newWindow(h, o)).id}/rotate-token` }) },
    bad: () => ({ path: '/api/org/windows/abc/rotate-token' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/org/windows/${o.windows.C}/rotate-token` }) },
  },
  'get /api/kiosks': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/kiosks?windowId=${o.windows.A}` }) },
    bad: () => ({ path: '/api/kiosks' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/kiosks?windowId=${o.windows.B}` }) },
  },
  'post /api/kiosks': {
    ok: { status: 201, as: 'manager', call: (o) => ({ path: '/api/kiosks', body: { windowId: o.windows.A1, name: '平板' } }) },
    bad: (o) => ({ path: '/api/kiosks', body: { windowId: o.windows.A, name: '' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: '/api/kiosks', body: { windowId: o.windows.B, name: '越权' } }) },
  },
  'post /api/kiosks/{id}/revoke': {
    ok: { status: 200, as: 'manager', call: async (o, h) => ({ path: `/api/kiosks/${(await newKiosk(h, o)).kiosk.id}/revoke` }) },
    bad: () => ({ path: '/api/kiosks/abc/revoke' }),
    forbiddenFor: 'viewer',
  },
  'get /api/api-keys': { ok: { status: 200, call: (o) => ({ path: `/api/api-keys?unitId=${o.units.A}` }) }, bad: () => ({ path: '/api/api-keys?unitId=x' }), forbiddenFor: 'manager' },
  'post /api/api-keys': {
    ok: { status: 201, call: (o) => ({ path: '/api/api-keys', body: { unitId: o.units.A, name: '叫号系统' } }), check: (b) => (unitKey = (b as { key: string }).key) },
    bad: (o) => ({ path: '/api/api-keys', body: { unitId: o.units.A } }),
    forbiddenFor: 'manager',
  },
  'post /api/api-keys/{id}/revoke': {
    ok: {
      status: 200,
      call: async (o, h) => {
        const created = (await post(h, o, '/api/api-keys', { unitId: o.units.B, name: '旧钥匙' })) as unknown as { apiKey: { id: number } }
        return { path: `/api/api-keys/${created.apiKey.id}/revoke` }
      },
    },
    bad: () => ({ path: '/api/api-keys/abc/revoke' }),
    forbiddenFor: 'manager',
  },
  'post /api/codes': {
    ok: { status: 201, as: 'manager', call: (o) => ({ path: '/api/codes', body: { windowId: o.windows.A, transactionId: fresh('TX-M-') } }) },
    bad: (o) => ({ path: '/api/codes', body: { windowId: o.windows.A, transactionId: 'has spaces and 中文' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: '/api/codes', body: { windowId: o.windows.B, transactionId: 'TX-OTHER' } }) },
  },
  'post /api/unit/codes': {
    // Authenticated by the key, not a session: the "signed-in user" rows below use no cookie.
    public: true,
    ok: { status: 201, call: () => ({ path: '/api/unit/codes', body: { windowCode: 'A-01', transactionId: fresh('TX-K-') } }) },
    bad: () => ({ path: '/api/unit/codes', body: { transactionId: 'TX-1' } }),
  },
  'get /api/operator/windows/{id}/survey': {
    ok: { status: 200, as: 'manager', call: (o) => ({ path: `/api/operator/windows/${o.windows.A}/survey` }) },
    bad: () => ({ path: '/api/operator/windows/abc/survey' }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: `/api/operator/windows/${o.windows.B}/survey` }) },
  },
  'post /api/operator/responses': {
    ok: { status: 201, as: 'manager', call: (o) => ({ path: '/api/operator/responses', body: { versionId: sv.versionId, answers: { overall: 4 }, clientKey: fresh('route-table-operator-'), windowId: o.windows.A, channel: 'paper' } }) },
    bad: (o) => ({ path: '/api/operator/responses', body: { versionId: sv.versionId, answers: { overall: 4 }, clientKey: fresh('route-table-operator-'), windowId: o.windows.A, channel: 'fax' } }),
    forbiddenFor: 'viewer',
    otherUnit: { as: 'manager', call: (o) => ({ path: '/api/operator/responses', body: { versionId: sv.versionId, answers: { overall: 4 }, clientKey: fresh('route-table-operator-'), windowId: o.windows.B, channel: 'paper' } }) },
  },
  'get /api/k/{token}': { public: true, ok: { status: 200, call: async (o, h) => ({ path: new URL((await newKiosk(h, o)).url).pathname.replace('/k/', '/api/k/') }) } },
  'post /api/k/{token}/responses': {
    public: true,
    ok: { status: 201, call: async (o, h) => ({ path: new URL((await newKiosk(h, o)).url).pathname.replace('/k/', '/api/k/') + '/responses', body: submission() }) },
  },
  'get /api/c/{code}': { public: true, ok: { status: 200, call: async (o, h) => ({ path: `/api/c/${await newCode(h, o)}` }) } },
  'post /api/c/{code}/responses': {
    public: true,
    ok: { status: 201, call: async (o, h) => ({ path: `/api/c/${await newCode(h, o)}/responses`, body: submission() }) },
    bad: () => ({ path: '/api/c/zzzzzzzzzz/responses', body: { versionId: 1 } }),
  },

  'get /api/supervisors': {
    ok: { status: 200, call: () => ({ path: '/api/supervisors?status=active' }), check: (b, o) => expect(ids(b)).toContain(o.users.supervisor.id) },
    bad: () => ({ path: '/api/supervisors?status=robot' }),
    forbiddenFor: 'manager',
  },
  'post /api/supervisors': {
    ok: { status: 201, call: () => ({ path: '/api/supervisors', body: appointee() }) },
    bad: () => ({ path: '/api/supervisors', body: { ...appointee(), phone: '12345' } }),
    forbiddenFor: 'manager',
  },
  'get /api/supervisors/{id}': {
    ok: { status: 200, call: (o) => ({ path: `/api/supervisors/${o.users.supervisor.id}` }), check: (b) => expect(b).toMatchObject({ phone: '13812345678' }) },
    bad: () => ({ path: '/api/supervisors/abc' }),
    forbiddenFor: 'viewer',
  },
  'put /api/supervisors/{id}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/supervisors/${(await newSupervisor(h, o)).id}`, body: { ...appointee(), username: undefined, displayName: '改名代表' } }) },
    bad: (o) => ({ path: `/api/supervisors/${o.users.supervisor.id}`, body: { ...appointee(), username: undefined, termEnd: '2025-01-01' } }),
    forbiddenFor: 'manager',
  },
  'post /api/supervisors/{id}/renew': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/supervisors/${(await newSupervisor(h, o)).id}/renew`, body: { termEnd: '2028-12-31' } }) },
    bad: (o) => ({ path: `/api/supervisors/${o.users.supervisor.id}/renew`, body: { termEnd: 'next year' } }),
    forbiddenFor: 'manager',
  },
  'post /api/supervisors/{id}/end': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/supervisors/${(await newSupervisor(h, o)).id}/end`, body: { reason: '任期调整' } }) },
    bad: (o) => ({ path: `/api/supervisors/${o.users.supervisor.id}/end`, body: { reason: '' } }),
    forbiddenFor: 'manager',
  },
  'post /api/supervisors/import': {
    ok: {
      status: 200,
      call: () => ({ path: '/api/supervisors/import?dryRun=true', raw: `username,display_name,kind,term_start,term_end\n${fresh('csv.user')},导入代表,人大代表,2026-01-01,2026-12-31\n`, contentType: 'text/csv' }),
      check: (b) => expect(b).toMatchObject({ dryRun: true, created: 1 }),
    },
    bad: () => ({ path: '/api/supervisors/import', raw: 'username,display_name,kind,term_start,term_end\nx,,人大代表,2026-01-01,2026-12-31\n', contentType: 'text/csv' }),
    forbiddenFor: 'manager',
  },
  'get /api/supervisors/export': {
    ok: { status: 200, call: () => ({ path: '/api/supervisors/export' }), check: (b) => expect(String(b)).toContain('supervisor,') },
    forbiddenFor: 'viewer',
  },
  'get /api/campaigns/{id}/supervision': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/supervision` }), check: (b) => expect(b).toMatchObject({ visitsPerWindowPerMonth: 2 }) },
    bad: () => ({ path: '/api/campaigns/abc/supervision' }),
    forbiddenFor: 'supervisor',
  },
  'put /api/campaigns/{id}/supervision': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/campaigns/${(await newCampaign(h, o)).id}/supervision`, body: { questionnaireIds: [sup.formId], visitsPerWindowPerMonth: 3 } }) },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/supervision`, body: { questionnaireIds: [], visitsPerWindowPerMonth: 0 } }),
    forbiddenFor: 'manager',
  },
  'post /api/campaigns/{id}/assignments': {
    ok: { status: 201, call: (o) => ({ path: `/api/campaigns/${sv.campaignId}/assignments`, body: { supervisorId: o.users.supervisor.id, scope: { windowIds: [o.windows.B] } } }) },
    bad: (o) => ({ path: `/api/campaigns/${sv.campaignId}/assignments`, body: { supervisorId: o.users.supervisor.id, scope: { windowIds: [] } } }),
    forbiddenFor: 'manager',
  },
  'delete /api/campaigns/{id}/assignments/{assignmentId}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/campaigns/${sv.campaignId}/assignments/${(await newAssignment(h, o)).id}` }) },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/assignments/abc` }),
    forbiddenFor: 'manager',
  },
  'get /api/campaigns/{id}/supervision/summary': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/supervision/summary?month=2026-11` }) },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/supervision/summary?month=November` }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'manager',
      call: () => ({ path: `/api/campaigns/${sv.campaignId}/supervision/summary` }),
      check: (b, o) => expect(windowIdsOf(b).sort()).toEqual([o.windows.A, o.windows.A1].sort()),
    },
  },
  'get /api/campaigns/{id}/rankings': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings?level=window&method=wilson` }) },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings?method=magic` }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'manager',
      call: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings` }),
      check: (b, o) => expect(ids(b).sort()).toEqual([o.windows.A, o.windows.A1].sort()),
    },
  },
  'get /api/campaigns/{id}/overview': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/overview?from=2026-11-01&to=2026-11-30` }) },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/overview?from=2026-11-30&to=2026-11-01` }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'manager',
      call: () => ({ path: `/api/campaigns/${sv.campaignId}/overview` }),
      check: (b) => expect((b as { windows: { attained: number; notAttained: number; insufficient: number } }).windows).toEqual({ attained: 0, notAttained: 0, insufficient: 2 }),
    },
  },
  'get /api/campaigns/{id}/rankings/export': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings/export` }), check: (b) => expect(String(b)).toContain('排名,上期排名,名称') },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings/export?level=planet` }),
    forbiddenFor: 'supervisor',
    scopedList: { as: 'manager', call: () => ({ path: `/api/campaigns/${sv.campaignId}/rankings/export` }), check: (b) => expect(String(b)).not.toContain('B-01') },
  },
  'get /api/campaigns/{id}/responses/export': {
    ok: { status: 200, as: 'viewer', call: () => ({ path: `/api/campaigns/${sv.campaignId}/responses/export` }), check: (b) => expect(String(b)).toContain('查询码') },
    bad: () => ({ path: `/api/campaigns/${sv.campaignId}/responses/export?from=yesterday` }),
    forbiddenFor: 'supervisor',
    scopedList: { as: 'manager', call: () => ({ path: `/api/campaigns/${sv.campaignId}/responses/export` }), check: (b) => expect(String(b)).not.toContain(',B-01,') },
  },
  'get /api/publications': {
    ok: { status: 200, call: async (o, h) => (await newPublication(h, o), { path: `/api/publications?campaignId=${sv.campaignId}` }), check: (b) => expect(ids(b).length).toBeGreaterThan(0) },
    bad: () => ({ path: '/api/publications?campaignId=abc' }),
    forbiddenFor: 'manager',
  },
  'post /api/publications': {
    ok: { status: 201, call: () => ({ path: '/api/publications', body: { campaignId: sv.campaignId, from: '2026-11-01', to: nextPublishedDay() } }), check: (b) => expect(b).toMatchObject({ status: 'published' }) },
    bad: () => ({ path: '/api/publications', body: { campaignId: sv.campaignId, from: '2026-11-10', to: '2026-11-01' } }),
    forbiddenFor: 'viewer',
  },
  'get /api/publications/{id}': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/publications/${await newPublication(h, o)}` }) },
    bad: () => ({ path: '/api/publications/abc' }),
    forbiddenFor: 'manager',
  },
  'post /api/publications/{id}/withdraw': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/publications/${await newPublication(h, o)}/withdraw`, body: { reason: '数据更正' } }), check: (b) => expect(b).toMatchObject({ status: 'withdrawn', withdrawReason: '数据更正' }) },
    bad: () => ({ path: '/api/publications/1/withdraw', body: { reason: '' } }),
    forbiddenFor: 'manager',
  },
  'get /api/public/publications': {
    public: true,
    ok: { status: 200, call: async (o, h) => (await newPublication(h, o), { path: '/api/public/publications' }), check: (b) => expect(ids(b).length).toBeGreaterThan(0) },
  },
  'get /api/public/publications/{id}': {
    public: true,
    ok: { status: 200, call: async (o, h) => ({ path: `/api/public/publications/${await newPublication(h, o)}` }), check: (b) => expect(b).toMatchObject({ content: { minSample: 30 } }) },
    bad: () => ({ path: '/api/public/publications/abc' }),
  },
  'get /api/public/publications/{id}/snapshot.json': {
    public: true,
    ok: { status: 200, call: async (o, h) => ({ path: `/api/public/publications/${await newPublication(h, o)}/snapshot.json` }), check: (b) => expect(b).toHaveProperty('rankings.window') },
    bad: () => ({ path: '/api/public/publications/abc/snapshot.json' }),
  },
  'get /api/my/assignments': {
    ok: { status: 200, as: 'supervisor', call: () => ({ path: '/api/my/assignments' }), check: (b) => expect(b).toMatchObject({ term: { canSubmit: true } }) },
    forbiddenFor: 'admin',
  },
  'get /api/my/visits': { ok: { status: 200, as: 'supervisor', call: () => ({ path: '/api/my/visits' }) }, forbiddenFor: 'manager' },
  'post /api/visits': {
    ok: { status: 201, as: 'supervisor', call: (o) => ({ path: '/api/visits', body: visitBody(o) }) },
    bad: (o) => ({ path: '/api/visits', body: visitBody(o, { type: 'sneaky' }) }),
    forbiddenFor: 'manager',
  },
  'put /api/visits/{id}': {
    ok: { status: 200, as: 'supervisor', call: async (o, h) => ({ path: `/api/visits/${await newVisit(h, o)}`, body: visitBody(o, { notes: '补充说明' }) }) },
    bad: (o) => ({ path: '/api/visits/abc', body: visitBody(o) }),
    forbiddenFor: 'manager',
  },
  'post /api/visits/{id}/submit': {
    ok: { status: 200, as: 'supervisor', call: async (o, h) => ({ path: `/api/visits/${await newVisit(h, o)}/submit` }) },
    bad: () => ({ path: '/api/visits/abc/submit' }),
    forbiddenFor: 'viewer',
  },
  'post /api/visits/{id}/photos': {
    ok: { status: 201, as: 'supervisor', call: async (o, h) => ({ path: `/api/visits/${await newVisit(h, o)}/photos`, raw: JPEG, contentType: 'image/jpeg' }) },
    bad: () => ({ path: '/api/visits/abc/photos', raw: JPEG, contentType: 'image/jpeg' }),
    forbiddenFor: 'manager',
  },
  'delete /api/visits/{id}/photos/{photoId}': {
    ok: {
      status: 200,
      as: 'supervisor',
      call: async (o, h) => {
        const photo = await newPhoto(h, o)
        return { path: `/api/visits/${photo.visit}/photos/${photo.id}` }
      },
    },
    bad: () => ({ path: '/api/visits/1/photos/abc' }),
    forbiddenFor: 'manager',
  },
  'get /api/visits': {
    ok: { status: 200, call: () => ({ path: `/api/visits?campaignId=${sv.campaignId}&findings=false` }) },
    bad: () => ({ path: '/api/visits?status=lost' }),
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'viewerB',
      call: () => ({ path: '/api/visits' }),
      check: (b) => expect((b as { items: unknown[] }).items).toEqual([]),
    },
  },
  'get /api/visits/{id}': {
    ok: { status: 200, as: 'manager', call: async (o, h) => ({ path: `/api/visits/${await newVisit(h, o, true)}` }) },
    bad: () => ({ path: '/api/visits/abc' }),
    otherUnit: { as: 'viewerB', call: () => ({ path: `/api/visits/${firstVisit}` }) },
  },
  'post /api/visits/{id}/annul': {
    ok: { status: 200, call: async (o, h) => ({ path: `/api/visits/${await newVisit(h, o, true)}/annul`, body: { reason: '重复提交' } }) },
    bad: () => ({ path: `/api/visits/${firstVisit}/annul`, body: { reason: '' } }),
    forbiddenFor: 'manager',
  },
  'get /api/photos/{id}': {
    ok: { status: 200, as: 'supervisor', call: async (o, h) => ({ path: `/api/photos/${(await newPhoto(h, o)).id}` }) },
    bad: () => ({ path: '/api/photos/abc' }),
    otherUnit: { as: 'viewerB', call: () => ({ path: `/api/photos/${firstPhoto}` }) },
  },

  'post /api/org/import': {
    ok: {
      status: 200,
      call: () => ({ path: '/api/org/import', raw: 'sector,unit_path,window_code,window_name\n燃气,燃气集团/营业厅,G-01,开户窗口\n', contentType: 'text/csv' }),
      check: (b) => expect(b).toMatchObject({ windowsCreated: 1, unitsCreated: 2, sectorsCreated: 1 }),
    },
    bad: () => ({ path: '/api/org/import', raw: 'sector,unit_path,window_code,window_name\n燃气,,G-02,\n', contentType: 'text/csv' }),
    forbiddenFor: 'manager',
  },
  'get /api/org/export': {
    ok: { status: 200, call: () => ({ path: '/api/org/export' }), check: (b) => expect(String(b)).toContain('A-01') },
    forbiddenFor: 'supervisor',
    scopedList: {
      as: 'manager',
      call: () => ({ path: '/api/org/export' }),
      check: (b) => {
        expect(String(b)).toContain('A1-01')
        expect(String(b)).not.toContain('B-01')
      },
    },
  },
}

const h = useHarness()
let o: Org
beforeAll(async () => {
  o = await seedOrg(h())
  sv = await seedSurvey(h(), o)
  sup = await seedSupervision(h(), o, sv)
  const photo = await newPhoto(h(), o, true)
  firstVisit = photo.visit
  firstPhoto = photo.id
})
let firstVisit = 0
let firstPhoto = 0

const send = async (method: string, call: Call, cookie?: string) =>
  h().request(method.toUpperCase(), call.path, {
    // Counter systems send their key and no cookie.
    ...(call.path === '/api/unit/codes' ? { noOrigin: true, headers: { Authorization: `Bearer ${await keyForUnitA()}` } } : { cookie }),
    ...(call.raw !== undefined ? { raw: call.raw, contentType: call.contentType } : call.body !== undefined ? { body: call.body } : {}),
  })

const expectError = async (res: Response, status: number) => {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  const body = JSON.parse(text) as { error: { code: string; message: string } }
  expect(body.error.code).toMatch(/^[a-z_]+$/)
  expect(body.error.message.length).toBeGreaterThan(0)
}

describe('the route table', () => {
  it('covers exactly the operations of the OpenAPI document', async () => {
    const doc = (await (await h().request('GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
    expect(operations.sort()).toEqual(Object.keys(CASES).filter((k) => k !== 'get /api/openapi.json').sort())
  })
})

describe.each(Object.entries(CASES))('%s', (key, c) => {
  const method = key.split(' ')[0]!

  it('succeeds for a user allowed to call it', async () => {
    const cookie = c.ok.session ? await c.ok.session(o, h()) : o.cookies[c.ok.as ?? 'admin']
    const res = await send(method, await c.ok.call(o, h()), cookie)
    const text = await res.text()
    expect(res.status, text).toBe(c.ok.status)
    if (c.ok.check) c.ok.check(res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, o)
  })

  if (c.bad) {
    it('refuses bad input with 400 and a JSON error', async () => {
      await expectError(await send(method, c.bad!(o), o.cookies.admin), 400)
    })
  }

  if (!c.public) {
    it('refuses a caller who is not signed in with 401', async () => {
      await expectError(await send(method, await c.ok.call(o, h())), 401)
    })
  }

  if (c.forbiddenFor) {
    it(`refuses the role of ${c.forbiddenFor} with 403`, async () => {
      await expectError(await send(method, await c.ok.call(o, h()), o.cookies[c.forbiddenFor!]), 403)
    })
  }

  if (c.otherUnit) {
    it(`answers 404 for another unit's data (${c.otherUnit.as})`, async () => {
      await expectError(await send(method, c.otherUnit!.call(o), o.cookies[c.otherUnit!.as]), 404)
    })
  }

  if (c.scopedList) {
    it(`shows ${c.scopedList.as} only their own units`, async () => {
      const res = await send(method, c.scopedList!.call(o), o.cookies[c.scopedList!.as])
      const text = await res.text()
      expect(res.status, text).toBe(200)
      c.scopedList!.check(res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, o)
    })
  }
})
