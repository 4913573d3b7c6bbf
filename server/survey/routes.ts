import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { SubmissionBody, SubmissionReceipt, SurveyInfo } from '../../shared/schemas/survey'
import type { Channel } from './ingest'
import { localDayHour } from '../../shared/time'
import { activeCampaignFor } from '../campaigns/service'
import type { AppDeps, AppEnv, SurveyServices } from '../env'
import { clientAddress, isHttps } from '../http/client'
import { AppError } from '../http/errors'
import { createRouter, errors, json, jsonBody, PUBLIC } from '../http/openapi'
import { lookupToken } from '../qr/tokens'
import { currentPublishedVersion, versionDefinition } from '../questionnaires/service'
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, deviceMarkerCookie, newDeviceMarker, readDeviceMarker, senderHashes } from './markers'
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
async function resolve(s: SurveyServices, token: string) {
  const { db, now } = s.deps
  // What a scanned token leads to is cached briefly (see SurveyCache).
  const found = (await s.cache.tokens.get(token, now().getTime(), () => lookupToken(db, token))) as Awaited<ReturnType<typeof lookupToken>>
  if (found.state === 'replaced') throw new AppError(410, 'survey_replaced')
  if (found.state === 'unknown') throw new AppError(404, 'survey_unknown')
  return windowSurvey(s, found.windowId)
}

/** A window with its unit, and the campaign collecting for it today (if any). */
export async function windowSurvey(s: SurveyServices, windowId: number) {
  const { db, now, config } = s.deps
  const today = localDayHour(now(), config.TZ).day
  return (await s.cache.windows.get(`${windowId}:${today}`, now().getTime(), () => loadWindowSurvey(db, windowId, today))) as Awaited<
    ReturnType<typeof loadWindowSurvey>
  >
}

async function loadWindowSurvey(db: AppDeps['db'], windowId: number, today: string) {
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
  const existing = readDeviceMarker(secret, deviceMarkerCookie(c.req.header('cookie')))
  if (existing || !issue) return existing
  const marker = newDeviceMarker(secret)
  setCookie(c, DEVICE_COOKIE, marker, { path: '/api/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c), maxAge: DEVICE_MAX_AGE_S })
  return readDeviceMarker(secret, marker)
}

/** What a survey page shows for a window: its questionnaire when a campaign collects for it, else "not now". */
export async function surveyInfo(s: SurveyServices, resolved: Awaited<ReturnType<typeof windowSurvey>>): Promise<SurveyInfo> {
  const { window, campaign } = resolved
  const windowInfo = { name: window.name, code: window.code, unitName: window.unit_name, hotline: window.hotline }
  const version = campaign ? await currentPublishedVersion(s.deps.db, campaign.questionnaire_id) : null
  if (!campaign || !version) return { state: 'no_campaign', window: windowInfo, campaign: null, version: null }
  return { state: 'open', window: windowInfo, campaign: { id: campaign.id, name: campaign.name }, version }
}

/** How a submission arrived: its channel and what identifies its sender (the address counts for the QR channel only). */
export interface SubmissionChannel {
  channel: Channel
  /** The device marker cookie as sent (checked here: a forged one counts as none). */
  deviceCookie?: string
  address?: string
  kioskId?: number
  operatorId?: number
  oneTimeCodeId?: number
  staffId?: number | null
}

/** Stores a submission for a window through the one write path, whatever the channel. */
export async function acceptSubmission(s: SurveyServices, resolved: Awaited<ReturnType<typeof windowSurvey>>, body: SubmissionBody, channel: SubmissionChannel) {
  const { db } = s.deps
  const { window, campaign } = resolved
  if (!campaign) throw new AppError(409, 'survey_closed')
  // The version the citizen saw, if it belongs to this campaign's questionnaire and was published (published versions
  // never change, so the answer may be cached).
  const versionKey = `${body.versionId}:${campaign.questionnaire_id}`
  const cache = s.cache.versions
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
  return s.ingestor.submit({
    campaign,
    windowId: window.id,
    staffId: channel.staffId ?? null,
    version: { id: version.id, definition: versionDefinition(version.id, version.definition) },
    channel: channel.channel,
    answers: body.answers,
    durationMs: body.durationMs ?? null,
    clientKey: body.clientKey,
    honeypot: body.hp || null,
    sender: senderHashes(secret, readDeviceMarker(secret, channel.deviceCookie), channel.channel === 'qr' ? (channel.address ?? 'unknown') : 'unknown'),
    operatorId: channel.operatorId ?? null,
    kioskId: channel.kioskId ?? null,
    oneTimeCodeId: channel.oneTimeCodeId ?? null,
  })
}

/**
 * A citizen's submission through a window's QR code: the one implementation behind `POST /api/s/{token}/responses`,
 * whether the app's route or the fast path (submit-fast-path.ts) received it. `deviceCookie` is the raw marker cookie;
 * a forged one counts as none (a submission never issues a marker).
 */
export async function submitByToken(s: SurveyServices, token: string, body: SubmissionBody, sender: { deviceCookie: string | undefined; address: string }) {
  const resolved = await resolve(s, token)
  const receipt = await acceptSubmission(s, resolved, body, { channel: 'qr', deviceCookie: sender.deviceCookie, address: sender.address })
  return { status: receipt.duplicate ? (200 as const) : (201 as const), body: { trackingCode: receipt.trackingCode } }
}

export const surveyRoutes = createRouter()
  .openapi(info, async (c) => {
    const s = c.get('survey')
    const resolved = await resolve(s, c.req.valid('param').token)
    await deviceId(c, true)
    return c.json(await surveyInfo(s, resolved), 200)
  })
  .openapi(submit, async (c) => {
    const sender = { deviceCookie: deviceMarkerCookie(c.req.header('cookie')), address: clientAddress(c) }
    const { status, body } = await submitByToken(c.get('survey'), c.req.valid('param').token, c.req.valid('json'), sender)
    return c.json(body, status)
  })
