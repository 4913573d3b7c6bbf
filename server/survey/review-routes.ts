import { createRoute } from '@hono/zod-openapi'
import { IdParams, Ok, page } from '../../shared/schemas/common'
import { ReviewDecision, ReviewItem, ReviewQuery } from '../../shared/schemas/review'
import { authorize } from '../access/actor'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import { listForReview, reviewResponse } from './review'

const tags = ['review']
const ReviewPage = page(ReviewItem).meta({ id: 'ReviewPage' })

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Responses by status — by default the flagged ones waiting for review (admin); phones masked',
  request: { query: ReviewQuery },
  responses: { 200: json(ReviewPage, 'Responses'), ...errors(400, 401, 403) },
})
const review = createRoute({
  method: 'post',
  path: '/{id}/review',
  tags,
  summary: 'Mark a response valid (it counts) or reject it with a reason (admin); logged, never deleted',
  request: { params: IdParams, body: jsonBody(ReviewDecision) },
  responses: { 200: json(Ok, 'Decided'), ...errors(400, 401, 403, 404, 409) },
})

export const reviewRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'responses.review')
    return c.json(await listForReview(c.get('deps').db, c.req.valid('query')), 200)
  })
  .openapi(review, async (c) => {
    const actor = authorize(c, 'responses.review')
    const { decision, reason } = c.req.valid('json')
    const { db, now } = c.get('deps')
    await reviewResponse(db, c.req.valid('param').id, decision, reason || null, actor.id, now())
    c.get('log').info('response reviewed', { reqId: c.get('requestId'), responseId: c.req.valid('param').id, decision, userId: actor.id })
    return c.json({ ok: true as const }, 200)
  })
