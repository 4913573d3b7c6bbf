import { describe, expect, it } from 'vitest'
import type { Definition } from '../../../../shared/survey/definition'
import { answerValues, conditionSources, dependentsOf, forSaving, moveQuestion, removeQuestion, retype, setOptions, setOverall, sortProblems, toggleConditionValue } from './draft-model'

const def: Definition = {
  title: { zh: '窗口服务满意度评价', en: '' },
  questions: [
    { key: 'overall', type: 'satisfaction5', text: { zh: '整体满意度', en: undefined }, required: true, weight: 1, overall: true },
    {
      key: 'reasons',
      type: 'multiple',
      text: { zh: '哪里做得不好', en: undefined },
      required: true,
      weight: 0,
      overall: false,
      condition: { question: 'overall', anyOf: [1, 2] },
      options: [
        { key: 'rude', text: { zh: '态度生硬', en: undefined } },
        { key: 'slow', text: { zh: '办事拖拉', en: undefined } },
      ],
    },
    { key: 'detail', type: 'text', text: { zh: '请具体说明', en: undefined }, required: false, weight: 0, overall: false, condition: { question: 'reasons', anyOf: ['slow'] } },
  ],
}

describe('builder edits', () => {
  it('offers only earlier questions of answerable types as conditions, with their answers', () => {
    expect(conditionSources(def, 2).map((s) => s.question.key)).toEqual(['overall', 'reasons'])
    expect(conditionSources(def, 0)).toEqual([])
    expect(answerValues(def.questions[0]!)).toEqual([5, 4, 3, 2, 1])
    expect(answerValues(def.questions[1]!)).toEqual(['rude', 'slow'])
  })

  it('keeps condition values in the order they are offered', () => {
    const next = toggleConditionValue(def, 1, 5, true)
    expect(next.questions[1]!.condition).toEqual({ question: 'overall', anyOf: [5, 2, 1] })
  })

  it('removing a question drops the conditions that depended on it', () => {
    expect(dependentsOf(def, 1)).toEqual([2])
    const next = removeQuestion(def, 1)
    expect(next.questions.map((q) => q.key)).toEqual(['overall', 'detail'])
    expect(next.questions[1]!.condition).toBeUndefined()
  })

  it('removing an option removes it from conditions; retyping a question clears the values that listed its answers', () => {
    const fewer = setOptions(def, 1, [{ key: 'rude', text: { zh: '态度生硬', en: undefined } }])
    expect(fewer.questions[2]!.condition).toEqual({ question: 'reasons', anyOf: [] })
    const retyped = retype(def, 1, 'text')
    expect(retyped.questions[1]!.options).toBeUndefined()
    expect(retyped.questions[2]!.condition).toBeUndefined() // text answers cannot be a condition
    expect(retype(def, 1, 'single').questions[2]!.condition).toEqual({ question: 'reasons', anyOf: [] })
  })

  it('there is one overall question: setting it moves it and makes it required and unconditional', () => {
    const withSecond = { ...def, questions: [...def.questions, { key: 'q9', type: 'satisfaction5' as const, text: { zh: '服务态度', en: undefined }, required: false, weight: 1, overall: false, condition: { question: 'overall', anyOf: [1] } }] }
    const next = setOverall(withSecond, 3, true)
    expect(next.questions.map((q) => q.overall)).toEqual([false, false, false, true])
    expect(next.questions[3]!.required).toBe(true)
    expect(next.questions[3]!.condition).toBeUndefined()
  })

  it('moves questions and trims texts for saving', () => {
    expect(moveQuestion(def, 2, -1).questions.map((q) => q.key)).toEqual(['overall', 'detail', 'reasons'])
    expect(moveQuestion(def, 0, -1)).toBe(def)
    const saved = JSON.parse(JSON.stringify(forSaving({ ...def, title: { zh: ' 标题 ', en: '  ' }, intro: { zh: '', en: '' } })))
    expect(saved.title).toEqual({ zh: '标题' })
    expect(saved.intro).toBeUndefined()
  })

  it('files server problems under the question and field they are about', () => {
    const sorted = sortProblems([
      { path: 'definition.questions.2.options.1.text.zh', code: 'field_required', message: '必填' },
      { path: 'definition.title.zh', code: 'field_required', message: '必填' },
      { path: 'definition.questions', code: 'field_one_overall', message: '群众问卷必须有且只有一道整体满意度题' },
    ])
    expect(sorted.questions.get(2)).toEqual([{ path: 'options.1.text.zh', code: 'field_required', message: '必填' }])
    expect(sorted.title).toEqual([{ path: 'zh', code: 'field_required', message: '必填' }])
    expect(sorted.general.map((p) => p.code)).toEqual(['field_one_overall'])
  })
})
