import type { IncomingMessage, ServerResponse } from 'node:http'
import { HTTPException } from 'hono/http-exception'
import { pickLocale } from '../../shared/i18n'
import { SubmissionBody } from '../../shared/schemas/survey'
import { API_HEADERS, BODY_LIMIT } from '../app'
import { logRequest } from '../http/access-log'
import { addressOf } from '../http/client'
import { errorReply, ValidationError } from '../http/errors'
import type { FastPath } from '../http/fast-paths'
import { REQUEST_ID_HEADER, requestIdFrom } from '../http/request-id'
import { deviceMarkerCookie } from './markers'
import type { SurveyServices } from '../env'
import { submitByToken } from './routes'

/** `POST /api/s/{token}/responses` with a plain token (what the app's router would match, query string aside). */
const SUBMIT_PATH = /^\/api\/s\/([A-Za-z0-9_-]{1,64})\/responses(?:\?|$)/
/** What the app's JSON validator reads as JSON, in its plain UTF-8 forms. */
const JSON_TYPE = /^application\/json(?:;\s*charset=utf-8)?$/i

/**
 * Citizens' QR submissions, answered without the framework in between. This is the one endpoint that takes load (every
 * citizen at every window), and Hono's request and response objects, router and middleware chain cost about as much as
 * the submission itself (`docs/performance.md`). Only the well-formed common case is taken: a POST from our own origin
 * (`PUBLIC_URL`), with a declared length within the limit and a JSON content type. Anything else — another origin, a
 * streamed or large body, another content type — goes to the app, whose middleware answers it as for every route.
 *
 * What the request then goes through is the app's own code, not a copy: `submitByToken` (the route's implementation),
 * the same zod schema, `errorReply` (the app's error bodies and messages), the same request id, API headers and access
 * log line. `test/api/submit-fast-path.test.ts` sends the same requests here and through the app and compares the
 * answers.
 */
export function submitFastPath(survey: SurveyServices): FastPath {
  const ourOrigin = new URL(survey.deps.config.PUBLIC_URL).origin
  return (req, res) => {
    if (req.method !== 'POST') return false
    const match = SUBMIT_PATH.exec(req.url ?? '')
    if (!match) return false
    const h = req.headers
    const length = h['content-length']
    if (h.origin !== ourOrigin || length === undefined || h['transfer-encoding'] !== undefined || !(Number(length) <= BODY_LIMIT) || !JSON_TYPE.test(h['content-type'] ?? '')) {
      return false
    }
    void answer(survey, req, res, match[1]!)
    return true
  }
}

async function answer(survey: SurveyServices, req: IncomingMessage, res: ServerResponse, token: string) {
  const started = performance.now()
  const { config, log } = survey.deps
  const path = req.url!.split('?')[0]!
  const reqId = requestIdFrom(header(req, 'x-request-id'))
  const locale = pickLocale(header(req, 'accept-language'))
  let status: number
  let body: unknown
  let headers: Record<string, string> = {}
  try {
    const text = await readBody(req)
    if (text === null) return // the client went away: nobody to answer
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' }) // as the app's validator does
    }
    const parsed = SubmissionBody.safeParse(json)
    if (!parsed.success) throw new ValidationError(parsed.error, 'json')
    const sender = {
      deviceCookie: deviceMarkerCookie(header(req, 'cookie')),
      address: addressOf(config.TRUST_PROXY, header(req, 'x-forwarded-for'), () => req.socket.remoteAddress),
    }
    ;({ status, body } = await submitByToken(survey, token, parsed.data, sender))
  } catch (e) {
    const reply = errorReply(e instanceof Error ? e : new Error(String(e)), locale, (error) => log.error('unhandled error', { reqId, method: 'POST', path, error }))
    ;({ status, body, headers } = reply)
  }
  const json = JSON.stringify(body)
  res.writeHead(status, { ...API_HEADERS, [REQUEST_ID_HEADER]: reqId, ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) })
  res.end(json)
  logRequest(log, { reqId, method: 'POST', path, status, ms: performance.now() - started })
}

/** A request header (Node joins repeated ones as the Fetch API does; only Set-Cookie stays a list, never asked here). */
const header = (req: IncomingMessage, name: string) => req.headers[name] as string | undefined

/** The body as text (UTF-8, a leading BOM dropped, as `Request.json()` decodes it), or null if the client went away. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
      const bom = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf
      resolve(all.toString('utf8', bom ? 3 : 0))
    })
    req.on('error', () => resolve(null))
    req.on('close', () => resolve(null)) // after 'end' this changes nothing
  })
}
