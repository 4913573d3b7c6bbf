import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSupervision, seedSurvey, tableCounts, type Org, type Supervision, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

/**
 * Every write route gets malformed JSON, missing fields, wrong types, overlong strings, unknown ids and an oversized
 * body. Each must answer 4xx with a JSON error (code and message), never 500, and write nothing.
 */
interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT'
  path: (o: Org) => string
  /** A valid body, from which the bad variants are made (undefined: the route takes no body). */
  sample?: (o: Org) => Record<string, unknown>
  /** The same route on an id that does not exist. */
  unknownPath?: (o: Org) => string
  /** Who calls it (default the admin). */
  as?: keyof Org['cookies']
}

let sv: Survey
let sup: Supervision
let draftVisit = 0
const visitBody = (o: Org) => ({ campaignId: sv.campaignId, windowId: o.windows.A, questionnaireId: sup.formId, type: 'open', visitedAt: '2026-11-20T01:00:00.000Z', answers: { environment: true }, notes: '备注' })
const supervisorBody = { displayName: '张代表', kind: 'npc_deputy', organisation: '第三选区', phone: '13900001111', letterNo: 'RD-1', termStart: '2026-01-01', termEnd: '2026-12-31' }
const definition = { title: { zh: '问卷' }, questions: [{ key: 'overall', type: 'satisfaction5', text: { zh: '整体' }, required: true, overall: true }] }

const ROUTES: Record<string, WriteRoute> = {
  login: { method: 'POST', path: () => '/api/auth/login', sample: () => ({ username: 'admin', password: 'Passw0rd-for-tests' }) },
  'change password': { method: 'POST', path: () => '/api/auth/password', sample: () => ({ currentPassword: 'Passw0rd-for-tests', newPassword: 'Brand-new-passw0rd' }) },
  'create user': {
    method: 'POST',
    path: () => '/api/users',
    sample: (o) => ({ username: 'newbie', displayName: '新人', role: 'manager', unitIds: [o.units.A], password: 'Temporary-pass-1' }),
  },
  'update user': {
    method: 'PATCH',
    path: (o) => `/api/users/${o.users.viewer.id}`,
    sample: (o) => ({ displayName: '改名', role: 'viewer', unitIds: [o.units.B], active: true }),
    unknownPath: () => '/api/users/999999',
  },
  'reset password': { method: 'POST', path: (o) => `/api/users/${o.users.viewer.id}/reset-password`, unknownPath: () => '/api/users/999999/reset-password' },
  'create sector': { method: 'POST', path: () => '/api/org/sectors', sample: () => ({ name: '燃气', code: 'GAS' }) },
  'update sector': { method: 'PATCH', path: (o) => `/api/org/sectors/${o.sectors.bus}`, sample: () => ({ name: '公共交通', code: 'BUS' }), unknownPath: () => '/api/org/sectors/999999' },
  'deactivate sector': { method: 'POST', path: (o) => `/api/org/sectors/${o.sectors.bus}/deactivate`, unknownPath: () => '/api/org/sectors/999999/deactivate' },
  'activate sector': { method: 'POST', path: (o) => `/api/org/sectors/${o.sectors.bus}/activate`, unknownPath: () => '/api/org/sectors/999999/activate' },
  'create unit': {
    method: 'POST',
    path: () => '/api/org/units',
    sample: (o) => ({ sectorId: o.sectors.water, parentId: o.units.A, name: '新营业所', code: 'XY', address: '人民路', hotline: '96606' }),
  },
  'update unit': {
    method: 'PATCH',
    path: (o) => `/api/org/units/${o.units.A1}`,
    sample: (o) => ({ name: '城东所', code: 'CD', address: '东路', hotline: '1', parentId: o.units.A }),
    unknownPath: () => '/api/org/units/999999',
  },
  'deactivate unit': { method: 'POST', path: (o) => `/api/org/units/${o.units.C}/deactivate`, unknownPath: () => '/api/org/units/999999/deactivate' },
  'activate unit': { method: 'POST', path: (o) => `/api/org/units/${o.units.C}/activate`, unknownPath: () => '/api/org/units/999999/activate' },
  'create window': {
    method: 'POST',
    path: () => '/api/org/windows',
    sample: (o) => ({ unitId: o.units.A, code: 'A-09', name: '新窗口', kind: 'window', location: '一楼', openingHours: '9-17' }),
  },
  'update window': {
    method: 'PATCH',
    path: (o) => `/api/org/windows/${o.windows.A}`,
    sample: (o) => ({ unitId: o.units.A, code: 'A-01', name: '受理', kind: 'team', location: '二楼', openingHours: '全天' }),
    unknownPath: () => '/api/org/windows/999999',
  },
  'deactivate window': { method: 'POST', path: (o) => `/api/org/windows/${o.windows.C}/deactivate`, unknownPath: () => '/api/org/windows/999999/deactivate' },
  'activate window': { method: 'POST', path: (o) => `/api/org/windows/${o.windows.C}/activate`, unknownPath: () => '/api/org/windows/999999/activate' },
  'create staff': { method: 'POST', path: () => '/api/org/staff', sample: (o) => ({ windowId: o.windows.A, employeeNo: 'A777', name: '周杰' }) },
  'update staff': {
    method: 'PATCH',
    path: (o) => `/api/org/staff/${o.staff.A}`,
    sample: (o) => ({ windowId: o.windows.A, employeeNo: 'A001', name: '王芳芳' }),
    unknownPath: () => '/api/org/staff/999999',
  },
  'deactivate staff': { method: 'POST', path: (o) => `/api/org/staff/${o.staff.B}/deactivate`, unknownPath: () => '/api/org/staff/999999/deactivate' },
  'activate staff': { method: 'POST', path: (o) => `/api/org/staff/${o.staff.B}/activate`, unknownPath: () => '/api/org/staff/999999/activate' },
  'create questionnaire': { method: 'POST', path: () => '/api/questionnaires', sample: () => ({ kind: 'citizen', name: '新问卷', description: '说明', definition }) },
  'update questionnaire': {
    method: 'PATCH',
    path: () => `/api/questionnaires/${sv.questionnaireId}`,
    sample: () => ({ name: '改名', description: '说明', archived: false }),
    unknownPath: () => '/api/questionnaires/999999',
  },
  'save a draft': { method: 'PUT', path: () => `/api/questionnaires/${sv.questionnaireId}/draft`, sample: () => ({ definition }), unknownPath: () => '/api/questionnaires/999999/draft' },
  'publish': { method: 'POST', path: () => `/api/questionnaires/${sv.questionnaireId}/publish`, unknownPath: () => '/api/questionnaires/999999/publish' },
  'create campaign': {
    method: 'POST',
    path: () => '/api/campaigns',
    sample: (o) => ({ name: '活动', description: '说明', startsOn: '2026-11-01', endsOn: '2026-11-30', scope: { windowIds: [o.windows.C] }, questionnaireId: sv.questionnaireId, targetRate: 0.95, minSample: 30 }),
  },
  'update campaign': {
    method: 'PUT',
    path: () => `/api/campaigns/${sv.campaignId}`,
    sample: (o) => ({ name: '活动', startsOn: '2026-11-01', endsOn: '2026-11-30', scope: { unitIds: [o.units.A, o.units.B] }, questionnaireId: sv.questionnaireId, minSeconds: 3 }),
    unknownPath: () => '/api/campaigns/999999',
  },
  'activate campaign': { method: 'POST', path: () => `/api/campaigns/${sv.campaignId}/activate`, unknownPath: () => '/api/campaigns/999999/activate' },
  'close campaign': { method: 'POST', path: () => '/api/campaigns/999999/close', unknownPath: () => '/api/campaigns/999998/close' },
  'submit a response': {
    method: 'POST',
    path: () => `/api/s/${sv.tokens.A}/responses`,
    sample: () => ({ versionId: sv.versionId, answers: { overall: 5 }, clientKey: 'malformed-input-key-01', durationMs: 9000, hp: '' }),
    unknownPath: () => '/api/s/aaaaaaaaaaaaaaaa/responses',
  },
  'rotate a QR token': { method: 'POST', path: (o) => `/api/org/windows/${o.windows.A}/rotate-token`, unknownPath: () => '/api/org/windows/999999/rotate-token' },
  'register a kiosk': { method: 'POST', path: () => '/api/kiosks', sample: (o) => ({ windowId: o.windows.A, name: '评价器' }) },
  'revoke a kiosk': { method: 'POST', path: () => '/api/kiosks/999999/revoke', unknownPath: () => '/api/kiosks/999998/revoke' },
  'create an API key': { method: 'POST', path: () => '/api/api-keys', sample: (o) => ({ unitId: o.units.A, name: '叫号系统' }) },
  'revoke an API key': { method: 'POST', path: () => '/api/api-keys/999999/revoke', unknownPath: () => '/api/api-keys/999998/revoke' },
  'issue a one-time code': { method: 'POST', path: () => '/api/codes', sample: (o) => ({ windowId: o.windows.A, transactionId: 'TX-1', validHours: 24 }) },
  'issue a code by API key': { method: 'POST', path: () => '/api/unit/codes', sample: () => ({ windowCode: 'A-01', transactionId: 'TX-2' }) },
  'operator entry': {
    method: 'POST',
    path: () => '/api/operator/responses',
    sample: (o) => ({ versionId: sv.versionId, answers: { overall: 3 }, clientKey: 'malformed-operator-key-1', windowId: o.windows.A, channel: 'hotline' }),
  },
  'submit at a kiosk': { method: 'POST', path: () => '/api/k/aaaaaaaaaaaaaaaaaaaaaaaa/responses', sample: () => ({ versionId: sv.versionId, answers: { overall: 5 }, clientKey: 'malformed-kiosk-key-001' }) },
  'submit with a code': { method: 'POST', path: () => '/api/c/aaaaaaaaaa/responses', sample: () => ({ versionId: sv.versionId, answers: { overall: 5 }, clientKey: 'malformed-code-key-0001' }) },
  'appoint a supervisor': { method: 'POST', path: () => '/api/supervisors', sample: () => ({ ...supervisorBody, username: 'zhang.daibiao' }) },
  'update a supervisor': { method: 'PUT', path: (o) => `/api/supervisors/${o.users.supervisor.id}`, sample: () => supervisorBody, unknownPath: () => '/api/supervisors/999999' },
  'renew a term': { method: 'POST', path: (o) => `/api/supervisors/${o.users.supervisor.id}/renew`, sample: () => ({ termEnd: '2027-12-31' }), unknownPath: () => '/api/supervisors/999999/renew' },
  'end an appointment': { method: 'POST', path: (o) => `/api/supervisors/${o.users.supervisor.id}/end`, sample: () => ({ reason: '调动' }), unknownPath: () => '/api/supervisors/999999/end' },
  'set campaign supervision': {
    method: 'PUT',
    path: () => `/api/campaigns/${sv.campaignId}/supervision`,
    sample: () => ({ questionnaireIds: [sup.formId], visitsPerWindowPerMonth: 2, undercoverPerWindowPerMonth: 1 }),
    unknownPath: () => '/api/campaigns/999999/supervision',
  },
  'assign a supervisor': {
    method: 'POST',
    path: () => `/api/campaigns/${sv.campaignId}/assignments`,
    sample: (o) => ({ supervisorId: o.users.supervisor.id, scope: { windowIds: [o.windows.B] } }),
    unknownPath: () => '/api/campaigns/999999/assignments',
  },
  'start a visit': { method: 'POST', as: 'supervisor', path: () => '/api/visits', sample: visitBody },
  'change a draft visit': { method: 'PUT', as: 'supervisor', path: () => `/api/visits/${draftVisit}`, sample: visitBody, unknownPath: () => '/api/visits/999999' },
  'submit a visit': { method: 'POST', as: 'supervisor', path: () => `/api/visits/${draftVisit}/submit`, unknownPath: () => '/api/visits/999999/submit' },
  'add a photo': { method: 'POST', as: 'supervisor', path: () => `/api/visits/${draftVisit}/photos`, unknownPath: () => '/api/visits/999999/photos' },
  'annul a visit': { method: 'POST', path: () => `/api/visits/${draftVisit}/annul`, sample: () => ({ reason: '重复' }), unknownPath: () => '/api/visits/999999/annul' },
  'publish results': { method: 'POST', path: () => '/api/publications', sample: () => ({ campaignId: sv.campaignId, from: '2026-11-01', to: '2026-11-07' }) },
  'withdraw a publication': { method: 'POST', path: () => '/api/publications/999999/withdraw', sample: () => ({ reason: '更正' }), unknownPath: () => '/api/publications/999998/withdraw' },
  'review a response': { method: 'POST', path: () => '/api/responses/999999/review', sample: () => ({ decision: 'rejected', reason: '重复' }), unknownPath: () => '/api/responses/999998/review' },
}

interface Vector {
  name: string
  raw?: string
  contentType?: string
  body?: unknown
  path?: string
}

function vectors(route: WriteRoute, o: Org): Vector[] {
  const out: Vector[] = [{ name: 'oversized body', raw: JSON.stringify({ name: 'x'.repeat(100 * 1024) }), contentType: 'application/json' }]
  if (route.unknownPath) out.push({ name: 'unknown id in the path', path: route.unknownPath(o), ...(route.sample ? { body: route.sample(o) } : {}) })
  const notNumber = route.path(o).replace(/\/\d+(\/|$)/, '/abc$1')
  if (notNumber !== route.path(o)) out.push({ name: 'id that is not a number', path: notNumber, ...(route.sample ? { body: route.sample(o) } : {}) })
  if (!route.sample) return out
  const sample = route.sample(o)
  out.push({ name: 'malformed JSON', raw: '{"name": "半截', contentType: 'application/json' })
  out.push({ name: 'a JSON array instead of an object', body: [sample] })
  out.push({ name: 'an unknown field', body: { ...sample, isAdmin: true } })
  if (route.method === 'POST') out.push({ name: 'missing fields', body: {} })
  for (const [key, value] of Object.entries(sample)) {
    const wrong = typeof value === 'string' ? 12345 : typeof value === 'number' ? 'abc' : typeof value === 'boolean' ? 'yes' : 'not-a-list'
    out.push({ name: `wrong type for ${key}`, body: { ...sample, [key]: wrong } })
    if (typeof value === 'string') out.push({ name: `overlong ${key}`, body: { ...sample, [key]: 'x'.repeat(5000) } })
    if (/Ids?$/.test(key)) out.push({ name: `unknown ${key}`, body: { ...sample, [key]: Array.isArray(value) ? [999999] : 999999 } })
    if (typeof value === 'number') out.push({ name: `negative ${key}`, body: { ...sample, [key]: -1 } })
  }
  return out
}

const h = useHarness()
let o: Org
beforeAll(async () => {
  o = await seedOrg(h())
  sv = await seedSurvey(h(), o)
  sup = await seedSupervision(h(), o, sv)
  const res = await h().request('POST', '/api/visits', { cookie: o.cookies.supervisor, body: visitBody(o) })
  draftVisit = ((await res.json()) as { id: number }).id
})

describe.each(Object.entries(ROUTES))('%s', (_name, route) => {
  it('answers every bad input with a 4xx JSON error and writes nothing', async () => {
    const cases = vectors(route, o)
    expect(cases.length).toBeGreaterThan(1)
    for (const v of cases) {
      h().advance(1000) // any write would now move updated_at
      const before = await tableCounts(h())
      const res = await h().request(route.method, v.path ?? route.path(o), {
        cookie: o.cookies[route.as ?? 'admin'],
        ...(v.raw !== undefined ? { raw: v.raw, contentType: v.contentType } : { body: v.body }),
      })
      const text = await res.text()
      expect(res.status, `${v.name}: ${text}`).toBeGreaterThanOrEqual(400)
      expect(res.status, `${v.name}: ${text}`).toBeLessThan(500)
      const body = JSON.parse(text) as { error: { code: string; message: string } }
      expect(body.error.code, v.name).toMatch(/^[a-z_]+$/)
      expect(body.error.message.length, v.name).toBeGreaterThan(0)
      expect(await tableCounts(h()), `${v.name} wrote something`).toEqual(before)
    }
  })
})

describe('CSV import', () => {
  it('refuses a body over 5 MB with 413', async () => {
    const csv = 'sector,unit_path,window_code,window_name\n' + '供水,单位,A-1,窗口\n'.repeat(400_000)
    const res = await h().request('POST', '/api/org/import', { cookie: o.cookies.admin, raw: csv, contentType: 'text/csv' })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('body_too_large')
  })

  it('refuses a body that is not CSV', async () => {
    const res = await h().request('POST', '/api/org/import', { cookie: o.cookies.admin, body: { csv: 'x' } })
    const text = await res.text()
    expect(res.status, text).toBe(415)
    expect(JSON.parse(text).error.code).toBe('unsupported_media_type')
  })
})
