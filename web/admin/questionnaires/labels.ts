import type { UiKey } from '../../../shared/i18n'
import type { QuestionnaireKind, QuestionType } from '../../../shared/survey/definition'
import { DIMENSIONS } from '../../../shared/survey/definition'

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

export const isBuiltInDimension = (d: string | undefined): d is BuiltInDimension => (DIMENSIONS as readonly string[]).includes(d ?? '')

/** A count with thousands separators: 17,940. */
export const formatCount = (n: number) => new Intl.NumberFormat('en').format(n)
