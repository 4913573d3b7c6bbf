import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { fieldErrors, message, type MessageKey } from '../../shared/i18n'
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

/** Renders any thrown error as the JSON error body; unexpected errors are logged and become 500. */
export function renderError(err: Error, c: Context<AppEnv>): Response {
  const locale = c.get('locale') ?? 'zh-CN'
  if (err instanceof ValidationError) {
    const fields = fieldErrors(err.zodError.issues, locale)
    return c.json({ error: { code: err.code, message: message(locale, err.code), details: { target: err.target, fields } } }, 400)
  }
  if (err instanceof FieldsError) {
    const fields = err.fields.map((f) => ({ path: f.path, code: f.key, message: message(locale, f.key) }))
    return c.json({ error: { code: err.code, message: message(locale, err.code), details: { target: 'json', fields } } }, 400)
  }
  if (err instanceof AppError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v)
    const body = { code: err.code, message: message(locale, err.code, err.params), ...(err.details === undefined ? {} : { details: err.details }) }
    return c.json({ error: body }, err.status)
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code: MessageKey = /malformed json/i.test(err.message) ? 'invalid_json' : (HTTP_CODES[err.status] ?? 'bad_request')
    return c.json({ error: { code, message: message(locale, code, { limit: '' }) } }, err.status as ContentfulStatusCode)
  }
  c.get('log')?.error('unhandled error', { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, error: err })
  return c.json({ error: { code: 'internal_error', message: message(locale, 'internal_error') } }, 500)
}
