import { describe, expect, it } from 'vitest'
import { checkAnswers, visibleQuestions } from './answers'
import { definitionSchema, type Definition } from './definition'

const def: Definition = definitionSchema('citizen').parse({
  title: { zh: '窗口服务评价' },
  questions: [
    { key: 'overall', type: 'satisfaction5', text: { zh: '整体满意度' }, required: true, overall: true },
    { key: 'reasons', type: 'multiple', text: { zh: '哪里不满意？' }, options: [{ key: 'rude', text: { zh: '态度生硬' } }, { key: 'slow', text: { zh: '办事拖拉' } }], required: true, condition: { question: 'overall', anyOf: [1, 2] } },
    { key: 'other', type: 'text', text: { zh: '其他' }, condition: { question: 'reasons', anyOf: ['slow'] } },
    { key: 'score', type: 'score100', text: { zh: '打分' } },
    { key: 'phone', type: 'text', format: 'phone', text: { zh: '手机' }, maxLength: 11, condition: { question: 'overall', anyOf: [1, 2] } },
  ],
})

describe('checkAnswers', () => {
  it('accepts a good rating with no follow-up', () => {
    expect(checkAnswers(def, { overall: 5, score: 90 })).toEqual({ ok: true, answers: { overall: 5, score: 90 } })
  })

  it('asks for the follow-up on a bad review and follows chained conditions', () => {
    expect(checkAnswers(def, { overall: 2 })).toEqual({ ok: false, problems: [{ question: 'reasons', problem: 'answer_required' }] })
    expect(visibleQuestions(def, { overall: 2, reasons: ['slow'] }).map((q) => q.key)).toEqual(['overall', 'reasons', 'other', 'score', 'phone'])
    expect(checkAnswers(def, { overall: 2, reasons: ['slow'], other: ' 排队太久 ', phone: '13812345678' })).toEqual({
      ok: true,
      answers: { overall: 2, reasons: ['slow'], other: '排队太久', phone: '13812345678' },
    })
  })

  it('refuses answers to hidden and unknown questions, bad values, overlong text and bad phones', () => {
    const result = checkAnswers(def, { overall: 5, reasons: ['rude'], bogus: 1, score: 101 })
    expect(result).toEqual({
      ok: false,
      problems: [
        { question: 'bogus', problem: 'answer_unknown_question' },
        { question: 'reasons', problem: 'answer_hidden' },
        { question: 'score', problem: 'answer_invalid' },
      ],
    })
    expect(checkAnswers(def, { overall: 6 })).toMatchObject({ ok: false, problems: [{ problem: 'answer_invalid' }] })
    expect(checkAnswers(def, { overall: 1, reasons: ['rude', 'rude'] })).toMatchObject({ ok: false })
    expect(checkAnswers(def, { overall: 1, reasons: ['rude'], phone: '12345' })).toMatchObject({ ok: false, problems: [{ problem: 'answer_bad_phone' }] })
    expect(checkAnswers(def, { overall: 1, reasons: ['slow'], other: 'x'.repeat(501) })).toMatchObject({ ok: false, problems: [{ problem: 'answer_too_long' }] })
  })

  it('treats blank text as not answered', () => {
    expect(checkAnswers(def, { overall: 4, phone: '' })).toEqual({ ok: true, answers: { overall: 4 } })
  })
})

describe('definitionSchema', () => {
  it('needs exactly one required overall question on a citizen questionnaire', () => {
    const none = definitionSchema('citizen').safeParse({ title: { zh: 't' }, questions: [{ key: 'a', type: 'text', text: { zh: 'a' } }] })
    expect(none.success).toBe(false)
    expect(none.error!.issues.map((i) => i.message)).toContain('field_one_overall')
    expect(definitionSchema('supervisor').safeParse({ title: { zh: 't' }, questions: [{ key: 'a', type: 'text', text: { zh: 'a' } }] }).success).toBe(true)
  })

  it('refuses duplicate keys, conditions pointing forward, and choices without options', () => {
    const result = definitionSchema('supervisor').safeParse({
      title: { zh: 't' },
      questions: [
        { key: 'a', type: 'single', text: { zh: 'a' }, condition: { question: 'b', anyOf: ['x'] } },
        { key: 'a', type: 'text', text: { zh: 'b' } },
      ],
    })
    expect(result.error!.issues.map((i) => i.message).sort()).toEqual(['field_condition_target', 'field_options_required', 'field_question_key_taken'])
  })
})
