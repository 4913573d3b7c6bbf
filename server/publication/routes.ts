import { createRoute, z } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import { Publication, PublicationListQuery, PublicPublication, PublicPublicationDetail, PublishBody, WithdrawBody } from '../../shared/schemas/publication'
import { localDayHour } from '../../shared/time'
import { authorize } from '../access/actor'
import { createRouter, errors, json, jsonBody, PUBLIC } from '../http/openapi'
import { getPublication, listPublic, listPublications, parseContent, publicSnapshotText, publish, withdraw } from './service'

const tags = ['publication']

const list = createRoute({
  method: 'get',
  path: '/publications',
  tags,
  summary: 'Every publication of results, withdrawn ones with who and why (admin)',
  request: { query: PublicationListQuery },
  responses: { 200: json(z.object({ items: z.array(Publication) }), 'Publications'), ...errors(400, 401, 403) },
})
const create = createRoute({
  method: 'post',
  path: '/publications',
  tags,
  summary: 'Publish a finished period’s rankings: frozen into an immutable snapshot with its SHA-256 (admin)',
  request: { body: jsonBody(PublishBody) },
  responses: { 201: json(Publication, 'Published'), ...errors(400, 401, 403, 404, 409) },
})
const one = createRoute({
  method: 'get',
  path: '/publications/{id}',
  tags,
  summary: 'One publication (admin)',
  request: { params: IdParams },
  responses: { 200: json(Publication, 'The publication'), ...errors(400, 401, 403, 404) },
})
const withdrawRoute = createRoute({
  method: 'post',
  path: '/publications/{id}/withdraw',
  tags,
  summary: 'Withdraw a publication with a reason (admin): gone from the public pages, kept on record, never edited',
  request: { params: IdParams, body: jsonBody(WithdrawBody) },
  responses: { 200: json(Publication, 'Withdrawn'), ...errors(400, 401, 403, 404, 409) },
})

const publicList = createRoute({
  method: 'get',
  path: '/public/publications',
  tags,
  summary: 'Published periods (no login; withdrawn ones are not listed)',
  ...PUBLIC,
  responses: { 200: json(z.object({ items: z.array(PublicPublication) }), 'Published periods') },
})
const publicOne = createRoute({
  method: 'get',
  path: '/public/publications/{id}',
  tags,
  summary: 'A published period with its snapshot (no login; 404 once withdrawn)',
  ...PUBLIC,
  request: { params: IdParams },
  responses: { 200: json(PublicPublicationDetail, 'The published period'), ...errors(400, 404) },
})
const publicText = createRoute({
  method: 'get',
  path: '/public/publications/{id}/snapshot.json',
  tags,
  summary: 'The exact text whose SHA-256 is published, to check it (no login; 404 once withdrawn)',
  ...PUBLIC,
  request: { params: IdParams },
  responses: { 200: { description: 'The canonical snapshot text (JSON)', content: { 'text/plain': { schema: z.string() } } }, ...errors(400, 404) },
})

export const publicationRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'results.publish')
    return c.json({ items: await listPublications(c.get('deps').db, c.req.valid('query').campaignId) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = authorize(c, 'results.publish')
    const { db, now, config } = c.get('deps')
    const at = now()
    return c.json(await publish(db, c.req.valid('json'), actor.id, at, localDayHour(at, config.TZ).day), 201)
  })
  .openapi(one, async (c) => {
    authorize(c, 'results.publish')
    return c.json(await getPublication(c.get('deps').db, c.req.valid('param').id), 200)
  })
  .openapi(withdrawRoute, async (c) => {
    const actor = authorize(c, 'results.publish')
    const { db, now } = c.get('deps')
    return c.json(await withdraw(db, c.req.valid('param').id, c.req.valid('json').reason, actor.id, now()), 200)
  })
  .openapi(publicList, async (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.json({ items: await listPublic(c.get('deps').db) }, 200)
  })
  .openapi(publicOne, async (c) => {
    const { publication, text } = await publicSnapshotText(c.get('deps').db, c.req.valid('param').id)
    c.header('Cache-Control', 'no-cache')
    return c.json({ ...publication, content: parseContent(text) }, 200)
  })
  .openapi(publicText, async (c) => {
    const { text } = await publicSnapshotText(c.get('deps').db, c.req.valid('param').id)
    // The stored text as it is: re-serialising could change what the hash covers.
    c.header('Cache-Control', 'no-cache')
    return c.text(text, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  })
