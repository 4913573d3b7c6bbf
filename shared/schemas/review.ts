import { z } from 'zod'
import { Instant, Paging } from './common'

export const ResponseStatus = z.enum(['valid', 'flagged', 'rejected'])
export type ResponseStatus = z.infer<typeof ResponseStatus>

export const ReviewQuery = z.object({
  status: ResponseStatus.default('flagged'),
  campaignId: z.coerce.number().int().positive().optional(),
  ...Paging,
})

export const ReviewItem = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    /** The questionnaire version this response answered (label its answers with that version's questions). */
    questionnaireVersionId: z.number().int(),
    window: z.object({ id: z.number().int(), code: z.string(), name: z.string(), unitName: z.string() }),
    channel: z.string(),
    status: ResponseStatus,
    flagReasons: z.array(z.string()),
    overallLevel: z.number().int().nullable(),
    answers: z.record(z.string(), z.unknown()),
    /** Masked: 138****5678. */
    phone: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    submittedAt: Instant,
    reviewReason: z.string().nullable(),
  })
  .meta({ id: 'ReviewItem' })
export type ReviewItem = z.infer<typeof ReviewItem>

export const ReviewDecision = z
  .strictObject({ decision: z.enum(['valid', 'rejected']), reason: z.string().trim().max(500).optional() })
  .refine((d) => d.decision === 'valid' || (d.reason ?? '').length > 0, { message: 'field_required', path: ['reason'] })
