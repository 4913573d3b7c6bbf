import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import type { MessageKey } from '../../shared/i18n'

// The errors alone, without the messages that render them (errors.ts): the writer thread throws them and should not
// load every translation to do so.

/** An error a client should see: status, stable code, localised message (rendered per request), optional details. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: MessageKey,
    readonly params?: Record<string, string | number>,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(code)
  }
}

export const notFound = () => new AppError(404, 'not_found')
export const forbidden = () => new AppError(403, 'forbidden')
export const conflict = (code: MessageKey, params?: Record<string, string | number>) => new AppError(409, code, params)

/** A validation failure: the zod issues are localised when rendered. */
export class ValidationError extends AppError {
  constructor(readonly zodError: ZodError, readonly target: string) {
    super(400, 'validation_failed')
  }
}

/** A rule on a field that only the server can check (against stored data): rendered like a validation failure. */
export class FieldsError extends AppError {
  constructor(readonly fields: { path: string; key: MessageKey }[]) {
    super(400, 'validation_failed')
  }
}
