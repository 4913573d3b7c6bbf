import type { Locale } from '../../shared/i18n/locale'
import type { QuestionnaireVersion } from '../../shared/schemas/questionnaire'
import type { SubmissionBody, SurveyInfo } from '../../shared/schemas/survey'

// Plain fetch and type-only imports: the typed hc client and the zod schemas would cost more than this whole page.

/** What went wrong with a request. Status 0 means no answer at all (offline, timeout). */
export interface ApiProblem {
  status: number
  code: string
  message: string
  /** For 400 answers_invalid: which question has which problem. */
  answers?: { question: string; problem: string }[]
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem }

/** Stored (201, or 200 for a resend), worth retrying later, or refused for good. */
export type SendResult = { kind: 'stored'; trackingCode: string } | { kind: 'retry'; problem: ApiProblem } | { kind: 'refused'; problem: ApiProblem }

/** Weak mobile data can hang a request for minutes; past this we call it a failure and retry. */
export const TIMEOUT_MS = 15_000

const offline = (message: string): ApiProblem => ({ status: 0, code: 'network_error', message })

async function request(url: string, locale: Locale, init: RequestInit = {}): Promise<Response> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    // Absolute, so that the same call works in the browser and in tests (Node's fetch has no page to be relative to).
    return await fetch(new URL(url, location.href), {
      ...init,
      signal: controller.signal,
      headers: { Accept: 'application/json', 'Accept-Language': locale, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    })
  } finally {
    clearTimeout(timer)
  }
}

/** The API's `{ error: { code, message, details } }`, or a stand-in when the body is not ours (a proxy's page). */
async function problemOf(res: Response): Promise<ApiProblem> {
  const problem: ApiProblem = { status: res.status, code: `http_${res.status}`, message: `HTTP ${res.status}` }
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: { answers?: ApiProblem['answers'] } } }
    if (body.error?.code) problem.code = body.error.code
    if (body.error?.message) problem.message = body.error.message
    if (Array.isArray(body.error?.details?.answers)) problem.answers = body.error.details.answers
  } catch {
    // not JSON: keep the status
  }
  return problem
}

async function getJson<T>(url: string, locale: Locale): Promise<Loaded<T>> {
  let res: Response
  try {
    res = await request(url, locale)
  } catch (e) {
    return { ok: false, problem: offline(String(e)) }
  }
  if (!res.ok) return { ok: false, problem: await problemOf(res) }
  try {
    return { ok: true, data: (await res.json()) as T }
  } catch (e) {
    return { ok: false, problem: offline(String(e)) } // cut off mid-body
  }
}

/** GET /api/s|k|c/<token>: the window and the questionnaire to answer. */
export const loadSurvey = (api: string, locale: Locale) => getJson<SurveyInfo>(api, locale)

/** GET /api/questionnaires/<id>/versions/<v> with the staff session, for the preview. */
export const loadPreview = (api: string, locale: Locale) => getJson<QuestionnaireVersion>(api, locale)

/** Network trouble, server trouble and "slow down" pass; any other refusal would only be refused again. */
const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500

/** POST the answers to <api>/responses. */
export async function postResponse(api: string, body: SubmissionBody, locale: Locale): Promise<SendResult> {
  let res: Response
  try {
    res = await request(`${api}/responses`, locale, { method: 'POST', body: JSON.stringify(body) })
  } catch (e) {
    return { kind: 'retry', problem: offline(String(e)) }
  }
  if (res.ok) {
    try {
      const receipt = (await res.json()) as { trackingCode: string }
      return { kind: 'stored', trackingCode: receipt.trackingCode }
    } catch (e) {
      // Stored, but the receipt was lost on the way: a resend with the same client key returns it.
      return { kind: 'retry', problem: offline(String(e)) }
    }
  }
  const problem = await problemOf(res)
  return retryable(res.status) ? { kind: 'retry', problem } : { kind: 'refused', problem }
}
