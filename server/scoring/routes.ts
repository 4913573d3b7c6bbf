import { createRoute, z } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import { Overview, OverviewQuery, Ranking, RankingQuery } from '../../shared/schemas/scoring'
import { authorizeScoped } from '../access/actor'
import { createRouter, errors, json } from '../http/openapi'
import { rankingCsv, responsesCsv } from './exports'
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

const csv = { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } }
const rankingExport = createRoute({
  method: 'get',
  path: '/campaigns/{id}/rankings/export',
  tags: ['scoring'],
  summary: 'A ranking as CSV, figures as on the screens (the caller’s units)',
  request: { params: IdParams, query: RankingQuery },
  responses: { 200: csv, ...errors(400, 401, 403, 404) },
})
const responsesExport = createRoute({
  method: 'get',
  path: '/campaigns/{id}/responses/export',
  tags: ['scoring'],
  summary: 'A campaign’s raw responses as CSV, streamed (the caller’s units; no phone numbers)',
  request: { params: IdParams, query: OverviewQuery },
  responses: { 200: csv, ...errors(400, 401, 403, 404) },
})
const attachment = (name: string) => `attachment; filename="${name}.csv"`

export const scoringRoutes = createRouter()
  .openapi(ranking, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    return c.json(await campaignRanking(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('query')), 200)
  })
  .openapi(overview, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    return c.json(await campaignOverview(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('query')), 200)
  })
  .openapi(rankingExport, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    const { id } = c.req.valid('param')
    const ranking = await campaignRanking(c.get('deps').db, scope, id, c.req.valid('query'))
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(`ranking-${id}-${ranking.level}`))
    return c.body(rankingCsv(ranking), 200)
  })
  .openapi(responsesExport, async (c) => {
    const { scope } = await authorizeScoped(c, 'surveys.read')
    const { db, config } = c.get('deps')
    const { id } = c.req.valid('param')
    const stream = await responsesCsv(db, scope, id, c.req.valid('query'), config.TZ)
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', attachment(`responses-${id}`))
    return c.body(stream, 200)
  })
