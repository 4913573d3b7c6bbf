import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { SubmissionBody, SubmissionReceipt, SurveyInfo } from '../../shared/schemas/survey'
import type { Channel } from './ingest'
import { localDayHour } from '../../shared/time'
import { activeCampaignFor } from '../campaigns/service'
import type { AppEnv } from '../env'
import { clientAddress, isHttps } from '../http/client'
import { AppError } from '../http/errors'
import { createRouter, errors, json, jsonBody, PUBLIC } from '../http/openapi'
import { lookupToken } from '../qr/tokens'
import { currentPublishedVersion, versionDefinition } from '../questionnaires/service'
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, newDeviceMarker, readDeviceMarker, senderHashes } from './markers'
import { serverSecret } from './secrets'

const tags = ['citizen survey']
const TokenParams = z.object({ token: z.string().min(1).max(64) })

const info = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'The survey behind a window’s QR code (no login); sets the device marker cookie',
  ...PUBLIC,
  request: { params: TokenParams },
  responses: { 200: json(SurveyInfo, 'The window and its survey'), ...errors(404), 410: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'The code was replaced') },
})
const submit = createRoute({
  method: 'post',
  path: '/{token}/responses',
  tags,
  summary: 'Submit a citizen’s answers (no login); answered only once the response is durable',
  ...PUBLIC,
  request: { params: TokenParams, body: jsonBody(SubmissionBody) },
  responses: {
    201: json(SubmissionReceipt, 'Stored'),
    200: json(SubmissionReceipt, 'Already stored (a resend of the same answers)'),
    ...errors(400, 403, 404, 409, 413),
    410: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'The code was replaced'),
  },
})

/** The window behind a token and its collecting campaign today, or the friendly error. */
async function resolve(c: Context<AppEnv>, token: string) {
  const { db, now } = c.get('deps')
  // What a scanned token leads to is cached briefly (see SurveyCache).
  const found = (await c.get('surveyCache').tokens.get(token, now().getTime(), () => lookupToken(db, token))) as Awaited<ReturnType<typeof lookupToken>>
  if (found.state === 'replaced') throw new AppError(410, 'survey_replaced')
  if (found.state === 'unknown') throw new AppError(404, 'survey_unknown')
  return windowSurvey(c, found.windowId)
}

/** A window with its unit, and the campaign collecting for it today (if any). */
export async function windowSurvey(c: Context<AppEnv>, windowId: number) {
  const { db, now, config } = c.get('deps')
  const today = localDayHour(now(), config.TZ).day
  return (await c.get('surveyCache').windows.get(`${windowId}:${today}`, now().getTime(), () => loadWindowSurvey(c, windowId, today))) as Awaited<
    ReturnType<typeof loadWindowSurvey>
  >
}

async function loadWindowSurvey(c: Context<AppEnv>, windowId: number, today: string) {
  const { db } = c.get('deps')
  const window = await db
    .selectFrom('windows')
    .innerJoin('units', 'units.id', 'windows.unit_id')
    .select(['windows.id', 'windows.name', 'windows.code', 'windows.active', 'units.name as unit_name', 'units.hotline'])
    .where('windows.id', '=', windowId)
    .executeTakeFirstOrThrow()
  const campaign = window.active === 1 ? await activeCampaignFor(db, window.id, today) : undefined
  return { window, campaign }
}

/** The browser's device marker, issuing a new one when it has none (or a forged one). */
async function deviceId(c: Context<AppEnv>, issue: boolean): Promise<string | null> {
  const secret = await serverSecret(c.get('deps').db)
  const existing = readDeviceMarker(secret, getCookie(c, DEVICE_COOKIE))
  if (existing || !issue) return existing
  const marker = newDeviceMarker(secret)
  setCookie(c, DEVICE_COOKIE, marker, { path: '/api/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c), maxAge: DEVICE_MAX_AGE_S })
  return readDeviceMarker(secret, marker)
}

/** What a survey page shows for a window: its questionnaire when a campaign collects for it, else "not now". */
export async function surveyInfo(c: Context<AppEnv>, resolved: Awaited<ReturnType<typeof windowSurvey>>): Promise<SurveyInfo> {
  const { window, campaign } = resolved
  const windowInfo = { name: window.name, code: window.code, unitName: window.unit_name, hotline: window.hotline }
  const version = campaign ? await currentPublishedVersion(c.get('deps').db, campaign.questionnaire_id) : null
  if (!campaign || !version) return { state: 'no_campaign', window: windowInfo, campaign: null, version: null }
  return { state: 'open', window: windowInfo, campaign: { id: campaign.id, name: campaign.name }, version }
}

/** Stores a submission for a window through the one write path, whatever the channel. */
export async function acceptSubmission(
  c: Context<AppEnv>,
  resolved: Awaited<ReturnType<typeof windowSurvey>>,
  body: SubmissionBody,
  channel: { channel: Channel; deviceId?: string | null; kioskId?: number; operatorId?: number; oneTimeCodeId?: number; staffId?: number | null },
) {
  const { db } = c.get('deps')
  const { window, campaign } = resolved
  if (!campaign) throw new AppError(409, 'survey_closed')
  // The version the citizen saw, if it belongs to this campaign's questionnaire and was published (published versions
  // never change, so the answer may be cached).
  const versionKey = `${body.versionId}:${campaign.questionnaire_id}`
  const cache = c.get('surveyCache').versions
  let version = cache.get(versionKey)
  if (!version) {
    version = await db
      .selectFrom('questionnaire_versions')
      .select(['id', 'definition'])
      .where('id', '=', body.versionId)
      .where('questionnaire_id', '=', campaign.questionnaire_id)
      .where('status', '=', 'published')
      .executeTakeFirst()
    if (!version) throw new AppError(409, 'survey_version_gone')
    cache.set(versionKey, version)
  }
  const secret = await serverSecret(db)
  return c.get('ingestor').submit({
    campaign,
    windowId: window.id,
    staffId: channel.staffId ?? null,
    version: { id: version.id, definition: versionDefinition(version.id, version.definition) },
    channel: channel.channel,
    answers: body.answers,
    durationMs: body.durationMs ?? null,
    clientKey: body.clientKey,
    honeypot: body.hp || null,
    sender: senderHashes(secret, channel.deviceId ?? null, channel.channel === 'qr' ? clientAddress(c) : 'unknown'),
    operatorId: channel.operatorId ?? null,
    kioskId: channel.kioskId ?? null,
    oneTimeCodeId: channel.oneTimeCodeId ?? null,
  })
}

export const surveyRoutes = createRouter()
  .openapi(info, async (c) => {
    const resolved = await resolve(c, c.req.valid('param').token)
    await deviceId(c, true)
    return c.json(await surveyInfo(c, resolved), 200)
  })
  .openapi(submit, async (c) => {
    const resolved = await resolve(c, c.req.valid('param').token)
    const receipt = await acceptSubmission(c, resolved, c.req.valid('json'), { channel: 'qr', deviceId: await deviceId(c, false) })
    return c.json({ trackingCode: receipt.trackingCode }, receipt.duplicate ? 200 : 201)
  })
