import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { fieldErrors, message, type Locale, type MessageKey } from '../../shared/i18n'
import type { AppEnv } from '../env'
import { AppError, FieldsError, ValidationError } from './app-error'

export { AppError, conflict, FieldsError, forbidden, notFound, ValidationError } from './app-error'

const HTTP_CODES: Partial<Record<number, MessageKey>> = {
  400: 'bad_request',
  401: 'not_authenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
}

export interface ErrorReply {
  status: ContentfulStatusCode
  body: { error: { code: string; message: string; details?: unknown } }
  headers: Record<string, string>
}

/**
 * The JSON error answer for any thrown error, in the caller's language. `unexpected` hears of errors that are not the
 * client's (they become 500). Used by the app (renderError) and by the submit fast path, so both answer alike.
 */
export function errorReply(err: Error, locale: Locale, unexpected: (err: Error) => void): ErrorReply {
  if (err instanceof ValidationError) {
    const fields = fieldErrors(err.zodError.issues, locale)
    return { status: 400, body: { error: { code: err.code, message: message(locale, err.code), details: { target: err.target, fields } } }, headers: {} }
  }
  if (err instanceof FieldsError) {
    const fields = err.fields.map((f) => ({ path: f.path, code: f.key, message: message(locale, f.key) }))
    return { status: 400, body: { error: { code: err.code, message: message(locale, err.code), details: { target: 'json', fields } } }, headers: {} }
  }
  if (err instanceof AppError) {
    const body = { code: err.code, message: message(locale, err.code, err.params), ...(err.details === undefined ? {} : { details: err.details }) }
    return { status: err.status, body: { error: body }, headers: err.headers ?? {} }
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code: MessageKey = /malformed json/i.test(err.message) ? 'invalid_json' : (HTTP_CODES[err.status] ?? 'bad_request')
    return { status: err.status as ContentfulStatusCode, body: { error: { code, message: message(locale, code, { limit: '' }) } }, headers: {} }
  }
  unexpected(err)
  return { status: 500, body: { error: { code: 'internal_error', message: message(locale, 'internal_error') } }, headers: {} }
}

/** Renders any thrown error as the JSON error body; unexpected errors are logged and become 500. */
export function renderError(err: Error, c: Context<AppEnv>): Response {
  const reply = errorReply(err, c.get('locale') ?? 'zh-CN', (e) =>
    c.get('log')?.error('unhandled error', { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, error: e }),
  )
  for (const [k, v] of Object.entries(reply.headers)) c.header(k, v)
  return c.json(reply.body, reply.status)
}
