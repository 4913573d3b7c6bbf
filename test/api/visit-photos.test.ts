import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSupervision, seedSurvey, type Org, type Supervision, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'
import { EXECUTABLE, GPS_MARK, JPEG, jpegWithGps, png, webpWithGps } from '../../server/supervision/image-fixtures'

const h = useHarness()
let o: Org
let s: Survey
let sv: Supervision
let draftId: number
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
  sv = await seedSupervision(h(), o, s)
  draftId = await newDraft('undercover')
})

const ALL_YES = { environment: true, areas: true, process: true, conveniences: true, uniform: true }
async function newDraft(type: string) {
  const res = await h().request('POST', '/api/visits', {
    cookie: o.cookies.supervisor,
    body: { campaignId: s.campaignId, windowId: o.windows.A, questionnaireId: sv.formId, type, visitedAt: '2026-11-20T01:00:00.000Z', answers: ALL_YES, notes: null },
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { id: number }).id
}

/** Sends a file the way the supervisor page does: the raw bytes, with the type the browser guessed from the name. */
const upload = (visitId: number, bytes: Uint8Array, type = 'image/jpeg', cookie = o.cookies.supervisor) =>
  h().app.request(`/api/visits/${visitId}/photos`, { method: 'POST', headers: { Origin: 'http://localhost', 'Content-Type': type, Cookie: cookie }, body: bytes as BodyInit })

const errorOf = async (res: Response, status: number) => {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (JSON.parse(text) as { error: { code: string; message: string } }).error
}
const stored = () => readdirSync(h().uploadDir).map((f) => readFileSync(join(h().uploadDir, f)))

describe('visit photos', () => {
  it('stores JPEG, PNG and WebP photos without their location metadata', async () => {
    for (const [bytes, type] of [
      [jpegWithGps(), 'image/jpeg'],
      [png(true), 'image/png'],
      [webpWithGps(), 'image/webp'],
    ] as const) {
      expect(Buffer.from(bytes).toString('latin1')).toContain(GPS_MARK)
      const res = await upload(draftId, bytes, type)
      expect(res.status, await res.clone().text()).toBe(201)
      expect(await res.json()).toMatchObject({ mime: type, url: expect.stringMatching(/^\/api\/photos\/\d+$/) })
    }
    const files = stored()
    expect(files).toHaveLength(3)
    for (const file of files) expect(file.toString('latin1')).not.toContain('GPS')
  })

  it('refuses a renamed executable, a damaged image, an oversized file and a seventh photo, each with its reason', async () => {
    const executable = await errorOf(await upload(draftId, EXECUTABLE, 'image/jpeg'), 415)
    expect(executable).toEqual({ code: 'photo_type', message: '只能上传 JPEG、PNG 或 WebP 图片（按文件内容判断）' })
    const damaged = await errorOf(await upload(draftId, JPEG.subarray(0, JPEG.length - 40)), 400)
    expect(damaged.code).toBe('photo_corrupt')
    const big = Buffer.concat([JPEG.subarray(0, JPEG.length - 2), Buffer.alloc(10 * 1024 * 1024), JPEG.subarray(JPEG.length - 2)])
    const oversized = await errorOf(await upload(draftId, big), 413)
    expect(oversized).toEqual({ code: 'photo_too_large', message: '图片不能超过 10 MB' })

    for (let i = 0; i < 3; i++) expect((await upload(draftId, JPEG)).status).toBe(201) // six in all
    const seventh = await errorOf(await upload(draftId, JPEG), 409)
    expect(seventh).toEqual({ code: 'photo_too_many', message: '每次评议最多 6 张照片' })
    expect(stored()).toHaveLength(6)
  })

  it('serves a photo only to those who may see its visit', async () => {
    const visit = (await (await h().request('GET', `/api/visits/${draftId}`, { cookie: o.cookies.supervisor })).json()) as { photos: { url: string; mime: string }[] }
    const { url } = visit.photos[0]!
    const mine = await h().request('GET', url, { cookie: o.cookies.supervisor })
    expect(mine.status).toBe(200)
    expect(mine.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await mine.arrayBuffer()).toString('latin1')).not.toContain('GPS')

    expect((await errorOf(await h().request('GET', url), 401)).code).toBe('not_authenticated')
    // A draft is its supervisor's alone; once submitted, the admin sees it, the window's manager not (undercover, before the end).
    expect((await h().request('GET', url, { cookie: o.cookies.admin })).status).toBe(404)
    expect((await h().request('POST', `/api/visits/${draftId}/submit`, { cookie: o.cookies.supervisor })).status).toBe(200)
    expect((await h().request('GET', url, { cookie: o.cookies.admin })).status).toBe(200)
    expect((await h().request('GET', url, { cookie: o.cookies.manager })).status).toBe(404)
    expect((await h().request('GET', url, { cookie: o.cookies.viewerB })).status).toBe(404)
  })

  it('lets the supervisor remove a photo from a draft, and the file goes with it', async () => {
    const id = await newDraft('open')
    const photo = (await (await upload(id, png(), 'image/png')).json()) as { id: number }
    const before = stored().length
    expect((await h().request('DELETE', `/api/visits/${id}/photos/${photo.id}`, { cookie: o.cookies.supervisor })).status).toBe(200)
    expect(stored()).toHaveLength(before - 1)
    expect((await h().request('GET', `/api/photos/${photo.id}`, { cookie: o.cookies.supervisor })).status).toBe(404)
  })
})
