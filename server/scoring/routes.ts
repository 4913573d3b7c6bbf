import { createRoute, z } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import type { Context } from 'hono'
import { Overview, OverviewQuery, Ranking, RankingExportQuery, RankingQuery, ResponsesExportQuery } from '../../shared/schemas/scoring'
import { localDayHour } from '../../shared/time'
import { authorizeScoped } from '../access/actor'
import type { Action } from '../access/policy'
import type { AppEnv } from '../env'
import { gzipDownload } from '../http/gzip-stream'
import { createRouter, errors, json } from '../http/openapi'
import { exportResponses, rankingCsv, rankingXlsx } from './exports'
import { XLSX_CONTENT_TYPE } from '../export/xlsx-stream'
import { campaignOverview } from './overview'
import { campaignRanking } from './rankings'
import type { Viewer } from './viewer'

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

const csv = {
  description: 'CSV (UTF-8 with BOM) or XLSX (format=xlsx)',
  content: { 'text/csv': { schema: z.string() }, [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
}
const rankingExport = createRoute({
  method: 'get',
  path: '/campaigns/{id}/rankings/export',
  tags: ['scoring'],
  summary: 'A ranking as CSV or XLSX, figures as on the screens (the caller’s units)',
  request: { params: IdParams, query: RankingExportQuery },
  responses: { 200: csv, ...errors(400, 401, 403, 404) },
})
const responsesExport = createRoute({
  method: 'get',
  path: '/campaigns/{id}/responses/export',
  tags: ['scoring'],
  summary: 'A campaign’s raw responses as CSV or XLSX, streamed (the caller’s units; no phone numbers)',
  request: { params: IdParams, query: ResponsesExportQuery },
  responses: { 200: csv, ...errors(400, 401, 403, 404) },
})
const attachment = (name: string, format: 'csv' | 'xlsx') => `attachment; filename="${name}.${format}"`
const contentType = (format: 'csv' | 'xlsx') => (format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE)

/** The caller as a reader of figures: their units, their role, and today in the deployment's zone. */
async function viewerOf(c: Context<AppEnv>, action: Action): Promise<Viewer> {
  const { actor, scope } = await authorizeScoped(c, action)
  const { now, config } = c.get('deps')
  return { scope, role: actor.role, today: localDayHour(now(), config.TZ).day }
}

export const scoringRoutes = createRouter()
  .openapi(ranking, async (c) => {
    const viewer = await viewerOf(c, 'surveys.read')
    return c.json(await campaignRanking(c.get('deps').db, viewer, c.req.valid('param').id, c.req.valid('query')), 200)
  })
  .openapi(overview, async (c) => {
    const viewer = await viewerOf(c, 'surveys.read')
    return c.json(await campaignOverview(c.get('deps').db, viewer, c.req.valid('param').id, c.req.valid('query'), c.get('locale') ?? 'zh-CN'), 200)
  })
  .openapi(rankingExport, async (c) => {
    const viewer = await viewerOf(c, 'surveys.read')
    const { id } = c.req.valid('param')
    const { format, ...q } = c.req.valid('query')
    const ranking = await campaignRanking(c.get('deps').db, viewer, id, q)
    c.header('Content-Type', contentType(format))
    c.header('Content-Disposition', attachment(`ranking-${id}-${ranking.level}`, format))
    return c.body(format === 'csv' ? rankingCsv(ranking) : rankingXlsx(ranking), 200)
  })
  .openapi(responsesExport, async (c) => {
    const viewer = await viewerOf(c, 'surveys.read')
    const { db, config } = c.get('deps')
    const { id } = c.req.valid('param')
    const { format, ...q } = c.req.valid('query')
    const stream = await exportResponses(db, viewer.scope, id, q, config.TZ, format)
    c.header('Content-Type', contentType(format))
    c.header('Content-Disposition', attachment(`responses-${id}`, format))
    return c.body(gzipDownload(c, stream), 200)
  })
