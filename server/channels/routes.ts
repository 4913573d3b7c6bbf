import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ApiKey, ApiKeyCreate, ApiKeyCreated, CodeRequest, Kiosk, KioskCreate, KioskCreated, OneTimeCode, OperatorEntry } from '../../shared/schemas/channels'
import { IdParam, IdParams } from '../../shared/schemas/common'
import { SubmissionBody, SubmissionReceipt, SurveyInfo } from '../../shared/schemas/survey'
import { authorize, authorizeScoped } from '../access/actor'
import type { AppEnv } from '../env'
import { clientAddress } from '../http/client'
import { AppError, notFound } from '../http/errors'
import { createRouter, errors, json, jsonBody, PUBLIC } from '../http/openapi'
import { qrSvg } from '../qr/svg'
import { acceptSubmission, surveyInfo, windowSurvey } from '../survey/routes'
import * as service from './service'

const tags = ['channels']
const Gone = json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Used, expired or replaced')
const TokenParams = z.object({ token: z.string().min(1).max(64) })
const CodeParams = z.object({ code: z.string().min(1).max(64) })

// ---- staff: kiosks, API keys, codes, operator entry --------------------------------------------------------------

const listKiosks = createRoute({
  method: 'get',
  path: '/kiosks',
  tags,
  summary: 'Kiosks (评价器/平板) registered at a window',
  request: { query: z.object({ windowId: IdParam }) },
  responses: { 200: json(z.object({ items: z.array(Kiosk) }), 'Kiosks'), ...errors(400, 401, 403, 404) },
})
const createKiosk = createRoute({
  method: 'post',
  path: '/kiosks',
  tags,
  summary: 'Register a kiosk at a window; its address is shown once',
  request: { body: jsonBody(KioskCreate) },
  responses: { 201: json(KioskCreated, 'Registered'), ...errors(400, 401, 403, 404) },
})
const revokeKiosk = createRoute({
  method: 'post',
  path: '/kiosks/{id}/revoke',
  tags,
  summary: 'Revoke a kiosk; its address stops working',
  request: { params: IdParams },
  responses: { 200: json(Kiosk, 'Revoked'), ...errors(400, 401, 403, 404) },
})
const listKeys = createRoute({
  method: 'get',
  path: '/api-keys',
  tags,
  summary: 'Unit API keys for counter systems (admin); the keys themselves are never shown again',
  request: { query: z.object({ unitId: IdParam.optional() }) },
  responses: { 200: json(z.object({ items: z.array(ApiKey) }), 'Keys'), ...errors(400, 401, 403) },
})
const createKey = createRoute({
  method: 'post',
  path: '/api-keys',
  tags,
  summary: 'Create a unit API key (admin); shown once',
  request: { body: jsonBody(ApiKeyCreate) },
  responses: { 201: json(ApiKeyCreated, 'Created'), ...errors(400, 401, 403, 404) },
})
const revokeKey = createRoute({
  method: 'post',
  path: '/api-keys/{id}/revoke',
  tags,
  summary: 'Revoke a unit API key (admin)',
  request: { params: IdParams },
  responses: { 200: json(ApiKey, 'Revoked'), ...errors(400, 401, 403, 404) },
})
const issueCode = createRoute({
  method: 'post',
  path: '/codes',
  tags,
  summary: 'A one-time evaluation code (一次一评) for a transaction at a window (manager’s button)',
  request: { body: jsonBody(CodeRequest) },
  responses: { 201: json(OneTimeCode, 'The code'), ...errors(400, 401, 403, 404, 409) },
})
const issueCodeByKey = createRoute({
  method: 'post',
  path: '/unit/codes',
  tags,
  summary: 'A one-time evaluation code for a counter system, authenticated with the unit’s API key',
  security: [{ unitApiKey: [] }],
  request: { body: jsonBody(CodeRequest) },
  responses: { 201: json(OneTimeCode, 'The code'), ...errors(400, 401, 404, 409) },
})
const operatorSurvey = createRoute({
  method: 'get',
  path: '/operator/windows/{id}/survey',
  tags,
  summary: 'The questionnaire an operator fills for a window (hotline calls, paper forms)',
  request: { params: IdParams },
  responses: { 200: json(SurveyInfo, 'The survey'), ...errors(400, 401, 403, 404) },
})
const operatorSubmit = createRoute({
  method: 'post',
  path: '/operator/responses',
  tags,
  summary: 'Record a response on behalf of a citizen (channel hotline or paper); the operator is recorded',
  request: { body: jsonBody(OperatorEntry) },
  responses: { 201: json(SubmissionReceipt, 'Stored'), 200: json(SubmissionReceipt, 'Already stored'), ...errors(400, 401, 403, 404, 409) },
})

async function codeResponse(c: Context<AppEnv>, row: Awaited<ReturnType<typeof service.issueCode>>) {
  const url = `${c.get('deps').config.PUBLIC_URL}/c/${row.code}`
  return { code: row.code, url, qrSvg: qrSvg(url), transactionId: row.transaction_id, windowId: row.window_id, expiresAt: row.expires_at }
}

export const channelRoutes = createRouter()
  .openapi(listKiosks, async (c) => {
    const { scope } = await authorizeScoped(c, 'qr.manage')
    return c.json({ items: await service.listKiosks(c.get('deps').db, scope, c.req.valid('query').windowId) }, 200)
  })
  .openapi(createKiosk, async (c) => {
    const { scope, actor } = await authorizeScoped(c, 'qr.manage')
    const { db, now, config } = c.get('deps')
    const body = c.req.valid('json')
    const { kiosk, token } = await service.createKiosk(db, scope, body.windowId, body.name, actor.id, now())
    c.header('Cache-Control', 'no-store')
    return c.json({ kiosk, url: `${config.PUBLIC_URL}/k/${token}` }, 201)
  })
  .openapi(revokeKiosk, async (c) => {
    const { scope } = await authorizeScoped(c, 'qr.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.revokeKiosk(db, scope, c.req.valid('param').id, now()), 200)
  })
  .openapi(listKeys, async (c) => {
    authorize(c, 'apikeys.manage')
    return c.json({ items: await service.listApiKeys(c.get('deps').db, c.req.valid('query').unitId) }, 200)
  })
  .openapi(createKey, async (c) => {
    const actor = authorize(c, 'apikeys.manage')
    const { db, now } = c.get('deps')
    const body = c.req.valid('json')
    c.header('Cache-Control', 'no-store')
    return c.json(await service.createApiKey(db, body.unitId, body.name, actor.id, now()), 201)
  })
  .openapi(revokeKey, async (c) => {
    authorize(c, 'apikeys.manage')
    const { db, now } = c.get('deps')
    return c.json(await service.revokeApiKey(db, c.req.valid('param').id, now()), 200)
  })
  .openapi(issueCode, async (c) => {
    const { scope, actor } = await authorizeScoped(c, 'qr.manage')
    const { db, now } = c.get('deps')
    const body = c.req.valid('json')
    if (body.windowId === undefined) throw new AppError(400, 'bad_request')
    const window = await service.windowUnit(db, scope, body.windowId)
    const row = await service.issueCode(db, { unitId: window.unit_id, windowId: window.id, transactionId: body.transactionId, validHours: body.validHours, userId: actor.id, apiKeyId: null }, now())
    return c.json(await codeResponse(c, row), 201)
  })
  .openapi(issueCodeByKey, async (c) => {
    const { db, now } = c.get('deps')
    const { unitId, apiKeyId } = await service.unitOfApiKey(db, c.req.header('authorization'), now())
    const body = c.req.valid('json')
    const window = await service.windowForUnit(db, unitId, body)
    const row = await service.issueCode(db, { unitId, windowId: window.id, transactionId: body.transactionId, validHours: body.validHours, userId: null, apiKeyId }, now())
    return c.json(await codeResponse(c, row), 201)
  })
  .openapi(operatorSurvey, async (c) => {
    const { scope } = await authorizeScoped(c, 'responses.enter')
    const id = c.req.valid('param').id
    await service.windowUnit(c.get('deps').db, scope, id)
    const s = c.get('survey')
    return c.json(await surveyInfo(s, await windowSurvey(s, id)), 200)
  })
  .openapi(operatorSubmit, async (c) => {
    const { scope, actor } = await authorizeScoped(c, 'responses.enter')
    const body = c.req.valid('json')
    const { db } = c.get('deps')
    await service.windowUnit(db, scope, body.windowId)
    if (body.staffId !== undefined) {
      const staff = await db.selectFrom('staff').select('id').where('id', '=', body.staffId).where('window_id', '=', body.windowId).executeTakeFirst()
      if (!staff) throw notFound()
    }
    const s = c.get('survey')
    const receipt = await acceptSubmission(s, await windowSurvey(s, body.windowId), { ...body, durationMs: null }, { channel: body.channel, operatorId: actor.id, staffId: body.staffId ?? null })
    return c.json({ trackingCode: receipt.trackingCode }, receipt.duplicate ? 200 : 201)
  })

// ---- public: kiosks and one-time codes --------------------------------------------------------------------------

const kioskInfo = createRoute({
  method: 'get',
  path: '/k/{token}',
  tags,
  summary: 'The survey of a kiosk’s window (no login)',
  ...PUBLIC,
  request: { params: TokenParams },
  responses: { 200: json(SurveyInfo, 'The survey'), ...errors(404) },
})
const kioskSubmit = createRoute({
  method: 'post',
  path: '/k/{token}/responses',
  tags,
  summary: 'Submit from a kiosk (channel kiosk; no login)',
  ...PUBLIC,
  request: { params: TokenParams, body: jsonBody(SubmissionBody) },
  responses: { 201: json(SubmissionReceipt, 'Stored'), 200: json(SubmissionReceipt, 'Already stored'), ...errors(400, 403, 404, 409, 413) },
})
const codeInfo = createRoute({
  method: 'get',
  path: '/c/{code}',
  tags,
  summary: 'The survey behind a one-time evaluation code (no login)',
  ...PUBLIC,
  request: { params: CodeParams },
  responses: { 200: json(SurveyInfo, 'The survey'), ...errors(404), 410: Gone },
})
const codeSubmit = createRoute({
  method: 'post',
  path: '/c/{code}/responses',
  tags,
  summary: 'Submit with a one-time code: exactly one response per code (no login)',
  ...PUBLIC,
  request: { params: CodeParams, body: jsonBody(SubmissionBody) },
  responses: { 201: json(SubmissionReceipt, 'Stored'), 200: json(SubmissionReceipt, 'Already stored'), ...errors(400, 403, 404, 409, 413), 410: Gone },
})

async function kiosk(c: Context<AppEnv>, token: string) {
  const { db, now } = c.get('deps')
  const k = await service.kioskByToken(db, token)
  if (!k) throw new AppError(404, 'kiosk_unknown')
  await db.updateTable('kiosks').set({ last_seen_at: now().toISOString() }).where('id', '=', k.id).execute()
  return k
}

export const publicChannelRoutes = createRouter()
  .openapi(kioskInfo, async (c) => {
    const k = await kiosk(c, c.req.valid('param').token)
    const s = c.get('survey')
    return c.json(await surveyInfo(s, await windowSurvey(s, k.window_id)), 200)
  })
  .openapi(kioskSubmit, async (c) => {
    const k = await kiosk(c, c.req.valid('param').token)
    const s = c.get('survey')
    const receipt = await acceptSubmission(s, await windowSurvey(s, k.window_id), c.req.valid('json'), { channel: 'kiosk', kioskId: k.id })
    return c.json({ trackingCode: receipt.trackingCode }, receipt.duplicate ? 200 : 201)
  })
  .openapi(codeInfo, async (c) => {
    const { db, now } = c.get('deps')
    const code = await service.usableCode(db, c.req.valid('param').code, now())
    const s = c.get('survey')
    return c.json(await surveyInfo(s, await windowSurvey(s, code.window_id)), 200)
  })
  .openapi(codeSubmit, async (c) => {
    const { db, now } = c.get('deps')
    const body = c.req.valid('json')
    // A resend after a lost answer finds the code used — by this very response: answer with its tracking code.
    const resent = await db
      .selectFrom('responses')
      .innerJoin('one_time_codes', 'one_time_codes.id', 'responses.one_time_code_id')
      .select('responses.tracking_code')
      .where('responses.client_key', '=', body.clientKey)
      .where('one_time_codes.code', '=', c.req.valid('param').code)
      .executeTakeFirst()
    if (resent) return c.json({ trackingCode: resent.tracking_code }, 200)
    const code = await service.usableCode(db, c.req.valid('param').code, now())
    const s = c.get('survey')
    const receipt = await acceptSubmission(s, await windowSurvey(s, code.window_id), body, { channel: 'qr', oneTimeCodeId: code.id, address: clientAddress(c) })
    return c.json({ trackingCode: receipt.trackingCode }, receipt.duplicate ? 200 : 201)
  })
