import { createRoute, z } from '@hono/zod-openapi'
import { IdParam, IdParams } from '../../shared/schemas/common'
import {
  DraftBody,
  Questionnaire,
  QuestionnaireCreate,
  QuestionnaireListQuery,
  QuestionnaireUpdate,
  QuestionnaireVersion,
  Template,
} from '../../shared/schemas/questionnaire'
import { authorize } from '../access/actor'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import * as service from './service'
import { TEMPLATES } from './templates'

const tags = ['questionnaires']
const VersionParams = z.object({ id: IdParam, version: IdParam })

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Questionnaires with their versions',
  request: { query: QuestionnaireListQuery },
  responses: { 200: json(z.object({ items: z.array(Questionnaire) }), 'Questionnaires'), ...errors(400, 401, 403) },
})
const templates = createRoute({
  method: 'get',
  path: '/templates',
  tags,
  summary: 'Built-in templates (window service, 五个好, 六项承诺)',
  responses: { 200: json(z.object({ items: z.array(Template) }), 'Templates'), ...errors(401, 403) },
})
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a questionnaire: from scratch, from a template, or as a copy (admin); version 1 is a draft',
  request: { body: jsonBody(QuestionnaireCreate) },
  responses: { 201: json(Questionnaire, 'Created'), ...errors(400, 401, 403, 404) },
})
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One questionnaire with its versions',
  request: { params: IdParams },
  responses: { 200: json(Questionnaire, 'The questionnaire'), ...errors(400, 401, 403, 404) },
})
const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Rename, describe or archive a questionnaire (admin)',
  request: { params: IdParams, body: jsonBody(QuestionnaireUpdate) },
  responses: { 200: json(Questionnaire, 'Updated'), ...errors(400, 401, 403, 404) },
})
const getVersion = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags,
  summary: 'One version with its questions',
  request: { params: VersionParams },
  responses: { 200: json(QuestionnaireVersion, 'The version'), ...errors(400, 401, 403, 404) },
})
const saveDraft = createRoute({
  method: 'put',
  path: '/{id}/draft',
  tags,
  summary: 'Save the questions (admin): edits the draft, or starts the next version when the latest is published',
  request: { params: IdParams, body: jsonBody(DraftBody) },
  responses: { 200: json(QuestionnaireVersion, 'The draft'), ...errors(400, 401, 403, 404) },
})
const publish = createRoute({
  method: 'post',
  path: '/{id}/publish',
  tags,
  summary: 'Publish the draft (admin); new responses answer it from now on',
  request: { params: IdParams },
  responses: { 200: json(QuestionnaireVersion, 'Published'), ...errors(400, 401, 403, 404, 409) },
})

export const questionnaireRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'surveys.read')
    return c.json({ items: await service.listQuestionnaires(c.get('deps').db, c.req.valid('query')) }, 200)
  })
  .openapi(templates, (c) => {
    authorize(c, 'surveys.read')
    return c.json({ items: TEMPLATES }, 200)
  })
  .openapi(create, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.createQuestionnaire(db, c.req.valid('json'), now()), 201)
  })
  .openapi(get, async (c) => {
    authorize(c, 'surveys.read')
    return c.json(await service.getQuestionnaire(c.get('deps').db, c.req.valid('param').id), 200)
  })
  .openapi(update, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.updateQuestionnaire(db, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(getVersion, async (c) => {
    authorize(c, 'surveys.read')
    const { id, version } = c.req.valid('param')
    return c.json(await service.getVersion(c.get('deps').db, id, version), 200)
  })
  .openapi(saveDraft, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.saveDraft(db, c.req.valid('param').id, c.req.valid('json').definition, now()), 200)
  })
  .openapi(publish, async (c) => {
    authorize(c, 'surveys.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.publishDraft(db, c.req.valid('param').id, now()), 200)
  })
