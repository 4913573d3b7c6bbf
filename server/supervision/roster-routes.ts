import { createRoute, z } from '@hono/zod-openapi'
import { IdParams, QueryFlag } from '../../shared/schemas/common'
import {
  CreatedSupervisor,
  EndBody,
  NewSupervisorBody,
  RenewBody,
  Supervisor,
  SupervisorBody,
  SupervisorImportReport,
  SupervisorListQuery,
} from '../../shared/schemas/supervision'
import { authorize } from '../access/actor'
import { AppError } from '../http/errors'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import * as roster from './roster'
import { exportRosterCsv, importRosterCsv } from './roster-csv'

const tags = ['supervisors']
const ImportQuery = z.object({ dryRun: QueryFlag })

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The roster of appointed supervisors (admin); phones masked',
  request: { query: SupervisorListQuery },
  responses: { 200: json(z.object({ items: z.array(Supervisor) }), 'Supervisors'), ...errors(400, 401, 403) },
})
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Appoint a supervisor: a sign-in with the supervisor role and a profile (admin); the first password is shown once',
  request: { body: jsonBody(NewSupervisorBody) },
  responses: { 201: json(CreatedSupervisor, 'Created'), ...errors(400, 401, 403, 409) },
})
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One supervisor, with the whole phone number (admin)',
  request: { params: IdParams },
  responses: { 200: json(Supervisor, 'The supervisor'), ...errors(400, 401, 403, 404) },
})
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: 'Change a supervisor’s profile and term (admin)',
  request: { params: IdParams, body: jsonBody(SupervisorBody) },
  responses: { 200: json(Supervisor, 'Updated'), ...errors(400, 401, 403, 404) },
})
const renew = createRoute({
  method: 'post',
  path: '/{id}/renew',
  tags,
  summary: 'Renew a term until a new end date (admin); an ended appointment is resumed',
  request: { params: IdParams, body: jsonBody(RenewBody) },
  responses: { 200: json(Supervisor, 'Renewed'), ...errors(400, 401, 403, 404) },
})
const end = createRoute({
  method: 'post',
  path: '/{id}/end',
  tags,
  summary: 'End an appointment early, with a reason (admin); the supervisor keeps read access to their history',
  request: { params: IdParams, body: jsonBody(EndBody) },
  responses: { 200: json(Supervisor, 'Ended'), ...errors(400, 401, 403, 404, 409) },
})
const importCsv = createRoute({
  method: 'post',
  path: '/import',
  tags,
  summary: 'Import the roster from CSV (admin): all rows or none, errors by row number',
  request: {
    query: ImportQuery,
    body: { required: true, content: { 'text/csv': { schema: z.string().meta({ description: 'UTF-8 CSV, BOM optional; columns as in the export' }) } } },
  },
  responses: { 200: json(SupervisorImportReport, 'Imported (or checked, with dryRun)'), ...errors(400, 401, 403, 413, 415) },
})
const exportCsv = createRoute({
  method: 'get',
  path: '/export',
  tags,
  summary: 'The roster as CSV (UTF-8 with BOM), importable as is (admin)',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors(401, 403) },
})

export const rosterRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    return c.json({ items: await roster.listSupervisors(db, c.req.valid('query'), now(), config.TZ) }, 200)
  })
  .openapi(exportCsv, async (c) => {
    authorize(c, 'supervisors.manage')
    const { db } = c.get('deps')
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="supervisors.csv"; filename*=UTF-8''${encodeURIComponent('监督员名册.csv')}`)
    return c.body(await exportRosterCsv(db), 200)
  })
  .openapi(create, async (c) => {
    const actor = authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    const created = await roster.createSupervisor(db, c.req.valid('json'), now(), config.TZ)
    c.get('log').info('supervisor appointed', { reqId: c.get('requestId'), supervisorId: created.supervisor.id, userId: actor.id })
    return c.json(created, 201)
  })
  .openapi(get, async (c) => {
    authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    return c.json(await roster.getSupervisor(db, c.req.valid('param').id, now(), config.TZ, { wholePhone: true }), 200)
  })
  .openapi(update, async (c) => {
    authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    return c.json(await roster.updateSupervisor(db, c.req.valid('param').id, c.req.valid('json'), now(), config.TZ), 200)
  })
  .openapi(renew, async (c) => {
    authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    return c.json(await roster.renewSupervisor(db, c.req.valid('param').id, c.req.valid('json').termEnd, now(), config.TZ), 200)
  })
  .openapi(end, async (c) => {
    const actor = authorize(c, 'supervisors.manage')
    const { db, now, config } = c.get('deps')
    const ended = await roster.endSupervisor(db, c.req.valid('param').id, c.req.valid('json').reason, now(), config.TZ)
    c.get('log').info('supervisor appointment ended', { reqId: c.get('requestId'), supervisorId: ended.id, userId: actor.id })
    return c.json(ended, 200)
  })
  .openapi(importCsv, async (c) => {
    authorize(c, 'supervisors.manage')
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? '')) throw new AppError(415, 'unsupported_media_type')
    const { db, now } = c.get('deps')
    const csv = await c.req.text()
    return c.json(await importRosterCsv(db, csv, c.req.valid('query').dryRun, c.get('locale'), now()), 200)
  })
