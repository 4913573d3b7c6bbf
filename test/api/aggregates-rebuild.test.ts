import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildAggregates } from '../../server/survey/rebuild-aggregates'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
})

/** A small seeded generator: the same "random" history on every run and both databases. */
function generator(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every counter row, in a stable order, with its count as a number. */
async function counters() {
  const db = h().db
  const levels = await db.selectFrom('agg_levels').selectAll().where('n', '!=', 0).orderBy(['campaign_id', 'window_id', 'day', 'hour', 'channel', 'level']).execute()
  const staff = await db.selectFrom('agg_staff').selectAll().where('n', '!=', 0).orderBy(['campaign_id', 'staff_id', 'day', 'level']).execute()
  const answers = await db
    .selectFrom('agg_answers')
    .selectAll()
    .where('n', '!=', 0)
    .orderBy(['campaign_id', 'window_id', 'questionnaire_version_id', 'question_key', 'value', 'day'])
    .execute()
  const windowMonths = await db.selectFrom('agg_window_months').selectAll().where('n', '!=', 0).orderBy(['campaign_id', 'window_id', 'level', 'month']).execute()
  const campaignHours = await db.selectFrom('agg_campaign_hours').selectAll().where('n', '!=', 0).orderBy(['campaign_id', 'day', 'hour', 'channel', 'level']).execute()
  const campaignAnswers = await db
    .selectFrom('agg_campaign_answers')
    .selectAll()
    .where('n', '!=', 0)
    .orderBy(['campaign_id', 'day', 'questionnaire_version_id', 'question_key', 'value'])
    .execute()
  const norm = <T extends { n: number }>(rows: T[]) => rows.map((r) => ({ ...r, n: Number(r.n) }))
  return {
    levels: norm(levels),
    staff: norm(staff),
    answers: norm(answers),
    windowMonths: norm(windowMonths),
    campaignHours: norm(campaignHours),
    campaignAnswers: norm(campaignAnswers),
  }
}

describe('rebuilding the counters from the raw responses', () => {
  it('gives the same counters as the incremental ones after a randomised history of submissions, flags and reviews', async () => {
    const random = generator(42)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
    const tokens = [s.tokens.A, s.tokens.B]
    const devices: string[] = []
    const page = await h().request('GET', `/api/s/${s.tokens.A}`)
    devices.push(/manyi_device=([^;]+)/.exec(page.headers.get('set-cookie')!)![0])
    let key = 0
    for (let i = 0; i < 160; i++) {
      // Some hours pass now and then, so the counters span several days and hours.
      if (random() < 0.15) h().advance(Math.floor(random() * 20) * 3_600_000)
      const overall = pick([5, 5, 5, 4, 4, 3, 2, 1])
      const answers: Record<string, unknown> = { overall }
      if (random() < 0.6) answers['attitude'] = pick([5, 4, 3, 2])
      if (random() < 0.4) answers['efficiency'] = pick([5, 4, 3, 1])
      if (overall <= 2) {
        answers['reasons'] = random() < 0.5 ? ['slow'] : ['rude', 'dirty']
        if (random() < 0.5) answers['comment'] = '排队太久'
        if (random() < 0.3) answers['phone'] = '13912345678'
      }
      const flagged = random()
      const headers: Record<string, string> = { 'X-Forwarded-For': `198.51.${Math.floor(random() * 4)}.${i}` }
      if (flagged < 0.1) headers['Cookie'] = devices[0]! // the same phone again: repeat_device
      const res = await h().request('POST', `/api/s/${pick(tokens)}/responses`, {
        headers,
        body: { versionId: s.versionId, answers, clientKey: `rebuild-test-key-${String(++key).padStart(6, '0')}`, durationMs: flagged > 0.9 ? 500 : 15_000, ...(flagged > 0.97 ? { hp: 'bot' } : {}) },
      })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    // Reviews (signed in afresh: the clock has moved on): approve or reject flagged ones, reject some valid ones.
    const admin = await h().login('admin')
    const rows = await h().db.selectFrom('responses').select(['id', 'status']).orderBy('id').execute()
    expect(rows.filter((r) => r.status === 'flagged').length).toBeGreaterThan(10)
    for (const r of rows) {
      const roll = random()
      const decision = r.status === 'flagged' ? (roll < 0.5 ? 'valid' : roll < 0.8 ? 'rejected' : null) : roll < 0.1 ? 'rejected' : null
      if (!decision) continue
      const res = await h().request('POST', `/api/responses/${r.id}/review`, { cookie: admin, body: { decision, ...(decision === 'rejected' ? { reason: '核实为重复评价' } : {}) } })
      expect(res.status, await res.clone().text()).toBe(200)
    }

    const incremental = await counters()
    expect(incremental.levels.length).toBeGreaterThan(5)
    expect(incremental.answers.some((a) => a.question_key === 'reasons')).toBe(true)
    const valid = await h().db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'valid').executeTakeFirstOrThrow()
    expect(incremental.levels.reduce((n, r) => n + r.n, 0)).toBe(Number(valid.n))

    // Spoil the counters, then rebuild them.
    await h().db.updateTable('agg_levels').set({ n: 999 }).execute()
    await h().db.deleteFrom('agg_answers').execute()
    const { responses } = await rebuildAggregates(h().db)
    expect(responses).toBe(Number(valid.n))
    expect(await counters()).toEqual(incremental)
  })
})
