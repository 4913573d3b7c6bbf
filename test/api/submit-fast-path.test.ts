import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../server/log'
import { rotateToken } from '../../server/qr/tokens'
import { submitFastPath } from '../../server/survey/submit-fast-path'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

// The submit fast path (server/survey/submit-fast-path.ts) answers citizens' QR submissions without the framework.
// Every request below goes once to a server with the fast path, as `npm start` runs, and once to the app alone; the two
// answers must match, and the fast path must have taken exactly the common, well-formed case.

const h = useHarness({ writerThread: true })
const PUBLIC_ORIGIN = 'http://localhost:8787' // the harness's PUBLIC_URL
let o: Org
let s: Survey
let fast: { url: string; close: () => Promise<void> }
let plain: { url: string; close: () => Promise<void> }
let taken = 0
const logLines: string[] = []

beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
  const survey = h().survey
  // The fast path logs through its own logger here, so that its access line can be read.
  const path = submitFastPath({ ...survey, deps: { ...survey.deps, log: createLogger('info', (line) => logLines.push(line)) } })
  fast = await h().listen([(req, res) => path(req, res) && ++taken > 0])
  plain = await h().listen()
})
afterAll(async () => {
  await fast?.close()
  await plain?.close()
})

let keys = 0
const submission = (answers: Record<string, unknown> = { overall: 5 }, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ versionId: s.versionId, answers, clientKey: `fast-path-key-${String(++keys).padStart(6, '0')}`, durationMs: 12_000, ...extra })

interface Sent {
  path?: string
  body?: string
  headers?: Record<string, string>
}

/** The parts of an answer a client relies on. */
async function answerOf(res: Response) {
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: compared as text
  }
  const h = (name: string) => res.headers.get(name)
  return {
    status: res.status,
    body,
    headers: {
      'content-type': h('content-type'),
      'content-length': h('content-length') === null ? null : 'set',
      'cache-control': h('cache-control'),
      'x-content-type-options': h('x-content-type-options'),
      'content-security-policy': h('content-security-policy'),
      'x-request-id': h('x-request-id') === null ? null : 'set',
      'set-cookie': h('set-cookie'),
    },
    requestId: h('x-request-id'),
  }
}

/** Sends the same request to both servers (each its own copy of the body, so that neither is a resend of the other). */
async function both(sent: Sent | (() => Sent)) {
  const send = async (base: string) => {
    const r = typeof sent === 'function' ? sent() : sent
    // An empty value stands for a header left out (fetch has no other way to drop the default Origin here).
    const headers = Object.fromEntries(Object.entries({ origin: PUBLIC_ORIGIN, 'content-type': 'application/json', ...r.headers }).filter(([, v]) => v !== ''))
    return answerOf(await fetch(base + (r.path ?? `/api/s/${s.tokens.A}/responses`), { method: 'POST', headers, body: r.body ?? submission() }))
  }
  const before = taken
  const viaFast = await send(fast.url)
  const tookIt = taken > before
  const viaApp = await send(plain.url)
  return { viaFast, viaApp, tookIt }
}

/** The answers with what differs by nature (tracking codes, generated request ids) blanked. */
const comparable = (a: Awaited<ReturnType<typeof answerOf>>) => {
  const body = JSON.parse(JSON.stringify(a.body).replace(/"[A-Z2-9]{5}-[A-Z2-9]{5}"/g, '"TRACKING-CODE"'))
  return { status: a.status, body, headers: a.headers }
}

describe('the submit fast path', () => {
  it.each([
    ['a submission', () => ({})],
    ['a submission with a bad review, a comment and a phone number', () => ({ body: submission({ overall: 1, reasons: ['rude'], comment: '态度差', phone: '13812345678' }) })],
    ['a body that is not JSON', () => ({ body: '{"versionId": 1,' })],
    ['a body of the wrong shape', () => ({ body: JSON.stringify({ versionId: 'one', answers: [] }) })],
    ['answers that break the questionnaire', () => ({ body: submission({ overall: 6 }) })],
    ['an answer to a question whose condition is false', () => ({ body: submission({ overall: 5, reasons: ['slow'] }) })],
    ['a version that is not the campaign’s', () => ({ body: JSON.stringify({ versionId: 999_999, answers: { overall: 5 }, clientKey: `fast-path-key-x${++keys}` }) })],
    ['an unknown token', () => ({ path: '/api/s/aaaaaaaaaaaaaaaaaaaaaa/responses' })],
    ['a window outside any active campaign', () => ({ path: `/api/s/${s.tokens.C}/responses` })],
    ['English asked for', () => ({ body: submission({ overall: 6 }), headers: { 'accept-language': 'en-US,en;q=0.9' } })],
    ['a query string', () => ({ path: `/api/s/${s.tokens.A}/responses?utm=poster` })],
    ['a JSON content type with charset', () => ({ headers: { 'content-type': 'application/json; charset=UTF-8' } })],
    ['a forged device marker', () => ({ headers: { cookie: 'manyi_device=forged.marker; other=1' } })],
  ])('answers %s exactly as the app does', async (_name, sent) => {
    const { viaFast, viaApp, tookIt } = await both(sent)
    expect(tookIt).toBe(true)
    expect(comparable(viaFast)).toEqual(comparable(viaApp))
    expect(viaFast.headers['x-request-id']).toBe('set')
  })

  it.each([
    ['another origin', () => ({ headers: { origin: 'https://evil.example' } })],
    ['no origin (a same-origin fetch that says so)', () => ({ headers: { origin: '', 'sec-fetch-site': 'same-origin' } })],
    ['a content type other than JSON', () => ({ headers: { 'content-type': 'text/plain' } })],
    ['a declared body above the limit', () => ({ body: submission({ overall: 4, comment: 'x'.repeat(70 * 1024) }) })],
    ['an encoded token', () => ({ path: `/api/s/${encodeURIComponent(s.tokens.A + '~')}/responses` })],
    ['a token longer than any', () => ({ path: `/api/s/${'a'.repeat(65)}/responses` })],
    ['a trailing slash', () => ({ path: `/api/s/${s.tokens.A}/responses/` })],
  ])('leaves %s to the app', async (_name, sent) => {
    const { viaFast, viaApp, tookIt } = await both(sent)
    expect(tookIt).toBe(false)
    expect(comparable(viaFast)).toEqual(comparable(viaApp))
  })

  it('answers a resend with the stored tracking code, and stores the response once', async () => {
    const body = submission({ overall: 4 })
    const first = await answerOf(await fetch(`${fast.url}/api/s/${s.tokens.B}/responses`, { method: 'POST', headers: { origin: PUBLIC_ORIGIN, 'content-type': 'application/json' }, body }))
    const again = await answerOf(await fetch(`${fast.url}/api/s/${s.tokens.B}/responses`, { method: 'POST', headers: { origin: PUBLIC_ORIGIN, 'content-type': 'application/json' }, body }))
    expect([first.status, again.status]).toEqual([201, 200])
    expect(again.body).toEqual(first.body)
    const clientKey = (JSON.parse(body) as { clientKey: string }).clientKey
    const rows = await h().db.selectFrom('responses').select(['channel', 'window_id', 'tracking_code']).where('client_key', '=', clientKey).execute()
    expect(rows).toEqual([{ channel: 'qr', window_id: o.windows.B, tracking_code: (first.body as { trackingCode: string }).trackingCode }])
  })

  it('shows the replacement answer for a rotated token', async () => {
    const old = s.tokens.B
    await rotateToken(h().db, o.windows.B, h().now)
    h().survey.cache.clear() // as the rotate route does
    const { viaFast, viaApp, tookIt } = await both({ path: `/api/s/${old}/responses` })
    expect(tookIt).toBe(true)
    expect(viaFast.status).toBe(410)
    expect(comparable(viaFast)).toEqual(comparable(viaApp))
  })

  it('keeps a caller’s request id and logs one line per request, without the query string or the address', async () => {
    logLines.length = 0
    const res = await fetch(`${fast.url}/api/s/${s.tokens.A}/responses?t=secret-ish`, {
      method: 'POST',
      headers: { origin: PUBLIC_ORIGIN, 'content-type': 'application/json', 'x-request-id': 'proxy-id-123', 'x-forwarded-for': '203.0.113.77' },
      body: submission(),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('x-request-id')).toBe('proxy-id-123')
    expect(logLines).toHaveLength(1)
    expect(JSON.parse(logLines[0]!)).toMatchObject({ msg: 'request', reqId: 'proxy-id-123', method: 'POST', path: `/api/s/${s.tokens.A}/responses`, status: 201 })
    expect(logLines[0]).not.toMatch(/secret-ish|203\.0\.113/)
  })

  it('stored one response for each 2xx answer, each with the sender’s hashes', async () => {
    const rows = await h().db.selectFrom('responses').select(['ip_hash', 'net_hash', 'device_hash']).execute()
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) expect(row.ip_hash).toMatch(/^[0-9a-f]{16}$/)
  })
})
