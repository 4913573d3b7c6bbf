import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

// The same submit path as `npm start` runs it on a SQLite file: responses are written from the writer thread.
const h = useHarness({ writerThread: true })
let o: Org
let s: Survey
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
})

let n = 0
const key = () => `writer-thread-key-${String(++n).padStart(6, '0')}`
const body = (answers: Record<string, unknown>, clientKey = key()) => ({ versionId: s.versionId, answers, clientKey, durationMs: 15_000 })
const submit = (token: string, payload: unknown, headers: Record<string, string> = {}) => h().request('POST', `/api/s/${token}/responses`, { body: payload, headers })
const count = async () => Number((await h().db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('responses written from the writer thread', () => {
  it('stores every acknowledged response of a burst once, with its counters', async () => {
    const before = await count()
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => submit(i % 2 ? s.tokens.A : s.tokens.B, body({ overall: 5 - (i % 3) }), { 'X-Forwarded-For': `203.0.${i % 7}.${i}` })),
    )
    expect(results.map((r) => r.status)).toEqual(Array(120).fill(201))
    const codes = await Promise.all(results.map(async (r) => (await r.json()).trackingCode as string))
    expect(new Set(codes).size).toBe(120)
    expect(await count()).toBe(before + 120)
    const stored = await h().db.selectFrom('responses').select('tracking_code').where('tracking_code', 'in', codes).execute()
    expect(stored).toHaveLength(120)
    const counted = await h().db.selectFrom('agg_levels').select((eb) => eb.fn.sum<number>('n').as('n')).where('campaign_id', '=', s.campaignId).executeTakeFirstOrThrow()
    const valid = await h().db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'valid').executeTakeFirstOrThrow()
    expect(Number(counted.n)).toBe(Number(valid.n))
  })

  it('answers two copies of one submission sent at once with one stored response', async () => {
    const payload = body({ overall: 4 })
    const [a, b] = await Promise.all([submit(s.tokens.A, payload), submit(s.tokens.A, payload)])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect((await a.json()).trackingCode).toBe((await b.json()).trackingCode)
    const rows = await h().db.selectFrom('responses').select('id').where('client_key', '=', payload.clientKey).execute()
    expect(rows).toHaveLength(1)
  })

  it('flags a repeat from the same phone, seen across commits', async () => {
    const page = await h().request('GET', `/api/s/${s.tokens.B}`)
    const device = /manyi_device=([^;]+)/.exec(page.headers.get('set-cookie')!)![0]
    expect((await submit(s.tokens.B, body({ overall: 5 }), { Cookie: device })).status).toBe(201)
    expect((await submit(s.tokens.B, body({ overall: 4 }), { Cookie: device })).status).toBe(201)
    const [last] = await h().db.selectFrom('responses').select(['status', 'flag_reasons']).orderBy('id', 'desc').limit(1).execute()
    expect(last).toEqual({ status: 'flagged', flag_reasons: 'repeat_device' })
  })

  it('refuses a second response to a one-time code with its reason, even from the other thread', async () => {
    const issued = await h().request('POST', '/api/codes', { cookie: o.cookies.manager, body: { windowId: o.windows.A, transactionId: 'TX-WRITER-THREAD-1' } })
    const { code } = await issued.json()
    const results = await Promise.all([1, 2, 3].map(() => h().request('POST', `/api/c/${code}/responses`, { body: body({ overall: 5 }) })))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses[0]).toBe(201)
    expect(statuses.slice(1).every((x) => x === 409 || x === 410)).toBe(true)
    for (const refused of results.filter((r) => r.status !== 201)) {
      const { error } = await refused.json()
      expect(error.code).toBe('code_used')
      expect(error.message).toMatch(/已使用|used/)
    }
    const stored = await h().db.selectFrom('responses').innerJoin('one_time_codes', 'one_time_codes.id', 'responses.one_time_code_id').select('responses.id').where('one_time_codes.code', '=', code).execute()
    expect(stored).toHaveLength(1)
  })
})
