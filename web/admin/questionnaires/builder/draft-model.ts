import type { Condition, Definition, LocalText, Question, QuestionType } from '../../../../shared/survey/definition'
import type { FieldProblem } from '../../../app/api-error'
import { LEVEL_ORDER } from '../labels'

// The builder edits a whole definition in memory and sends it on save; the server validates it. These pure functions
// are the edits, kept apart from the components so that they can be tested on their own.

/** A value a condition can list: a level (5…1), an option key, or yes / no. */
export type ConditionValue = Condition['anyOf'][number]

/** Question types whose answers a later question can depend on. */
export const CONDITION_SOURCES: readonly QuestionType[] = ['satisfaction5', 'single', 'multiple', 'check']

const NEW_QUESTION_TEXT = '新题目'
const optionText = (n: number) => `选项 ${n}`

/** The first free key with this prefix: q1, q2 … (keys are what answers and conditions refer to). */
export function freeKey(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken)
  let n = 1
  while (used.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

/** A new five-level question, not required, weight 1. */
export function newQuestion(def: Definition): Question {
  return { key: freeKey(def.questions.map((q) => q.key), 'q'), type: 'satisfaction5', text: { zh: NEW_QUESTION_TEXT, en: undefined }, required: false, weight: 1, overall: false }
}

/** Two options to start a choice question with. */
const starterOptions = () => [
  { key: 'o1', text: { zh: optionText(1), en: undefined } },
  { key: 'o2', text: { zh: optionText(2), en: undefined } },
]

/** A question turned into another type: settings that only fit the old type go, the new type gets what it needs. */
export function changeType(q: Question, type: QuestionType): Question {
  const { options, points, veto, maxLength, format, ...rest } = q
  const next: Question = { ...rest, type, overall: type === 'satisfaction5' && q.overall }
  if (type === 'single' || type === 'multiple') next.options = options && options.length >= 2 ? options : starterOptions()
  if (type === 'check') {
    if (points !== undefined) next.points = points
    if (veto !== undefined) next.veto = veto
  }
  if (type === 'text') {
    if (maxLength !== undefined) next.maxLength = maxLength
    if (format !== undefined) next.format = format
  }
  return next
}

/** Applies a patch to question i. */
export function updateQuestion(def: Definition, i: number, patch: (q: Question) => Question): Definition {
  return { ...def, questions: def.questions.map((q, j) => (j === i ? patch(q) : q)) }
}

/**
 * Changes question i's type. Conditions that listed its old answers no longer fit, so later questions that depend on
 * it keep the dependency but lose the values (the server then asks for new ones).
 */
export function retype(def: Definition, i: number, type: QuestionType): Definition {
  const target = def.questions[i]
  if (!target || target.type === type) return def
  const key = target.key
  return {
    ...def,
    questions: def.questions.map((q, j) => {
      if (j === i) return changeType(q, type)
      if (q.condition?.question !== key) return q
      return CONDITION_SOURCES.includes(type) ? { ...q, condition: { question: key, anyOf: [] } } : withoutCondition(q)
    }),
  }
}

/** Moves question i up (-1) or down (+1). */
export function moveQuestion(def: Definition, i: number, delta: -1 | 1): Definition {
  const j = i + delta
  if (j < 0 || j >= def.questions.length) return def
  const questions = [...def.questions]
  ;[questions[i], questions[j]] = [questions[j]!, questions[i]!]
  return { ...def, questions }
}

/** The positions of the questions whose condition refers to question i. */
export function dependentsOf(def: Definition, i: number): number[] {
  const key = def.questions[i]?.key
  return def.questions.flatMap((q, j) => (key !== undefined && q.condition?.question === key ? [j] : []))
}

const withoutCondition = (q: Question): Question => {
  const { condition: _dropped, ...rest } = q
  return rest
}

/** Removes question i; questions shown on condition of it lose that condition. */
export function removeQuestion(def: Definition, i: number): Definition {
  const key = def.questions[i]?.key
  return {
    ...def,
    questions: def.questions.filter((_, j) => j !== i).map((q) => (q.condition?.question === key ? withoutCondition(q) : q)),
  }
}

/** Adds a question at the end. */
export function addQuestion(def: Definition): Definition {
  return { ...def, questions: [...def.questions, newQuestion(def)] }
}

/**
 * Makes question i the overall rating (or not). There is one per questionnaire, always required and never conditional,
 * so setting it here clears it elsewhere and makes the question fit.
 */
export function setOverall(def: Definition, i: number, on: boolean): Definition {
  return {
    ...def,
    questions: def.questions.map((q, j) => {
      if (j !== i) return on && q.overall ? { ...q, overall: false } : q
      if (!on) return { ...q, overall: false }
      return { ...withoutCondition(q), overall: true, required: true }
    }),
  }
}

/** The earlier questions that question i may depend on. */
export function conditionSources(def: Definition, i: number): { index: number; question: Question }[] {
  return def.questions.slice(0, Math.max(0, i)).flatMap((question, index) => (CONDITION_SOURCES.includes(question.type) ? [{ index, question }] : []))
}

/** The answers of a question a condition can list, in the order they are offered. */
export function answerValues(q: Question): ConditionValue[] {
  switch (q.type) {
    case 'satisfaction5':
      return [...LEVEL_ORDER]
    case 'single':
    case 'multiple':
      return (q.options ?? []).map((o) => o.key)
    case 'check':
      return [true, false]
    default:
      return []
  }
}

/** Adds or removes one value of question i's condition (keeping the order the values are offered in). */
export function toggleConditionValue(def: Definition, i: number, value: ConditionValue, on: boolean): Definition {
  return updateQuestion(def, i, (q) => {
    if (!q.condition) return q
    const source = def.questions.find((s) => s.key === q.condition!.question)
    const chosen = new Set<ConditionValue>(q.condition.anyOf)
    if (on) chosen.add(value)
    else chosen.delete(value)
    const order = source ? answerValues(source) : [...chosen]
    return { ...q, condition: { question: q.condition.question, anyOf: order.filter((v) => chosen.has(v)) } }
  })
}

/** Sets which question question i depends on (null: always shown). */
export function setConditionSource(def: Definition, i: number, sourceKey: string | null): Definition {
  return updateQuestion(def, i, (q) => (sourceKey === null ? withoutCondition(q) : { ...q, condition: { question: sourceKey, anyOf: [] } }))
}

/**
 * Replaces question i's options. Later questions shown on condition of it keep only the options that still exist
 * (a removed option can no longer be answered).
 */
export function setOptions(def: Definition, i: number, options: NonNullable<Question['options']>): Definition {
  const key = def.questions[i]?.key
  const keys = new Set<ConditionValue>(options.map((o) => o.key))
  return {
    ...def,
    questions: def.questions.map((q, j) => {
      if (j === i) return { ...q, options }
      if (!q.condition || q.condition.question !== key) return q
      return { ...q, condition: { question: q.condition.question, anyOf: q.condition.anyOf.filter((v) => keys.has(v)) } }
    }),
  }
}

/** A new option for a choice question, with a key not used in it yet. */
export function newOption(q: Question) {
  const options = q.options ?? []
  return { key: freeKey(options.map((o) => o.key), 'o'), text: { zh: optionText(options.length + 1), en: undefined } }
}

/** Text as it is saved: trimmed, an empty English part left out (JSON drops the undefined). */
export function cleanText(text: LocalText): { zh: string; en: string | undefined } {
  return { zh: text.zh.trim(), en: text.en?.trim() || undefined }
}

/** The definition as it is sent to the server. */
export function forSaving(def: Definition): Definition {
  const { intro, ...rest } = def
  const cleanIntro = intro && (intro.zh.trim() || intro.en?.trim()) ? cleanText(intro) : undefined
  return {
    ...rest,
    title: cleanText(def.title),
    ...(cleanIntro ? { intro: cleanIntro } : {}),
    questions: def.questions.map(({ dimension, ...q }) => ({
      ...q,
      ...(dimension?.trim() ? { dimension: dimension.trim() } : {}),
      text: cleanText(q.text),
      ...(q.help ? { help: cleanText(q.help) } : {}),
      ...(q.options ? { options: q.options.map((o) => ({ ...o, text: cleanText(o.text) })) } : {}),
    })),
  }
}

/** Server problems of a definition, sorted by where they belong on the page. */
export interface DefinitionProblems {
  /** Problems of the definition as a whole or of the question list ("exactly one overall question"). */
  general: FieldProblem[]
  title: FieldProblem[]
  intro: FieldProblem[]
  /** By question index; each problem's path is relative to the question: "text.zh", "options.1.text.zh", "condition". */
  questions: Map<number, FieldProblem[]>
}

/** Sorts the server's `definition.questions.2.options` style paths into the places the builder shows them. */
export function sortProblems(fields: readonly FieldProblem[]): DefinitionProblems {
  const result: DefinitionProblems = { general: [], title: [], intro: [], questions: new Map() }
  for (const f of fields) {
    const parts = f.path.split('.')
    if (parts[0] === 'definition') parts.shift()
    const [head, index, ...rest] = parts
    if (head === 'title' || head === 'intro') result[head].push({ ...f, path: [index, ...rest].filter(Boolean).join('.') })
    else if (head === 'questions' && index !== undefined && /^\d+$/.test(index)) {
      const i = Number(index)
      result.questions.set(i, [...(result.questions.get(i) ?? []), { ...f, path: rest.join('.') }])
    } else result.general.push(f)
  }
  return result
}

/** The first message of a field (or of anything inside it: "options" covers "options.1.text.zh"). */
export function problemAt(problems: readonly FieldProblem[] | undefined, path: string): string | undefined {
  return problems?.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message
}
