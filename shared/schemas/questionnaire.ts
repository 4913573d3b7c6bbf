import { z } from 'zod'
import { Definition, QuestionnaireKind } from '../survey/definition'
import { Instant, QueryFlag } from './common'

export const VersionStatus = z.enum(['draft', 'published'])

export const VersionSummary = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    status: VersionStatus,
    publishedAt: Instant.nullable(),
    responseCount: z.number().int(),
    updatedAt: Instant,
  })
  .meta({ id: 'QuestionnaireVersionSummary' })
export type VersionSummary = z.infer<typeof VersionSummary>

export const Questionnaire = z
  .object({
    id: z.number().int(),
    kind: QuestionnaireKind,
    name: z.string(),
    description: z.string().nullable(),
    templateKey: z.string().nullable(),
    archived: z.boolean(),
    versions: z.array(VersionSummary),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Questionnaire' })
export type Questionnaire = z.infer<typeof Questionnaire>

export const QuestionnaireVersion = z
  .object({
    id: z.number().int(),
    questionnaireId: z.number().int(),
    version: z.number().int(),
    status: VersionStatus,
    /** True once it has responses: editing then makes the next version. */
    frozen: z.boolean(),
    definition: Definition,
    publishedAt: Instant.nullable(),
  })
  .meta({ id: 'QuestionnaireVersion' })
export type QuestionnaireVersion = z.infer<typeof QuestionnaireVersion>

export const QuestionnaireCreate = z.union([
  z.strictObject({
    kind: QuestionnaireKind,
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    definition: Definition,
  }),
  z.strictObject({
    fromTemplate: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(100).optional(),
  }),
  z.strictObject({
    copyOf: z.number().int().positive(),
    name: z.string().trim().min(1).max(100).optional(),
  }),
])
export const QuestionnaireUpdate = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(500).nullish(),
  archived: z.boolean().optional(),
})
export const DraftBody = z.strictObject({ definition: Definition })
export const QuestionnaireListQuery = z.object({ kind: QuestionnaireKind.optional(), includeArchived: QueryFlag })

export const Template = z
  .object({ key: z.string(), kind: QuestionnaireKind, name: z.string(), description: z.string(), definition: Definition })
  .meta({ id: 'QuestionnaireTemplate' })
