import { createRoute } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import { Overview, OverviewQuery, Ranking, RankingQuery } from '../../shared/schemas/scoring'
import { authorizeScoped } from '../access/actor'
import { createRouter, errors, json } from '../http/openapi'
import { campaignOverview } from './overview'
import { campaignRanking } from './rankings'

const ranking = createRoute({
  method: 'get',
  path: '/campaigns/{id}/rankings',
  tags: ['scoring'],
  summary: 'A campaign’s ranking of windows, units or sectors over a period (from the counters; the caller’s units only)',
  request: { params: IdParams, query: RankingQuery },
  responses: { 200: json(Ranking, 'The ranking'), ...errors(400, 401, 403, 404) },
})

const overview = createRoute({
  method: 'get',
  path: '/campaigns/{id}/overview',
  tags: ['scoring'],
  summary: 'A campaign’s overview over a period: volumes, overall rate against the target, attainment, levels, channels, trend, heatmap (the caller’s units)',
  request: { params: IdParams, query: OverviewQuery },
  responses: { 200: json(Overview, 'The overview'), ...errors(400, 401, 403, 404) },
})

export const scoringRoutes = createRouter()
  .openapi(ranking, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    return c.json(await campaignRanking(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('query')), 200)
  })
  .openapi(overview, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    return c.json(await campaignOverview(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('query')), 200)
  })
