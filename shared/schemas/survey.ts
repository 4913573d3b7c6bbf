import { z } from 'zod'
import { Definition } from '../survey/definition'

/** What the citizen page needs: the window, and (when collecting) the questionnaire version to answer. */
export const SurveyInfo = z
  .object({
    state: z.enum(['open', 'no_campaign']),
    window: z.object({ name: z.string(), code: z.string(), unitName: z.string(), hotline: z.string().nullable() }),
    campaign: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    version: z.object({ id: z.number().int(), version: z.number().int(), definition: Definition }).nullable(),
  })
  .meta({ id: 'SurveyInfo' })
export type SurveyInfo = z.infer<typeof SurveyInfo>

const AnswerValue = z.union([z.number(), z.string().max(2000), z.array(z.string().max(40)).max(20), z.boolean()])

export const SubmissionBody = z.strictObject({
  versionId: z.number().int().positive(),
  answers: z.record(z.string().max(40), AnswerValue).refine((a) => Object.keys(a).length <= 60, 'field_too_big'),
  /** A random key the browser keeps with the answers: resending after a network drop stores one response. */
  clientKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  /** Milliseconds from opening the page to submitting. */
  durationMs: z.number().int().min(0).max(86_400_000).nullish(),
  /** A field people never see; bots fill it. */
  hp: z.string().max(200).optional(),
})
export type SubmissionBody = z.infer<typeof SubmissionBody>

export const SubmissionReceipt = z.object({ trackingCode: z.string() }).meta({ id: 'SubmissionReceipt' })
