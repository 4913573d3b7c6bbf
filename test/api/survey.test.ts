import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
})

let keys = 0
const clientKey = () => `test-client-key-${String(++keys).padStart(6, '0')}`
const submit = (token: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  h().request('POST', `/api/s/${token}/responses`, { body: { versionId: s.versionId, answers, clientKey: clientKey(), durationMs: 12_000, ...extra }, headers })

const stored = (where: { trackingCode?: string } = {}) =>
  h()
    .db.selectFrom('responses')
    .selectAll()
    .$if(where.trackingCode !== undefined, (q) => q.where('tracking_code', '=', where.trackingCode!))
    .execute()

describe('the citizen survey', () => {
  it('shows the window and the questionnaire behind a QR token, and gives the browser a device marker', async () => {
    const res = await h().request('GET', `/api/s/${s.tokens.A}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ state: 'open', window: { code: 'A-01', name: '综合受理窗口', unitName: '水务集团A' }, version: { id: s.versionId, version: 1 } })
    expect(body.version.definition.questions[0]).toMatchObject({ key: 'overall', type: 'satisfaction5' })
    expect(res.headers.get('set-cookie')).toMatch(/manyi_device=[^;]+;.*HttpOnly/)
  })

  it('says so for a window outside any active campaign, and for an unknown token', async () => {
    expect(await (await h().request('GET', `/api/s/${s.tokens.C}`)).json()).toMatchObject({ state: 'no_campaign', version: null })
    const unknown = await h().request('GET', '/api/s/aaaaaaaaaaaaaaaa')
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.code).toBe('survey_unknown')
  })

  it('stores a bad review with its follow-up, keeps the phone apart, and returns a tracking code', async () => {
    const res = await submit(s.tokens.A, { overall: 2, reasons: ['slow', 'rude'], comment: '排队一个小时', phone: '13812345678' }, {}, { 'X-Forwarded-For': '198.51.100.23' })
    expect(res.status).toBe(201)
    const { trackingCode } = await res.json()
    expect(trackingCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
    const [row] = await stored({ trackingCode })
    expect(row).toMatchObject({ channel: 'qr', status: 'valid', overall_level: 2, phone: '13812345678', questionnaire_version_id: s.versionId, window_id: o.windows.A, day: '2026-11-20', hour: 10 })
    expect(JSON.parse(row!.answers)).toEqual({ overall: 2, reasons: ['slow', 'rude'], comment: '排队一个小时' })
    expect(row!.ip_hash).toMatch(/^[0-9a-f]{16}$/) // a keyed hash, never the address
    expect(JSON.stringify(row)).not.toContain('198.51.100')
  })

  it('stores a resend of the same answers once', async () => {
    const body = { versionId: s.versionId, answers: { overall: 5 }, clientKey: 'resend-key-0000000001', durationMs: 9000 }
    const first = await h().request('POST', `/api/s/${s.tokens.B}/responses`, { body, headers: { 'X-Forwarded-For': '192.0.2.50' } })
    const again = await h().request('POST', `/api/s/${s.tokens.B}/responses`, { body, headers: { 'X-Forwarded-For': '192.0.2.50' } })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect((await again.json()).trackingCode).toBe((await first.json()).trackingCode)
    expect((await h().db.selectFrom('responses').select('id').where('client_key', '=', body.clientKey).execute()).length).toBe(1)
  })

  it.each([
    ['a wrong type', { overall: 'good' }],
    ['an out-of-range level', { overall: 6 }],
    ['a missing required answer', { attitude: 5 }],
    ['a follow-up whose condition is false', { overall: 5, reasons: ['slow'] }],
    ['an unknown question', { overall: 5, favourite_colour: 'blue' }],
    ['an overlong comment', { overall: 4, comment: 'x'.repeat(501) }],
    ['a bad phone number', { overall: 1, reasons: ['rude'], phone: '12345' }],
  ])('refuses %s with a 4xx and stores nothing', async (_name, answers) => {
    const before = (await stored()).length
    const res = await submit(s.tokens.A, answers)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('answers_invalid')
    expect(body.error.message.length).toBeGreaterThan(0)
    expect((await stored()).length).toBe(before)
  })
})
