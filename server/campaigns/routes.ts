import { createRoute, z } from '@hono/zod-openapi'
import { Campaign, CampaignBody } from '../../shared/schemas/campaign'
import { IdParams } from '../../shared/schemas/common'
import { authorize } from '../access/actor'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import * as service from './service'

const tags = ['campaigns']

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Campaigns (测评活动)',
  responses: { 200: json(z.object({ items: z.array(Campaign) }), 'Campaigns'), ...errors(401, 403) },
})
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a campaign as a draft (admin)',
  request: { body: jsonBody(CampaignBody) },
  responses: { 201: json(Campaign, 'Created'), ...errors(400, 401, 403, 404) },
})
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One campaign',
  request: { params: IdParams },
  responses: { 200: json(Campaign, 'The campaign'), ...errors(400, 401, 403, 404) },
})
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Change a draft or active campaign (admin)',
  request: { params: IdParams, body: jsonBody(CampaignBody) },
  responses: { 200: json(Campaign, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})
const activate = createRoute({
  method: 'post',
  path: '/{id}/activate',
  tags,
  summary: 'Start collecting responses (admin); no window may be in another active campaign',
  request: { params: IdParams },
  responses: { 200: json(Campaign, 'Active'), ...errors(400, 401, 403, 404, 409) },
})
const close = createRoute({
  method: 'post',
  path: '/{id}/close',
  tags,
  summary: 'Stop collecting responses (admin)',
  request: { params: IdParams },
  responses: { 200: json(Campaign, 'Closed'), ...errors(400, 401, 403, 404) },
})

export const campaignRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'surveys.read')
    return c.json({ items: await service.listCampaigns(c.get('deps').db) }, 200)
  })
  .openapi(create, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    const campaign = await service.createCampaign(db, c.req.valid('json'), now())
    c.get('survey').cache.clear() // which campaign collects for which window may have changed
    return c.json(campaign, 201)
  })
  .openapi(get, async (c) => {
    authorize(c, 'surveys.read')
    return c.json(await service.getCampaign(c.get('deps').db, c.req.valid('param').id), 200)
  })
  .openapi(update, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    const campaign = await service.updateCampaign(db, c.req.valid('param').id, c.req.valid('json'), now())
    c.get('survey').cache.clear() // which campaign collects for which window may have changed
    return c.json(campaign, 200)
  })
  .openapi(activate, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    const campaign = await service.activateCampaign(db, c.req.valid('param').id, now())
    c.get('survey').cache.clear() // which campaign collects for which window may have changed
    return c.json(campaign, 200)
  })
  .openapi(close, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    const campaign = await service.closeCampaign(db, c.req.valid('param').id, now())
    c.get('survey').cache.clear() // which campaign collects for which window may have changed
    return c.json(campaign, 200)
  })
