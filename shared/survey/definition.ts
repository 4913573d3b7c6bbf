import { z } from 'zod'

/** The five satisfaction levels, best first: 非常满意 5 … 非常不满意 1. Levels 1 and 2 are 差评. */
export const LEVELS = [5, 4, 3, 2, 1] as const
export type Level = (typeof LEVELS)[number]
/** Levels that count as a bad review (差评). */
export const BAD_LEVELS: readonly Level[] = [1, 2]

export const QUESTION_TYPES = ['satisfaction5', 'score100', 'scale10', 'single', 'multiple', 'check', 'text'] as const
export const QuestionType = z.enum(QUESTION_TYPES)
export type QuestionType = z.infer<typeof QuestionType>

/** Built-in dimension tags; a questionnaire may also use its own. */
export const DIMENSIONS = ['attitude', 'efficiency', 'competence', 'environment', 'integrity'] as const

const Key = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'field_question_key')

/** Text in zh-CN (required) with optional English. */
export const LocalText = (max: number) =>
  z.strictObject({
    zh: z.string().trim().min(1).max(max),
    en: z
      .string()
      .trim()
      .max(max)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
export type LocalText = { zh: string; en?: string | undefined }

export const Option = z.strictObject({ key: Key, text: LocalText(100) })

/** "Show this question when question X's answer is one of …". */
export const Condition = z.strictObject({
  question: Key,
  anyOf: z.array(z.union([z.string().max(40), z.number(), z.boolean()])).min(1).max(20),
})
export type Condition = z.infer<typeof Condition>

export const Question = z.strictObject({
  key: Key,
  type: QuestionType,
  text: LocalText(300),
  help: LocalText(300).optional(),
  required: z.boolean().default(false),
  /** A built-in dimension or a custom tag (服务态度, 服务效率 …). */
  dimension: z.string().trim().min(1).max(20).optional(),
  weight: z.number().min(0).max(100).default(1),
  /** The overall rating (整体满意度): exactly one per citizen questionnaire, always five-level. */
  overall: z.boolean().default(false),
  options: z.array(Option).min(2).max(20).optional(),
  /** Checklist item: points earned by a "yes". */
  points: z.number().min(0).max(100).optional(),
  /** Checklist item: a "no" caps the composite score (一票否决). */
  veto: z.boolean().optional(),
  /** Free text: at most this many characters; `phone` asks for a mainland phone number. */
  maxLength: z.number().int().min(1).max(2000).optional(),
  format: z.enum(['phone']).optional(),
  condition: Condition.optional(),
})
export type Question = z.infer<typeof Question>

export const QuestionnaireKind = z.enum(['citizen', 'supervisor'])
export type QuestionnaireKind = z.infer<typeof QuestionnaireKind>

const DefinitionShape = z.strictObject({
  title: LocalText(100),
  intro: LocalText(500).optional(),
  questions: z.array(Question).min(1).max(60),
})

/** Checks the rules that tie questions together: unique keys, options where needed, conditions pointing backwards. */
function checkDefinition(def: z.infer<typeof DefinitionShape>, ctx: z.RefinementCtx, kind: QuestionnaireKind) {
  const seen = new Map<string, Question>()
  def.questions.forEach((q, i) => {
    const at = (field: string) => ['questions', i, field]
    if (seen.has(q.key)) ctx.addIssue({ code: 'custom', message: 'field_question_key_taken', path: at('key') })
    const needsOptions = q.type === 'single' || q.type === 'multiple'
    if (needsOptions && !q.options) ctx.addIssue({ code: 'custom', message: 'field_options_required', path: at('options') })
    if (!needsOptions && q.options) ctx.addIssue({ code: 'custom', message: 'field_options_not_allowed', path: at('options') })
    if (q.options && new Set(q.options.map((o) => o.key)).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', message: 'field_option_key_taken', path: at('options') })
    }
    if (q.overall && q.type !== 'satisfaction5') ctx.addIssue({ code: 'custom', message: 'field_overall_type', path: at('type') })
    if (q.format === 'phone' && q.type !== 'text') ctx.addIssue({ code: 'custom', message: 'field_invalid_value', path: at('format') })
    if (q.condition) {
      const target = seen.get(q.condition.question)
      if (!target) ctx.addIssue({ code: 'custom', message: 'field_condition_target', path: at('condition') })
    }
    seen.set(q.key, q)
  })
  const overall = def.questions.filter((q) => q.overall)
  if (kind === 'citizen' && overall.length !== 1) ctx.addIssue({ code: 'custom', message: 'field_one_overall', path: ['questions'] })
  if (overall.length === 1 && overall[0]!.condition) ctx.addIssue({ code: 'custom', message: 'field_overall_condition', path: ['questions'] })
  if (overall.length === 1 && !overall[0]!.required) ctx.addIssue({ code: 'custom', message: 'field_overall_required', path: ['questions'] })
}

/** A questionnaire version's content, validated as a whole for its kind. */
export const definitionSchema = (kind: QuestionnaireKind) => DefinitionShape.superRefine((def, ctx) => checkDefinition(def, ctx, kind))
export const Definition = DefinitionShape
export type Definition = z.infer<typeof DefinitionShape>

