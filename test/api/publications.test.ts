import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Publication, PublicPublicationDetail } from '../../shared/schemas/publication'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey
let admin: string
let keys = 0

/** A response recorded by an operator (hotline): the real write path, with no fairness flags. */
async function entered(windowId: number, overall: number) {
  const res = await h().request('POST', '/api/operator/responses', {
    cookie: admin,
    body: { versionId: s.versionId, answers: overall <= 2 ? { overall, reasons: ['slow'] } : { overall }, clientKey: `publication-key-${String(++keys).padStart(8, '0')}`, windowId, channel: 'hotline' },
  })
  expect(res.status, await res.clone().text()).toBe(201)
}

async function json<T>(method: string, path: string, body?: unknown, cookie = admin): Promise<{ status: number; body: T }> {
  const res = await h().request(method, path, { cookie, ...(body === undefined ? {} : { body }) })
  return { status: res.status, body: (await res.json()) as T }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const snapshotText = async (id: number) => {
  const res = await h().request('GET', `/api/public/publications/${id}/snapshot.json`)
  return { status: res.status, text: await res.text() }
}

let flaggedId: number

beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
  admin = o.cookies.admin
  // 2026-11-20: window B 38 of 40 satisfied, window A 31 of 32.
  for (let i = 0; i < 40; i++) await entered(o.windows.B, i < 38 ? 5 : 1)
  for (let i = 0; i < 32; i++) await entered(o.windows.A, i < 31 ? 4 : 2)
  // A QR response filled in 1.2 s: flagged, waiting for review, counted nowhere yet.
  const res = await h().request('POST', `/api/s/${s.tokens.B}/responses`, {
    body: { versionId: s.versionId, answers: { overall: 1, reasons: ['slow'] }, clientKey: 'publication-flagged-key-01', durationMs: 1200 },
  })
  expect(res.status).toBe(201)
  flaggedId = (await h().db.selectFrom('responses').select('id').where('status', '=', 'flagged').executeTakeFirstOrThrow()).id
  // The next day: 2026-11-20 is over and can be published.
  h().advance(24 * 3600_000)
  admin = await h().login('admin')
})

describe('publishing results', () => {
  let published: Publication
  let original: string

  it('refuses a period that is not over yet, and a draft campaign', async () => {
    const open = await json<{ error: { code: string; message: string } }>('POST', '/api/publications', { campaignId: s.campaignId, from: '2026-11-01', to: '2026-11-21' })
    expect(open.status).toBe(400)
    expect(open.body.error.code).toBe('publication_period_open')
  })

  it('freezes the period’s rankings into a snapshot whose SHA-256 anyone can check', async () => {
    const res = await json<Publication>('POST', '/api/publications', { campaignId: s.campaignId, from: '2026-11-01', to: '2026-11-20' })
    expect(res.status).toBe(201)
    published = res.body
    expect(published).toMatchObject({ status: 'published', from: '2026-11-01', to: '2026-11-20', overall: { n: 72 }, publishedBy: expect.any(String) })
    const snapshot = await snapshotText(published.id)
    expect(snapshot.status).toBe(200)
    expect(sha256(snapshot.text)).toBe(published.sha256)
    original = snapshot.text
    const detail = await json<PublicPublicationDetail>('GET', `/api/public/publications/${published.id}`, undefined, '')
    expect(detail.status).toBe(200)
    const b = detail.body.content.rankings.window.find((w) => w.id === o.windows.B)!
    expect(b).toMatchObject({ n: 40, satisfied: 38, rank: 2 })
    expect(detail.body.content.rankings.window.find((w) => w.id === o.windows.A)).toMatchObject({ n: 32, satisfied: 31, rank: 1 })
    // Staff names are not published unless the campaign allows it.
    expect(detail.body.content.rankings.staff).toBeNull()
    expect(detail.body.content.topTen.map((w) => w.id)).toEqual([o.windows.A, o.windows.B])
  })

  it('keeps one live publication per period', async () => {
    const again = await json<{ error: { code: string } }>('POST', '/api/publications', { campaignId: s.campaignId, from: '2026-11-01', to: '2026-11-20' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('publication_exists')
  })

  it('stays unchanged, byte for byte, after new responses arrive and a flagged one is approved', async () => {
    // The flagged response (2026-11-20, inside the period) becomes valid: the live figures change …
    const review = await h().request('POST', `/api/responses/${flaggedId}/review`, { cookie: admin, body: { decision: 'valid' } })
    expect(review.status).toBe(200)
    for (let i = 0; i < 5; i++) await entered(o.windows.B, 1)
    const live = await json<{ items: { id: number; n: number }[] }>('GET', `/api/campaigns/${s.campaignId}/rankings?from=2026-11-01&to=2026-11-20`)
    expect(live.body.items.find((w) => w.id === o.windows.B)!.n).toBe(41)
    // … the publication does not.
    const after = await snapshotText(published.id)
    expect(after.text).toBe(original)
    expect(sha256(after.text)).toBe(published.sha256)
    const row = await json<Publication>('GET', `/api/publications/${published.id}`)
    expect(row.body.sha256).toBe(published.sha256)
  })

  it('shows the public pages only live publications, and a withdrawn one disappears from them', async () => {
    const before = await json<{ items: { id: number }[] }>('GET', '/api/public/publications', undefined, '')
    expect(before.body.items.map((p) => p.id)).toEqual([published.id])
    const noReason = await json('POST', `/api/publications/${published.id}/withdraw`, { reason: '' })
    expect(noReason.status).toBe(400)
    const withdrawn = await json<Publication>('POST', `/api/publications/${published.id}/withdraw`, { reason: '发现录入错误，更正后重新发布' })
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: '发现录入错误，更正后重新发布', withdrawnBy: expect.any(String), sha256: published.sha256 })
    expect((await json<{ items: unknown[] }>('GET', '/api/public/publications', undefined, '')).body.items).toEqual([])
    expect((await json('GET', `/api/public/publications/${published.id}`, undefined, '')).status).toBe(404)
    expect((await snapshotText(published.id)).status).toBe(404)
    expect((await json('POST', `/api/publications/${published.id}/withdraw`, { reason: '再次撤回' })).status).toBe(409)
    // Management still sees it, with who and why; the period can be published again, as a new publication.
    const list = await json<{ items: Publication[] }>('GET', '/api/publications')
    expect(list.body.items.find((p) => p.id === published.id)).toMatchObject({ status: 'withdrawn' })
    const again = await json<Publication>('POST', '/api/publications', { campaignId: s.campaignId, from: '2026-11-01', to: '2026-11-20' })
    expect(again.status).toBe(201)
    expect(again.body.id).not.toBe(published.id)
    expect(again.body.overall.n).toBe(73) // now with the approved response
    expect(again.body.sha256).not.toBe(published.sha256)
  })

  it('is for admins only; nothing unpublished is public', async () => {
    expect((await json('GET', '/api/publications', undefined, o.cookies.manager)).status).toBe(401) // the manager's session expired with the day
    const manager = await h().login('manager.a')
    expect((await json('GET', '/api/publications', undefined, manager)).status).toBe(403)
    expect((await json('POST', '/api/publications', { campaignId: s.campaignId, from: '2026-11-01', to: '2026-11-02' }, manager)).status).toBe(403)
    expect((await json('GET', '/api/public/publications/999999', undefined, '')).status).toBe(404)
  })
})

describe('a manager’s dashboards, rankings and exports', () => {
  it('cover only their units, whatever place they ask for', async () => {
    const manager = await h().login('manager.a')
    const base = `/api/campaigns/${s.campaignId}`
    const overview = await json<{ overall: { n: number }; responses: { valid: number } }>('GET', `${base}/overview`, undefined, manager)
    expect(overview.body.responses.valid).toBe(32) // window A's, not B's
    const elsewhere = await json<{ overall: { n: number } }>('GET', `${base}/overview?unitId=${o.units.B}`, undefined, manager)
    expect(elsewhere.body.overall.n).toBe(0)
    const windows = await json<{ items: { id: number }[] }>('GET', `${base}/rankings?unitId=${o.units.B}`, undefined, manager)
    expect(windows.body.items).toEqual([])
    const units = await json<{ items: { id: number }[] }>('GET', `${base}/rankings?level=unit`, undefined, manager)
    expect(units.body.items.map((u) => u.id)).toContain(o.units.A)
    expect(units.body.items.map((u) => u.id)).not.toContain(o.units.B)
    const exported = await h().request('GET', `${base}/responses/export?windowId=${o.windows.B}`, { cookie: manager })
    expect((await exported.text()).trim().split('\r\n')).toHaveLength(1) // the header only
  })
})
