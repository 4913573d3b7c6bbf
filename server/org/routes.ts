import { createRoute, z } from '@hono/zod-openapi'
import { IdParams, page } from '../../shared/schemas/common'
import {
  ImportReport,
  ListQuery,
  OrgTree,
  Sector,
  SectorCreate,
  SectorUpdate,
  Staff,
  StaffCreate,
  StaffListQuery,
  StaffUpdate,
  Unit,
  UnitCreate,
  UnitListQuery,
  UnitUpdate,
  Window,
  WindowCreate,
  WindowListQuery,
  WindowUpdate,
} from '../../shared/schemas/org'
import { authorize, authorizeScoped } from '../access/actor'
import { AppError } from '../http/errors'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import { exportOrgCsv, importOrgCsv } from './csv'
import * as org from './service'

const tags = ['organisation']
const Sectors = z.object({ items: z.array(Sector) }).meta({ id: 'SectorList' })
const UnitPage = page(Unit).meta({ id: 'UnitPage' })
const WindowPage = page(Window).meta({ id: 'WindowPage' })
const StaffPage = page(Staff).meta({ id: 'StaffPage' })
const TreeQuery = ListQuery.pick({ includeInactive: true })
const ImportQuery = z.object({ dryRun: ListQuery.shape.includeInactive })

/** GET /<kind>/{id}: one item the caller may see. */
const getOne = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags,
    summary,
    request: { params: IdParams },
    responses: { 200: json(schema, summary), ...errors(400, 401, 403, 404) },
  })

// ---- route declarations ---------------------------------------------------------------------------------------

const tree = createRoute({
  method: 'get',
  path: '/tree',
  tags,
  summary: 'The organisation the caller may see: sectors, units, windows (flat; nest with buildOrgTree)',
  request: { query: TreeQuery },
  responses: { 200: json(OrgTree, 'The organisation'), ...errors(400, 401, 403) },
})

const listSectors = createRoute({
  method: 'get',
  path: '/sectors',
  tags,
  summary: 'Sectors (行业) the caller may see',
  request: { query: TreeQuery },
  responses: { 200: json(Sectors, 'Sectors'), ...errors(400, 401, 403) },
})
const getSector = getOne('/sectors/{id}', 'One sector', Sector)
const createSector = createRoute({
  method: 'post',
  path: '/sectors',
  tags,
  summary: 'Create a sector (admin)',
  request: { body: jsonBody(SectorCreate) },
  responses: { 201: json(Sector, 'Created'), ...errors(400, 401, 403, 409) },
})
const updateSector = createRoute({
  method: 'patch',
  path: '/sectors/{id}',
  tags,
  summary: 'Rename a sector (admin)',
  request: { params: IdParams, body: jsonBody(SectorUpdate) },
  responses: { 200: json(Sector, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})

const listUnits = createRoute({
  method: 'get',
  path: '/units',
  tags,
  summary: 'Units (单位) the caller may see',
  request: { query: UnitListQuery },
  responses: { 200: json(UnitPage, 'Units'), ...errors(400, 401, 403) },
})
const getUnit = getOne('/units/{id}', 'One unit', Unit)
const createUnit = createRoute({
  method: 'post',
  path: '/units',
  tags,
  summary: 'Create a unit under a sector or a parent unit (admin)',
  request: { body: jsonBody(UnitCreate) },
  responses: { 201: json(Unit, 'Created'), ...errors(400, 401, 403, 404, 409) },
})
const updateUnit = createRoute({
  method: 'patch',
  path: '/units/{id}',
  tags,
  summary: 'Edit or move a unit (admin); its subtree follows',
  request: { params: IdParams, body: jsonBody(UnitUpdate) },
  responses: { 200: json(Unit, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})

const listWindows = createRoute({
  method: 'get',
  path: '/windows',
  tags,
  summary: 'Windows (窗口/站点/班组) the caller may see',
  request: { query: WindowListQuery },
  responses: { 200: json(WindowPage, 'Windows'), ...errors(400, 401, 403) },
})
const getWindow = getOne('/windows/{id}', 'One window', Window)
const createWindow = createRoute({
  method: 'post',
  path: '/windows',
  tags,
  summary: 'Create a window in a unit (admin, or a manager of that unit)',
  request: { body: jsonBody(WindowCreate) },
  responses: { 201: json(Window, 'Created'), ...errors(400, 401, 403, 404, 409) },
})
const updateWindow = createRoute({
  method: 'patch',
  path: '/windows/{id}',
  tags,
  summary: 'Edit a window (admin, or a manager of its unit)',
  request: { params: IdParams, body: jsonBody(WindowUpdate) },
  responses: { 200: json(Window, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})

const listStaff = createRoute({
  method: 'get',
  path: '/staff',
  tags,
  summary: 'Staff (服务人员) the caller may see',
  request: { query: StaffListQuery },
  responses: { 200: json(StaffPage, 'Staff'), ...errors(400, 401, 403) },
})
const getStaff = getOne('/staff/{id}', 'One staff member', Staff)
const createStaff = createRoute({
  method: 'post',
  path: '/staff',
  tags,
  summary: 'Add a staff member to a window (admin, or a manager of its unit)',
  request: { body: jsonBody(StaffCreate) },
  responses: { 201: json(Staff, 'Created'), ...errors(400, 401, 403, 404, 409) },
})
const updateStaff = createRoute({
  method: 'patch',
  path: '/staff/{id}',
  tags,
  summary: 'Edit a staff member (admin, or a manager of their unit)',
  request: { params: IdParams, body: jsonBody(StaffUpdate) },
  responses: { 200: json(Staff, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})

type Kind = 'sectors' | 'units' | 'windows' | 'staff'
/** POST /<kind>/{id}/deactivate and /activate: nothing is ever hard-deleted. */
const toggle = <K extends Kind, A extends 'activate' | 'deactivate', S extends z.ZodType>(kind: K, action: A, schema: S, who: string) =>
  createRoute({
    method: 'post',
    path: `/${kind}/{id}/${action}` as `/${K}/{id}/${A}`,
    tags,
    summary: `${action === 'activate' ? 'Activate' : 'Deactivate'} a ${kind === 'staff' ? 'staff member' : kind.slice(0, -1)} (${who})${action === 'activate' ? '' : '; nothing is deleted'}`,
    request: { params: IdParams },
    responses: { 200: json(schema, 'Updated'), ...errors(400, 401, 403, 404) },
  })

const importCsv = createRoute({
  method: 'post',
  path: '/import',
  tags,
  summary: 'Import the organisation from CSV (admin): all rows or none, errors by row number',
  request: {
    query: ImportQuery,
    body: { required: true, content: { 'text/csv': { schema: z.string().meta({ description: 'UTF-8 CSV, BOM optional; columns as in the export' }) } } },
  },
  responses: { 200: json(ImportReport, 'Imported (or checked, with dryRun)'), ...errors(400, 401, 403, 413, 415) },
})
const exportCsv = createRoute({
  method: 'get',
  path: '/export',
  tags,
  summary: 'The organisation the caller may see as CSV (UTF-8 with BOM), importable as is',
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors(401, 403) },
})

// ---- handlers -------------------------------------------------------------------------------------------------

export const orgRoutes = createRouter()
  .openapi(tree, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.orgTree(c.get('deps').db, scope, c.req.valid('query').includeInactive), 200)
  })
  .openapi(listSectors, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json({ items: await org.listSectors(c.get('deps').db, scope, c.req.valid('query').includeInactive) }, 200)
  })
  .openapi(getSector, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.getSector(c.get('deps').db, scope, c.req.valid('param').id), 200)
  })
  .openapi(createSector, async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.createSector(db, c.req.valid('json'), now()), 201)
  })
  .openapi(updateSector, async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.updateSector(db, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(toggle('sectors', 'deactivate', Sector, 'admin'), async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.setSectorActive(db, c.req.valid('param').id, false, now()), 200)
  })
  .openapi(toggle('sectors', 'activate', Sector, 'admin'), async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.setSectorActive(db, c.req.valid('param').id, true, now()), 200)
  })
  .openapi(listUnits, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.listUnits(c.get('deps').db, scope, c.req.valid('query')), 200)
  })
  .openapi(getUnit, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.getUnit(c.get('deps').db, scope, c.req.valid('param').id), 200)
  })
  .openapi(createUnit, async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.createUnit(db, c.req.valid('json'), now()), 201)
  })
  .openapi(updateUnit, async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.updateUnit(db, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(toggle('units', 'deactivate', Unit, 'admin; its sub-units, windows and staff too'), async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.setUnitActive(db, c.req.valid('param').id, false, now()), 200)
  })
  .openapi(toggle('units', 'activate', Unit, 'admin'), async (c) => {
    authorize(c, 'org.write.structure')
    const { db, now } = c.get('deps')
    return c.json(await org.setUnitActive(db, c.req.valid('param').id, true, now()), 200)
  })
  .openapi(listWindows, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.listWindows(c.get('deps').db, scope, c.req.valid('query')), 200)
  })
  .openapi(getWindow, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.getWindow(c.get('deps').db, scope, c.req.valid('param').id), 200)
  })
  .openapi(createWindow, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.createWindow(db, scope, c.req.valid('json'), now()), 201)
  })
  .openapi(updateWindow, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.updateWindow(db, scope, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(toggle('windows', 'deactivate', Window, 'admin or manager; its staff too'), async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.setWindowActive(db, scope, c.req.valid('param').id, false, now()), 200)
  })
  .openapi(toggle('windows', 'activate', Window, 'admin or manager'), async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.setWindowActive(db, scope, c.req.valid('param').id, true, now()), 200)
  })
  .openapi(listStaff, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.listStaff(c.get('deps').db, scope, c.req.valid('query')), 200)
  })
  .openapi(getStaff, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    return c.json(await org.getStaff(c.get('deps').db, scope, c.req.valid('param').id), 200)
  })
  .openapi(createStaff, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.createStaff(db, scope, c.req.valid('json'), now()), 201)
  })
  .openapi(updateStaff, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.updateStaff(db, scope, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(toggle('staff', 'deactivate', Staff, 'admin or manager'), async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.setStaffActive(db, scope, c.req.valid('param').id, false, now()), 200)
  })
  .openapi(toggle('staff', 'activate', Staff, 'admin or manager'), async (c) => {
    const { scope } = await authorizeScoped(c, 'org.write.windows')
    const { db, now } = c.get('deps')
    return c.json(await org.setStaffActive(db, scope, c.req.valid('param').id, true, now()), 200)
  })
  .openapi(importCsv, async (c) => {
    authorize(c, 'org.import')
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? '')) throw new AppError(415, 'unsupported_media_type')
    const { db, now } = c.get('deps')
    const report = await importOrgCsv(db, await c.req.text(), c.req.valid('query').dryRun, c.get('locale'), now())
    return c.json(report, 200)
  })
  .openapi(exportCsv, async (c) => {
    const { scope } = await authorizeScoped(c, 'org.read')
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="manyi-organisation.csv"`)
    return c.body(await exportOrgCsv(c.get('deps').db, scope), 200)
  })
