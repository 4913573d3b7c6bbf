import { z } from 'zod'

// Missing values get their own message ("required") instead of a generic type error.
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'field_required' : undefined,
})

/** A positive integer id in a JSON body. */
export const Id = z.number().int().positive().max(2_147_483_647)
/** A positive integer id in a path or query string. */
export const IdParam = z.coerce.number().int().positive().max(2_147_483_647)
/** An instant as ISO-8601 UTC text, the one time convention of the API and the database. */
export const Instant = z.string().meta({ format: 'date-time', example: '2026-11-21T08:30:00.000Z' })

/** Trimmed, required text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max)
/** Trimmed optional text; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

/** A query-string flag: true/false/1/0. */
export const QueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1')

export const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
}

export const IdParams = z.object({ id: IdParam })

/** A page of list results. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

export const Ok = z.object({ ok: z.literal(true) })

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof ErrorBody>
