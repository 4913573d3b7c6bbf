import { beforeAll, describe, expect, it } from 'vitest'
import { percent, score } from '../../shared/scoring/format'
import { lastMonth } from '../../shared/scoring/period'
import type { Publication, PublicPublicationDetail } from '../../shared/schemas/publication'
import type { Overview, Ranking } from '../../shared/schemas/scoring'
import { firstStart } from '../../server/first-start'
import { useHarness } from '../support/harness'

// The brief: every screen, export and published page shows the same figure for the same thing. On the demo campaign
// (its real write path, 35 days of responses and supervisor visits), last month is published and the dashboard's
// overview, the rankings, the ranking export and the public page are compared figure by figure.

const h = useHarness()
let admin: string
let campaignId: number
let period: { from: string; to: string }
let published: PublicPublicationDetail

async function get<T>(path: string, cookie = admin): Promise<T> {
  const res = await h().request('GET', path, { cookie })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

beforeAll(async () => {
  const first = await firstStart(h().db, { demo: true, now: h().now, demoDays: 35, timeZone: 'Asia/Shanghai' })
  admin = await h().login('admin', first!.adminPassword)
  campaignId = first!.demoSurvey!.campaignId
  const res = await h().request('POST', '/api/publications', { cookie: admin, body: { campaignId, ...lastMonth('2026-11-20') } })
  expect(res.status, await res.clone().text()).toBe(201)
  const publication = (await res.json()) as Publication
  period = { from: publication.from, to: publication.to }
  published = await get<PublicPublicationDetail>(`/api/public/publications/${publication.id}`, '')
}, 120_000)

describe('the same figures everywhere, on the demo campaign', () => {
  it('publishes a real month: many windows, some attained, some not, some 样本不足', () => {
    const { windows, overall } = published.content
    expect(overall.n).toBeGreaterThan(1000)
    expect(windows.attained).toBeGreaterThan(0)
    expect(windows.notAttained).toBeGreaterThan(0)
    expect(windows.insufficient).toBeGreaterThan(0)
  })

  it('the dashboard overview shows the published overall figures', async () => {
    const overview = await get<Overview>(`/api/campaigns/${campaignId}/overview?from=${period.from}&to=${period.to}`)
    expect(overview.overall).toEqual({
      n: published.content.overall.n,
      rate: published.content.overall.rate,
      interval: published.content.overall.interval,
      index: published.content.overall.index,
      badRate: published.content.overall.badRate,
    })
    expect(overview.windows).toEqual(published.content.windows)
    expect(overview.trend).toEqual(published.content.trend)
  })

  it('the rankings show the published ranks and figures, at every level', async () => {
    for (const level of ['window', 'unit', 'sector'] as const) {
      const ranking = await get<Ranking>(`/api/campaigns/${campaignId}/rankings?level=${level}&from=${period.from}&to=${period.to}`)
      expect(ranking.items, level).toEqual(published.content.rankings[level])
    }
  })

  it('the ranking export shows the published figures as the screens format them', async () => {
    const res = await h().request('GET', `/api/campaigns/${campaignId}/rankings/export?from=${period.from}&to=${period.to}`, { cookie: admin })
    const lines = (await res.text()).slice(1).trim().split('\r\n').slice(1)
    expect(lines).toHaveLength(published.content.rankings.window.length)
    published.content.rankings.window.forEach((w, i) => {
      const cells = lines[i]!.split(',')
      expect(cells[0]).toBe(w.rank === null ? '样本不足' : String(w.rank))
      expect(cells[2]).toBe(w.name)
      expect(cells[5]).toBe(String(w.n))
      expect(cells[7]).toBe(percent(w.rate))
      expect(cells[8]).toBe(percent(w.interval?.low))
      expect(cells[10]).toBe(score(w.index))
      expect(cells[15]).toBe(score(w.composite))
    })
  })
})
