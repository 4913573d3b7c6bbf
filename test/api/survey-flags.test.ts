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
const submit = async (windowToken: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
  const res = await h().request('POST', `/api/s/${windowToken}/responses`, {
    body: { versionId: s.versionId, answers: { overall: 5 }, clientKey: `flag-test-key-${String(++keys).padStart(6, '0')}`, durationMs: 15_000, ...extra },
    headers: { 'X-Forwarded-For': `10.${keys % 250}.${keys % 7}.1`, ...headers },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const { trackingCode } = (await res.json()) as { trackingCode: string }
  return h().db.selectFrom('responses').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()
}

/** What the dashboards will read: counted level-5 ratings of a window. */
const counted = async (windowId: number) => {
  const row = await h().db.selectFrom('agg_levels').select((eb) => eb.fn.sum<number>('n').as('n')).where('window_id', '=', windowId).where('level', '=', 5).executeTakeFirst()
  return Number(row?.n ?? 0)
}

describe('fair counting', () => {
  it('flags a second response from the same device to the same window within the interval, not the first', async () => {
    const page = await h().request('GET', `/api/s/${s.tokens.A}`)
    const device = /manyi_device=([^;]+)/.exec(page.headers.get('set-cookie')!)![0]
    const before = await counted(o.windows.A)
    const first = await submit(s.tokens.A, {}, { Cookie: device })
    expect(first.status).toBe('valid')
    const second = await submit(s.tokens.A, {}, { Cookie: device })
    expect(second).toMatchObject({ status: 'flagged', flag_reasons: 'repeat_device' })
    expect(await counted(o.windows.A)).toBe(before + 1)
    // Another window, or the same window after the interval, is fine.
    expect((await submit(s.tokens.B, {}, { Cookie: device })).status).toBe('valid')
    h().advance(12 * 3600_000 + 1000)
    expect((await submit(s.tokens.A, {}, { Cookie: device })).status).toBe('valid')
  })

  it('flags a submission faster than the minimum time and one that filled the honeypot', async () => {
    expect(await submit(s.tokens.A, { durationMs: 1200 })).toMatchObject({ status: 'flagged', flag_reasons: 'too_fast' })
    expect(await submit(s.tokens.A, { hp: 'http://spam.example' })).toMatchObject({ status: 'flagged', flag_reasons: 'honeypot' })
  })

  it('flags a burst from one network prefix far above the window’s normal rate, without refusing anyone', async () => {
    const statuses: string[] = []
    for (let i = 0; i < 25; i++) statuses.push((await submit(s.tokens.B, {}, { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status)
    expect(statuses.slice(0, 20).every((x) => x === 'valid')).toBe(true)
    expect(statuses.slice(20)).toEqual(['flagged', 'flagged', 'flagged', 'flagged', 'flagged'])
    const last = await h().db.selectFrom('responses').select('flag_reasons').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(last.flag_reasons).toBe('burst')
  })

  it('catches a burst even when its submissions arrive all at once', async () => {
    const token = (await import('../../server/qr/tokens')).tokenFor
    const a1 = await token(h().db, o.windows.A1)
    const rows = await Promise.all(Array.from({ length: 24 }, (_, i) => submit(a1, {}, { 'X-Forwarded-For': `198.18.7.${i + 1}` })))
    expect(rows.filter((r) => r.status === 'flagged')).toHaveLength(4)
  })

  it('keeps flagged responses out of the figures until an admin approves one, and logs both decisions', async () => {
    const flagged = await submit(s.tokens.A, { durationMs: 500 })
    const rejectMe = await submit(s.tokens.A, { durationMs: 500 })
    const before = await counted(o.windows.A)
    const admin = await h().login('admin') // the clock moved past the fixture's sessions
    const queue = await h().request('GET', '/api/responses?status=flagged', { cookie: admin })
    const items = ((await queue.json()) as { items: { id: number; flagReasons: string[] }[] }).items
    expect(items.find((i) => i.id === flagged.id)?.flagReasons).toEqual(['too_fast'])

    const approve = await h().request('POST', `/api/responses/${flagged.id}/review`, { cookie: admin, body: { decision: 'valid' } })
    expect(approve.status).toBe(200)
    expect(await counted(o.windows.A)).toBe(before + 1)

    const noReason = await h().request('POST', `/api/responses/${rejectMe.id}/review`, { cookie: admin, body: { decision: 'rejected' } })
    expect(noReason.status).toBe(400)
    const reject = await h().request('POST', `/api/responses/${rejectMe.id}/review`, { cookie: admin, body: { decision: 'rejected', reason: '同一人连续提交' } })
    expect(reject.status).toBe(200)
    expect(await counted(o.windows.A)).toBe(before + 1)
    const kept = await h().db.selectFrom('responses').select(['status', 'review_reason']).where('id', '=', rejectMe.id).executeTakeFirstOrThrow()
    expect(kept).toEqual({ status: 'rejected', review_reason: '同一人连续提交' })
    const log = await h().db.selectFrom('response_reviews').select(['response_id', 'from_status', 'to_status']).orderBy('id').execute()
    expect(log).toEqual([
      { response_id: flagged.id, from_status: 'flagged', to_status: 'valid' },
      { response_id: rejectMe.id, from_status: 'flagged', to_status: 'rejected' },
    ])
    expect((await h().request('GET', '/api/responses', { cookie: await h().login('manager.a') })).status).toBe(403)
  })
})
