import { createRoute, z } from '@hono/zod-openapi'
import { IdParams, Ok, page } from '../../shared/schemas/common'
import {
  AnnulBody,
  Assignment,
  AssignmentBody,
  AssignmentParams,
  MyAssignments,
  Photo,
  PhotoParams,
  Supervision,
  SupervisionBody,
  SupervisionSummary,
  SummaryQuery,
  Visit,
  VisitBody,
  VisitListQuery,
} from '../../shared/schemas/supervision'
import { authorize, authorizeScoped } from '../access/actor'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import * as assignments from './assignments'
import * as visits from './visits'
import { readPhoto, storePhoto } from './photos'
import { supervisionSummary } from './summary'

const tags = ['supervision']

// ---- per campaign (administrators set up; management reads) ------------------------------------------------

const getSupervision = createRoute({
  method: 'get',
  path: '/campaigns/{id}/supervision',
  tags,
  summary: 'A campaign’s supervisor forms, monthly visit quota and assignments (assignments not shown to unit managers)',
  request: { params: IdParams },
  responses: { 200: json(Supervision, 'Supervision settings'), ...errors(400, 401, 403, 404) },
})
const putSupervision = createRoute({
  method: 'put',
  path: '/campaigns/{id}/supervision',
  tags,
  summary: 'Set a campaign’s supervisor forms and monthly visit quota (admin)',
  request: { params: IdParams, body: jsonBody(SupervisionBody) },
  responses: { 200: json(Supervision, 'Updated'), ...errors(400, 401, 403, 404, 409) },
})
const addAssignment = createRoute({
  method: 'post',
  path: '/campaigns/{id}/assignments',
  tags,
  summary: 'Assign a supervisor to windows of a campaign, by sector, unit or window (admin)',
  request: { params: IdParams, body: jsonBody(AssignmentBody) },
  responses: { 201: json(Assignment, 'Assigned'), ...errors(400, 401, 403, 404, 409) },
})
const removeAssignment = createRoute({
  method: 'delete',
  path: '/campaigns/{id}/assignments/{assignmentId}',
  tags,
  summary: 'Remove an assignment (admin); visits already made stay',
  request: { params: AssignmentParams },
  responses: { 200: json(Ok, 'Removed'), ...errors(400, 401, 403, 404) },
})
const summary = createRoute({
  method: 'get',
  path: '/campaigns/{id}/supervision/summary',
  tags,
  summary: 'Visits, scores and quota attainment per window and per supervisor, for the windows in the caller’s units',
  request: { params: IdParams, query: SummaryQuery },
  responses: { 200: json(SupervisionSummary, 'Summary'), ...errors(400, 401, 403, 404) },
})

// ---- the supervisor's own --------------------------------------------------------------------------------------

const myAssignments = createRoute({
  method: 'get',
  path: '/my/assignments',
  tags,
  summary: 'The signed-in supervisor’s term, campaigns, forms and assigned windows with this month’s quota progress',
  responses: { 200: json(MyAssignments, 'Assignments'), ...errors(401, 403) },
})
const myVisits = createRoute({
  method: 'get',
  path: '/my/visits',
  tags,
  summary: 'The signed-in supervisor’s visits (drafts first, then newest)',
  responses: { 200: json(z.object({ items: z.array(Visit) }), 'Visits'), ...errors(401, 403) },
})
const createVisit = createRoute({
  method: 'post',
  path: '/visits',
  tags,
  summary: 'Start a visit as a draft (supervisor, assigned window, inside the term)',
  request: { body: jsonBody(VisitBody) },
  responses: { 201: json(Visit, 'Draft saved'), ...errors(400, 401, 403, 404, 409) },
})
const updateVisit = createRoute({
  method: 'put',
  path: '/visits/{id}',
  tags,
  summary: 'Change a draft visit (its supervisor)',
  request: { params: IdParams, body: jsonBody(VisitBody) },
  responses: { 200: json(Visit, 'Draft saved'), ...errors(400, 401, 403, 404, 409) },
})
const submitVisit = createRoute({
  method: 'post',
  path: '/visits/{id}/submit',
  tags,
  summary: 'Submit a draft visit (its supervisor): checked in full, scored, then read-only',
  request: { params: IdParams },
  responses: { 200: json(Visit, 'Submitted'), ...errors(400, 401, 403, 404, 409) },
})
const addPhoto = createRoute({
  method: 'post',
  path: '/visits/{id}/photos',
  tags,
  summary: 'Add a photo to a draft visit (JPEG, PNG or WebP, ≤ 10 MB, at most 6); location metadata is removed',
  request: {
    params: IdParams,
    body: {
      required: true,
      content: {
        'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
        'image/png': { schema: z.string().meta({ format: 'binary' }) },
        'image/webp': { schema: z.string().meta({ format: 'binary' }) },
        'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) },
      },
    },
  },
  responses: { 201: json(Photo, 'Stored'), ...errors(400, 401, 403, 404, 409, 413, 415) },
})
const removePhoto = createRoute({
  method: 'delete',
  path: '/visits/{id}/photos/{photoId}',
  tags,
  summary: 'Remove a photo from a draft visit (its supervisor)',
  request: { params: PhotoParams },
  responses: { 200: json(Ok, 'Removed'), ...errors(400, 401, 403, 404, 409) },
})

// ---- reading visits ------------------------------------------------------------------------------------------

const listVisits = createRoute({
  method: 'get',
  path: '/visits',
  tags,
  summary: 'Submitted and annulled visits to windows in the caller’s units (undercover ones hidden from managers until the campaign ends)',
  request: { query: VisitListQuery },
  responses: { 200: json(page(Visit), 'Visits'), ...errors(400, 401, 403) },
})
const getVisit = createRoute({
  method: 'get',
  path: '/visits/{id}',
  tags,
  summary: 'One visit: its supervisor, or management allowed to see its window',
  request: { params: IdParams },
  responses: { 200: json(Visit, 'The visit'), ...errors(400, 401, 403, 404) },
})
const annulVisit = createRoute({
  method: 'post',
  path: '/visits/{id}/annul',
  tags,
  summary: 'Annul a submitted visit with a reason (admin): kept, excluded from scores',
  request: { params: IdParams, body: jsonBody(AnnulBody) },
  responses: { 200: json(Visit, 'Annulled'), ...errors(400, 401, 403, 404, 409) },
})
const getPhoto = createRoute({
  method: 'get',
  path: '/photos/{id}',
  tags,
  summary: 'A visit photo, to whoever may see its visit',
  request: { params: IdParams },
  responses: { 200: { description: 'The image', content: { 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors(400, 401, 403, 404) },
})

export const supervisionRoutes = createRouter()
  .openapi(getSupervision, async (c) => {
    const actor = authorize(c, 'surveys.read')
    const supervision = await assignments.getSupervision(c.get('deps').db, c.req.valid('param').id)
    // A unit's manager must not learn who may visit their windows undercover.
    return c.json(actor.role === 'manager' ? { ...supervision, assignments: [] } : supervision, 200)
  })
  .openapi(putSupervision, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await assignments.setSupervision(db, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(addAssignment, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await assignments.addAssignment(db, c.req.valid('param').id, c.req.valid('json'), now()), 201)
  })
  .openapi(removeAssignment, async (c) => {
    authorize(c, 'surveys.manage')
    const { id, assignmentId } = c.req.valid('param')
    await assignments.removeAssignment(c.get('deps').db, id, assignmentId)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(summary, async (c) => {
    const { actor, scope } = await authorizeScoped(c, 'visits.read')
    const { db, now, config } = c.get('deps')
    return c.json(await supervisionSummary(db, actor, scope, c.req.valid('param').id, c.req.valid('query').month, now(), config.TZ), 200)
  })
  .openapi(myAssignments, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, now, config } = c.get('deps')
    return c.json(await assignments.myAssignments(db, actor.id, now(), config.TZ), 200)
  })
  .openapi(myVisits, async (c) => {
    const actor = authorize(c, 'visits.record')
    return c.json({ items: await visits.listOwnVisits(c.get('deps').db, actor.id) }, 200)
  })
  .openapi(createVisit, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, now, config } = c.get('deps')
    return c.json(await visits.createVisit(db, actor.id, c.req.valid('json'), now(), config.TZ), 201)
  })
  .openapi(updateVisit, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, now, config } = c.get('deps')
    return c.json(await visits.updateVisit(db, actor.id, c.req.valid('param').id, c.req.valid('json'), now(), config.TZ), 200)
  })
  .openapi(submitVisit, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, now, config } = c.get('deps')
    const visit = await visits.submitVisit(db, actor.id, c.req.valid('param').id, now(), config.TZ)
    c.get('log').info('visit submitted', { reqId: c.get('requestId'), visitId: visit.id, userId: actor.id })
    return c.json(visit, 200)
  })
  .openapi(addPhoto, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, now, config } = c.get('deps')
    const visit = await visits.ownDraft(db, actor.id, c.req.valid('param').id)
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    return c.json(await storePhoto(db, config.UPLOAD_DIR, visit.id, bytes, now()), 201)
  })
  .openapi(removePhoto, async (c) => {
    const actor = authorize(c, 'visits.record')
    const { db, config } = c.get('deps')
    const { id, photoId } = c.req.valid('param')
    await visits.ownDraft(db, actor.id, id)
    await visits.removePhoto(db, config.UPLOAD_DIR, id, photoId)
    return c.json({ ok: true as const }, 200)
  })
  .openapi(listVisits, async (c) => {
    const { actor, scope } = await authorizeScoped(c, 'visits.read')
    const { db, now, config } = c.get('deps')
    return c.json(await visits.listVisits(db, actor, scope, c.req.valid('query'), now(), config.TZ), 200)
  })
  .openapi(getVisit, async (c) => {
    const { db, now, config } = c.get('deps')
    return c.json(await visits.readableVisit(db, c.get('actor'), c.get('sessionProblem'), c.req.valid('param').id, now(), config.TZ), 200)
  })
  .openapi(annulVisit, async (c) => {
    const actor = authorize(c, 'visits.annul')
    const { db, now } = c.get('deps')
    const visit = await visits.annulVisit(db, actor.id, c.req.valid('param').id, c.req.valid('json').reason, now())
    c.get('log').info('visit annulled', { reqId: c.get('requestId'), visitId: visit.id, userId: actor.id })
    return c.json(visit, 200)
  })
  .openapi(getPhoto, async (c) => {
    const { db, now, config } = c.get('deps')
    const photo = await visits.readablePhoto(db, c.get('actor'), c.get('sessionProblem'), c.req.valid('param').id, now(), config.TZ)
    const bytes = await readPhoto(config.UPLOAD_DIR, photo.file)
    c.header('Content-Type', photo.mime)
    c.header('Cache-Control', 'private, max-age=3600')
    c.header('Content-Disposition', 'inline')
    return c.body(bytes, 200)
  })
