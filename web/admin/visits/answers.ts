import type { Locale, UiKey } from '../../../shared/i18n'
import type { Definition, Question } from '../../../shared/survey/definition'
import { localText } from '../questionnaires/builder/fields'
import { LEVEL_KEYS } from '../questionnaires/labels'

type Translate = (key: UiKey, params?: Record<string, string | number>) => string

/** One answered (or unanswered) question of a visit, ready to show. */
export interface AnswerRow {
  key: string
  question: string
  /** The answer in words; null when the question was not answered. */
  answer: string | null
  /** Checklist items: passed (是) or failed (否), with the points at stake and whether it is a veto item. */
  check?: { passed: boolean; points: number | undefined; veto: boolean }
  /** Free text keeps its line breaks. */
  long: boolean
}

function answerText(q: Question | undefined, value: unknown, t: Translate, locale: Locale): string {
  const option = (key: unknown) => {
    const found = q?.options?.find((o) => o.key === key)
    return found ? localText(found.text, locale) : String(key)
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no')
  if (Array.isArray(value)) return value.map(option).join(locale === 'en' ? ', ' : '、')
  if (typeof value === 'number') {
    if (q?.type === 'satisfaction5' && LEVEL_KEYS[value]) return `${t(LEVEL_KEYS[value]!)}（${value}）`
    if (q?.type === 'score100') return t('svScoreOf', { score: value, max: 100 })
    if (q?.type === 'scale10') return t('svScoreOf', { score: value, max: 10 })
    return String(value)
  }
  if (q?.type === 'single') return option(value)
  return String(value)
}

/**
 * The visit's answers in the order of the form version it answered, with the question texts and answers in words.
 * Questions it did not answer are listed as unanswered (follow-ups that were not shown are left out); answers to keys
 * the form does not know follow, with their keys as the question.
 */
export function answerRows(answers: Record<string, unknown>, def: Definition | undefined, t: Translate, locale: Locale): AnswerRow[] {
  const rows: AnswerRow[] = []
  const seen = new Set<string>()
  for (const q of def?.questions ?? []) {
    seen.add(q.key)
    const value = answers[q.key]
    const answered = value !== undefined && value !== null && value !== ''
    if (!answered && q.condition) continue // a follow-up that was not shown
    rows.push({
      key: q.key,
      question: localText(q.text, locale),
      answer: answered ? answerText(q, value, t, locale) : null,
      ...(q.type === 'check' && typeof value === 'boolean' ? { check: { passed: value, points: q.points, veto: q.veto === true } } : {}),
      long: q.type === 'text',
    })
  }
  for (const [key, value] of Object.entries(answers)) {
    if (seen.has(key) || value === undefined || value === null || value === '') continue
    rows.push({ key, question: key, answer: answerText(undefined, value, t, locale), long: typeof value === 'string' && value.length > 40 })
  }
  return rows
}
