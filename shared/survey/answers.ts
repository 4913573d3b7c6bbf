import type { Definition, Question } from './definition'

/** An answer as sent: a level or score (number), an option key, option keys, yes/no, or text. */
export type AnswerValue = number | string | string[] | boolean
export type Answers = Record<string, AnswerValue>

export const PHONE_PATTERN = /^1[3-9]\d{9}$/
const DEFAULT_TEXT_MAX = 500

/** True when the question's condition holds for the answers given so far (or it has none). */
export function isVisible(question: Question, answers: Answers): boolean {
  const condition = question.condition
  if (!condition) return true
  const value = answers[condition.question]
  if (value === undefined) return false
  return Array.isArray(value) ? value.some((v) => condition.anyOf.includes(v)) : condition.anyOf.includes(value)
}

/**
 * Whether a question is shown, given the keys of the questions before it that are shown (in order: a hidden question
 * hides those that depend on it). Adds it to `shown` when it is.
 */
function shownAfter(q: Question, answers: Answers, shown: Set<string>): boolean {
  const ok = (!q.condition || shown.has(q.condition.question)) && isVisible(q, answers)
  if (ok) shown.add(q.key)
  return ok
}

/** The questions shown for these answers, in order (a hidden question hides those that depend on it). */
export function visibleQuestions(def: Definition, answers: Answers): Question[] {
  const shown = new Set<string>()
  return def.questions.filter((q) => shownAfter(q, answers, shown))
}

export type AnswerProblem =
  | 'answer_required'
  | 'answer_hidden'
  | 'answer_unknown_question'
  | 'answer_invalid'
  | 'answer_too_long'
  | 'answer_bad_phone'

/** Why one answer does not fit its question, or null when it does. */
export function answerProblem(q: Question, value: AnswerValue): AnswerProblem | null {
  const int = (min: number, max: number) => (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : 'answer_invalid')
  switch (q.type) {
    case 'satisfaction5':
      return int(1, 5)
    case 'score100':
      return int(0, 100)
    case 'scale10':
      return int(0, 10)
    case 'check':
      return typeof value === 'boolean' ? null : 'answer_invalid'
    case 'single':
      return typeof value === 'string' && q.options!.some((o) => o.key === value) ? null : 'answer_invalid'
    case 'multiple':
      return Array.isArray(value) &&
        value.length > 0 &&
        new Set(value).size === value.length &&
        value.every((v) => q.options!.some((o) => o.key === v))
        ? null
        : 'answer_invalid'
    case 'text': {
      if (typeof value !== 'string') return 'answer_invalid'
      if (value.length > (q.maxLength ?? DEFAULT_TEXT_MAX)) return 'answer_too_long'
      if (q.format === 'phone' && !PHONE_PATTERN.test(value)) return 'answer_bad_phone'
      return null
    }
  }
}

/** Empty text and empty lists count as "not answered". */
const isBlank = (v: AnswerValue | undefined) => v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

/**
 * Checks a whole submission against its questionnaire version: every answer fits its question, every visible required
 * question is answered, nothing answers a hidden or unknown question. Returns the answers to store (blanks dropped, text
 * trimmed) or the problems by question key.
 */
export function checkAnswers(def: Definition, raw: Answers): { ok: true; answers: Answers } | { ok: false; problems: { question: string; problem: AnswerProblem }[] } {
  const problems: { question: string; problem: AnswerProblem }[] = []
  const answers: Answers = {}
  // Checked on every submission: no map of the questions is built (a questionnaire has tens of questions at most).
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue
    const value = raw[key]!
    if (!def.questions.some((q) => q.key === key)) problems.push({ question: key, problem: 'answer_unknown_question' })
    else if (!isBlank(value)) answers[key] = typeof value === 'string' ? value.trim() : value
  }
  // Visibility reads the answers, so all of them are gathered first.
  const shown = new Set<string>()
  for (const q of def.questions) {
    const value = answers[q.key]
    if (!shownAfter(q, answers, shown)) {
      if (value !== undefined) problems.push({ question: q.key, problem: 'answer_hidden' })
      continue
    }
    if (value === undefined) {
      if (q.required) problems.push({ question: q.key, problem: 'answer_required' })
      continue
    }
    const problem = answerProblem(q, value)
    if (problem) problems.push({ question: q.key, problem })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers }
}
