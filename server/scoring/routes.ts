import { createRoute } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import { Ranking, RankingQuery } from '../../shared/schemas/scoring'
import { authorizeScoped } from '../access/actor'
import { createRouter, errors, json } from '../http/openapi'
import { campaignRanking } from './rankings'

const ranking = createRoute({
  method: 'get',
  path: '/campaigns/{id}/rankings',
  tags: ['scoring'],
  summary: 'A campaign’s ranking of windows, units or sectors over a period (from the counters; the caller’s units only)',
  request: { params: IdParams, query: RankingQuery },
  responses: { 200: json(Ranking, 'The ranking'), ...errors(400, 401, 403, 404) },
})

export const scoringRoutes = createRouter().openapi(ranking, async (c) => {
  const { scope } = await authorizeScoped(c, 'surveys.read')
  return c.json(await campaignRanking(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('query')), 200)
})
