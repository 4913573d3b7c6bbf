import type { Locale, UiKey } from '../../../shared/i18n'
import type { Definition, Question } from '../../../shared/survey/definition'
import { localText } from '../questionnaires/builder/fields'
import { LEVEL_KEYS } from '../questionnaires/labels'

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string

/** Puts a number answer in words, as fits its question. */
export type NumberText = (q: Question | undefined, value: number, t: Translate) => string

/** A satisfaction level by its name, any other number as it is. */
const levelOrNumber: NumberText = (q, value, t) => (q?.type === 'satisfaction5' && LEVEL_KEYS[value] ? t(LEVEL_KEYS[value]!) : String(value))

/** One answer as a line of the summary: the question (short) and the answer in words. */
export interface AnswerLine {
  question: string
  answer: string
}

/**
 * An answer in words, using the question when it is known (levels, option texts, 是/否). Numbers are put in words by
 * `numberText`, by default a satisfaction level's name.
 */
export function answerText(q: Question | undefined, value: unknown, t: Translate, locale: Locale, numberText: NumberText = levelOrNumber): string {
  const option = (key: unknown) => {
    const found = q?.options?.find((o) => o.key === key)
    return found ? localText(found.text, locale) : String(key)
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no')
  if (Array.isArray(value)) return value.map(option).join(locale === 'en' ? ', ' : '、')
  if (typeof value === 'number') return numberText(q, value, t)
  if (q?.type === 'single') return option(value)
  return String(value)
}

/**
 * The answers of a response other than the overall rating, in questionnaire order, as short lines. Without the
 * questionnaire (not loaded, or the version changed since) the question keys stand in for the texts.
 */
export function summarizeAnswers(answers: Record<string, unknown>, def: Definition | undefined, t: Translate, locale: Locale): AnswerLine[] {
  const questions = new Map((def?.questions ?? []).map((q) => [q.key, q]))
  const order = def ? def.questions.map((q) => q.key) : []
  const keys = Object.keys(answers).sort((a, b) => {
    const ia = order.indexOf(a)
    const ib = order.indexOf(b)
    return (ia === -1 ? 1e6 : ia) - (ib === -1 ? 1e6 : ib)
  })
  return keys
    .filter((key) => !(questions.get(key)?.overall ?? key === 'overall'))
    .map((key) => {
      const q = questions.get(key)
      return { question: q ? localText(q.text, locale) : key, answer: answerText(q, answers[key], t, locale) }
    })
}
