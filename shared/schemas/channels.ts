import { z } from 'zod'
import { Id, Instant, text } from './common'
import { SubmissionBody } from './survey'

export const Kiosk = z
  .object({ id: z.number().int(), windowId: z.number().int(), name: z.string(), createdAt: Instant, revokedAt: Instant.nullable(), lastSeenAt: Instant.nullable() })
  .meta({ id: 'Kiosk' })
export const KioskCreate = z.strictObject({ windowId: Id, name: text(50) })
/** The kiosk with its address, shown once: only a hash of the token is kept. */
export const KioskCreated = z.object({ kiosk: Kiosk, url: z.string() }).meta({ id: 'KioskCreated' })

export const ApiKey = z
  .object({ id: z.number().int(), unitId: z.number().int(), name: z.string(), prefix: z.string(), createdAt: Instant, revokedAt: Instant.nullable(), lastUsedAt: Instant.nullable() })
  .meta({ id: 'ApiKey' })
export const ApiKeyCreate = z.strictObject({ unitId: Id, name: text(50) })
export const ApiKeyCreated = z.object({ apiKey: ApiKey, key: z.string() }).meta({ id: 'ApiKeyCreated' })

/** A counter system's or a manager's request for a one-time evaluation code (一次一评). */
export const CodeRequest = z
  .strictObject({
    windowId: Id.optional(),
    /** The window's code within the key's unit, for counter systems that know codes, not ids. */
    windowCode: z.string().trim().min(1).max(32).optional(),
    transactionId: z.string().trim().min(1).max(64).regex(/^[\w.:/-]+$/, 'field_invalid_format'),
    /** Hours until it expires (default 24). */
    validHours: z.number().int().min(1).max(168).default(24),
  })
  .refine((r) => (r.windowId === undefined) !== (r.windowCode === undefined), { message: 'field_required', path: ['windowId'] })
export const OneTimeCode = z
  .object({ code: z.string(), url: z.string(), qrSvg: z.string(), transactionId: z.string(), windowId: z.number().int(), expiresAt: Instant })
  .meta({ id: 'OneTimeCode' })

export const OperatorEntry = SubmissionBody.omit({ hp: true, durationMs: true }).extend({
  windowId: Id,
  channel: z.enum(['hotline', 'paper']),
  staffId: Id.optional(),
})
