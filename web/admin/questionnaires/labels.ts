import type { UiKey } from '../../../shared/i18n'
import type { DIMENSIONS, Level, QuestionnaireKind, QuestionType } from '../../../shared/survey/definition'

// shared/survey/definition.ts holds these lists too, next to its zod schemas; the staff bundle only imports its types,
// because loading zod in the browser makes it probe for eval, which the CSP refuses. The records below are typed
// against the shared types, so a new question type or dimension there does not compile here until it has a label.

/** 群众评价 / 监督员评议 */
export const KIND_KEYS: Record<QuestionnaireKind, UiKey> = { citizen: 'kindCitizen', supervisor: 'kindSupervisor' }

/** 草稿 / 已发布 */
export const VERSION_STATUS_KEYS: Record<'draft' | 'published', UiKey> = { draft: 'versionDraft', published: 'versionPublished' }

/** The five satisfaction levels in words: 5 非常满意 … 1 非常不满意. */
export const LEVEL_KEYS: Record<number, UiKey> = { 5: 'level5', 4: 'level4', 3: 'level3', 2: 'level2', 1: 'level1' }

export const TYPE_KEYS: Record<QuestionType, UiKey> = {
  satisfaction5: 'typeSatisfaction5',
  score100: 'typeScore100',
  scale10: 'typeScale10',
  single: 'typeSingle',
  multiple: 'typeMultiple',
  check: 'typeCheck',
  text: 'typeText',
}

export type BuiltInDimension = (typeof DIMENSIONS)[number]
export const DIMENSION_KEYS: Record<BuiltInDimension, UiKey> = {
  attitude: 'dimAttitude',
  efficiency: 'dimEfficiency',
  competence: 'dimCompetence',
  environment: 'dimEnvironment',
  integrity: 'dimIntegrity',
}

/** The built-in dimensions, in the order they are offered. */
export const BUILT_IN_DIMENSIONS = Object.keys(DIMENSION_KEYS) as BuiltInDimension[]

export const isBuiltInDimension = (d: string | undefined): d is BuiltInDimension => (BUILT_IN_DIMENSIONS as readonly string[]).includes(d ?? '')

/** The question types, in the order they are offered. */
export const QUESTION_TYPE_ORDER = Object.keys(TYPE_KEYS) as QuestionType[]

/** The five levels, best first (5 非常满意 … 1 非常不满意). */
export const LEVEL_ORDER: readonly Level[] = [5, 4, 3, 2, 1]

/** A count with thousands separators: 17,940. */
export const formatCount = (n: number) => new Intl.NumberFormat('en').format(n)
