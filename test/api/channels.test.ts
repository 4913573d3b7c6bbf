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

let n = 0
const body = (answers: Record<string, unknown> = { overall: 4 }) => ({ versionId: s.versionId, answers, clientKey: `channels-test-key-${String(++n).padStart(5, '0')}`, durationMs: 20_000 })
const entry = (answers: Record<string, unknown> = { overall: 4 }) => {
  const { durationMs: _untimed, ...rest } = body(answers)
  return rest
}
const responseOf = (trackingCode: string) => h().db.selectFrom('responses').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()

describe('QR tokens', () => {
  it('rotates: the old URL says "replaced", the new one works', async () => {
    const before = await (await h().request('GET', `/api/org/windows/${o.windows.B}/qr`, { cookie: o.cookies.admin })).json()
    expect(before.url).toBe(`http://localhost:8787/s/${s.tokens.B}`)
    const rotated = await h().request('POST', `/api/org/windows/${o.windows.B}/rotate-token`, { cookie: o.cookies.admin })
    const { token } = await rotated.json()
    expect(token).not.toBe(s.tokens.B)
    const old = await h().request('GET', `/api/s/${s.tokens.B}`)
    expect(old.status).toBe(410)
    expect((await old.json()).error).toMatchObject({ code: 'survey_replaced', message: '该二维码已更换，请扫描窗口上的新二维码' })
    expect((await h().request('GET', `/api/s/${token}`)).status).toBe(200)
    expect((await h().request('POST', `/api/s/${token}/responses`, { body: body() })).status).toBe(201)
    s.tokens.B = token
  })

  it('serves the QR as SVG and a printable card page to the unit’s manager only', async () => {
    const svg = await h().request('GET', `/api/org/windows/${o.windows.A}/qr.svg`, { cookie: o.cookies.manager })
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    expect(await svg.text()).toMatch(/^<svg/)
    const cards = await h().request('GET', `/print/cards?unitId=${o.units.A}`, { cookie: o.cookies.manager })
    expect(cards.status).toBe(200)
    const page = await cards.text()
    expect(page.match(/class="card"/g)).toHaveLength(2) // A-01 and A1-01 (sub-unit)
    expect(page).toContain('扫码评价')
    expect((await h().request('GET', `/print/cards?unitId=${o.units.B}`, { cookie: o.cookies.manager })).status).toBe(404)
    expect((await h().request('POST', `/api/org/windows/${o.windows.B}/rotate-token`, { cookie: o.cookies.manager })).status).toBe(404)
  })
})

describe('kiosks', () => {
  it('take responses as channel kiosk until revoked', async () => {
    const created = await h().request('POST', '/api/kiosks', { cookie: o.cookies.manager, body: { windowId: o.windows.A, name: '一号评价器' } })
    expect(created.status).toBe(201)
    const { kiosk, url } = await created.json()
    const token = url.split('/k/')[1]
    expect(await h().db.selectFrom('kiosks').select('token_hash').where('id', '=', kiosk.id).executeTakeFirstOrThrow()).not.toMatchObject({ token_hash: token })
    expect((await (await h().request('GET', `/api/k/${token}`)).json()).window.code).toBe('A-01')
    const res = await h().request('POST', `/api/k/${token}/responses`, { body: body({ overall: 5 }) })
    expect(res.status).toBe(201)
    expect(await responseOf((await res.json()).trackingCode)).toMatchObject({ channel: 'kiosk', kiosk_id: kiosk.id, window_id: o.windows.A })
    await h().request('POST', `/api/kiosks/${kiosk.id}/revoke`, { cookie: o.cookies.manager })
    expect((await h().request('GET', `/api/k/${token}`)).status).toBe(404)
  })
})

describe('one-time evaluation codes', () => {
  it('come from a counter system with a unit API key; a revoked key is refused', async () => {
    const created = await h().request('POST', '/api/api-keys', { cookie: o.cookies.admin, body: { unitId: o.units.A, name: '叫号系统' } })
    const { key, apiKey } = await created.json()
    expect(key).toMatch(/^mk_[a-z2-7]{32}$/)
    // A counter system: no cookie, no Origin, just the key.
    const ask = () => h().request('POST', '/api/unit/codes', { noOrigin: true, headers: { Authorization: `Bearer ${key}` }, body: { windowCode: 'A1-01', transactionId: 'TX-20261120-0001' } })
    const first = await ask()
    expect(first.status).toBe(201)
    const code = await first.json()
    expect(code).toMatchObject({ transactionId: 'TX-20261120-0001', windowId: o.windows.A1 })
    expect(code.url).toBe(`http://localhost:8787/c/${code.code}`)
    expect((await (await ask()).json()).code).toBe(code.code) // asking again for the same transaction
    await h().request('POST', `/api/api-keys/${apiKey.id}/revoke`, { cookie: o.cookies.admin })
    const refused = await ask()
    expect(refused.status).toBe(401)
    expect((await refused.json()).error.code).toBe('api_key_invalid')
  })

  it('accept exactly one response, even when two arrive at once, then say "used"', async () => {
    const issued = await h().request('POST', '/api/codes', { cookie: o.cookies.manager, body: { windowId: o.windows.A, transactionId: 'TX-CONCURRENT-1' } })
    const { code } = await issued.json()
    expect((await h().request('GET', `/api/c/${code}`)).status).toBe(200)
    const results = await Promise.all([1, 2, 3].map(() => h().request('POST', `/api/c/${code}/responses`, { body: body({ overall: 5 }) })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses[0]).toBe(201)
    // The others are refused: 409 when they raced the winner's commit, 410 when they came just after it.
    expect(statuses.slice(1).every((x) => x === 409 || x === 410)).toBe(true)
    const stored = await h().db.selectFrom('responses').innerJoin('one_time_codes', 'one_time_codes.id', 'responses.one_time_code_id').select('responses.id').where('one_time_codes.code', '=', code).execute()
    expect(stored).toHaveLength(1)
    const after = await h().request('GET', `/api/c/${code}`)
    expect(after.status).toBe(410)
    expect((await after.json()).error.code).toBe('code_used')
  })

  it('expire after 24 hours', async () => {
    const issued = await h().request('POST', '/api/codes', { cookie: o.cookies.admin, body: { windowId: o.windows.B, transactionId: 'TX-EXPIRES-1' } })
    const { code } = await issued.json()
    h().advance(24 * 3600_000 + 1000)
    expect((await h().request('POST', `/api/c/${code}/responses`, { body: body() })).status).toBe(410)
  })
})

describe('operator entry', () => {
  it('records a hotline call with the operator, for the manager’s own windows only', async () => {
    const manager = await h().login('manager.a')
    const survey = await (await h().request('GET', `/api/operator/windows/${o.windows.A}/survey`, { cookie: manager })).json()
    expect(survey.state).toBe('open')
    const res = await h().request('POST', '/api/operator/responses', { cookie: manager, body: { ...entry({ overall: 1, reasons: ['slow'], phone: '13900001111' }), windowId: o.windows.A, channel: 'hotline' } })
    expect(res.status).toBe(201)
    expect(await responseOf((await res.json()).trackingCode)).toMatchObject({ channel: 'hotline', operator_id: o.users.manager.id, status: 'valid', phone: '13900001111' })
    const other = await h().request('POST', '/api/operator/responses', { cookie: manager, body: { ...entry(), windowId: o.windows.B, channel: 'paper' } })
    expect(other.status).toBe(404)
  })
})
