import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi'
import type { ZodType } from 'zod'
import { ErrorBody } from '../../shared/schemas/common'
import type { AppEnv } from '../env'
import { ValidationError } from './errors'

/** A router whose validation failures become localised JSON errors. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(result.error, result.target)
    },
  })

/** A required JSON request body. Required matters: an optional body skips validation when the type is wrong. */
export const jsonBody = <T extends ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** A JSON response. */
export const json = <T extends ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input',
  401: 'Not signed in',
  403: 'Not allowed (role or origin)',
  404: 'Not found, or outside the caller’s units',
  409: 'Conflicts with existing data',
  413: 'Body too large',
  415: 'Unsupported content type',
  429: 'Too many attempts (see Retry-After)',
} as const

/** Error responses of an operation, all with the common error body. */
export function errors<S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(statuses.map((s) => [s, json(ErrorBody, ERROR_DESCRIPTIONS[s])])) as {
    [K in S]: ReturnType<typeof json<typeof ErrorBody>>
  }
}

/** Marks an operation that needs no login. */
export const PUBLIC: Pick<RouteConfig, 'security'> = { security: [] }
