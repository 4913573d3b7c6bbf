import type { Locale } from '../../../shared/i18n'
import type { Definition } from '../../../shared/survey/definition'
import { localText } from '../questionnaires/builder/fields'
import { LEVEL_KEYS } from '../questionnaires/labels'
import { answerText, type NumberText, type Translate } from '../review/answer-summary'

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

/** A visit's number answers: a level by its name and number, a score out of its maximum. */
const visitNumberText: NumberText = (q, value, t) => {
  if (q?.type === 'satisfaction5' && LEVEL_KEYS[value]) return `${t(LEVEL_KEYS[value]!)}（${value}）`
  if (q?.type === 'score100') return t('svScoreOf', { score: value, max: 100 })
  if (q?.type === 'scale10') return t('svScoreOf', { score: value, max: 10 })
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
      answer: answered ? answerText(q, value, t, locale, visitNumberText) : null,
      ...(q.type === 'check' && typeof value === 'boolean' ? { check: { passed: value, points: q.points, veto: q.veto === true } } : {}),
      long: q.type === 'text',
    })
  }
  for (const [key, value] of Object.entries(answers)) {
    if (seen.has(key) || value === undefined || value === null || value === '') continue
    rows.push({ key, question: key, answer: answerText(undefined, value, t, locale, visitNumberText), long: typeof value === 'string' && value.length > 40 })
  }
  return rows
}
