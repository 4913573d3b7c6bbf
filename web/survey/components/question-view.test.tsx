import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AnswerValue } from '../../../shared/survey/answers'
import type { Question } from '../../../shared/survey/definition'
import { cleanup, mount, textOf, typeInto } from '../../testing/render'
import { translator } from '../i18n'
import { QuestionView } from './QuestionView'

const base = { required: false, weight: 1, overall: false }
const show = (question: Question, value?: AnswerValue, onChange = vi.fn()) => {
  const page = mount(<QuestionView question={question} value={value} locale="zh-CN" t={translator('zh-CN')} onChange={onChange} />)
  return { page, onChange }
}

describe('each question type in its control', () => {
  afterEach(cleanup)

  it('a 0–100 score: a labelled number field for the phone’s number pad', () => {
    const { page, onChange } = show({ ...base, key: 'score', type: 'score100', text: { zh: '请为本次服务打分' } } as Question)
    const input = page.querySelector('input')!
    expect(input.type).toBe('number')
    expect(input.getAttribute('inputmode')).toBe('numeric')
    expect(page.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('请为本次服务打分')
    typeInto(input, '85')
    expect(onChange).toHaveBeenLastCalledWith(85)
    typeInto(input, '')
    expect(onChange).toHaveBeenLastCalledWith(undefined)
  })

  it('a 0–10 scale: eleven choices in a named group', () => {
    const { page, onChange } = show({ ...base, key: 'nps', type: 'scale10', text: { zh: '您向亲友推荐的可能性' } } as Question)
    expect(page.querySelector('legend')?.textContent).toBe('您向亲友推荐的可能性')
    const choices = [...page.querySelectorAll<HTMLInputElement>('input[type=radio]')]
    expect(choices.map((c) => c.closest('label')!.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    choices[0]!.click()
    expect(onChange).toHaveBeenLastCalledWith(0)
  })

  it('a checklist item: yes or no', () => {
    const { page, onChange } = show({ ...base, key: 'uniform', type: 'check', required: true, text: { zh: '着装整：统一着装、佩戴工牌' } } as Question)
    expect(textOf(page.querySelector('legend')!)).toBe('着装整：统一着装、佩戴工牌必答')
    const [yes, no] = [...page.querySelectorAll<HTMLInputElement>('input[type=radio]')]
    expect([yes!.closest('label')!.textContent, no!.closest('label')!.textContent]).toEqual(['是', '否'])
    no!.click()
    expect(onChange).toHaveBeenLastCalledWith(false)
  })

  it('a single choice: radios; a multiple choice: checkboxes that add and remove', () => {
    const options = [
      { key: 'phone', text: { zh: '电话' } },
      { key: 'visit', text: { zh: '上门' } },
    ]
    const single = show({ ...base, key: 'contact', type: 'single', text: { zh: '希望的回访方式' }, options } as Question)
    expect(single.page.querySelectorAll('input[type=radio]')).toHaveLength(2)
    cleanup()
    const multiple = show({ ...base, key: 'when', type: 'multiple', text: { zh: '方便的时间' }, options } as Question, ['phone'])
    const boxes = [...multiple.page.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
    expect(boxes[0]!.checked).toBe(true)
    expect(textOf(multiple.page)).toContain('可多选')
    boxes[1]!.click()
    expect(multiple.onChange).toHaveBeenLastCalledWith(['phone', 'visit'])
  })

  it('free text counts characters against the limit', () => {
    const { page } = show({ ...base, key: 'comment', type: 'text', maxLength: 200, text: { zh: '意见和建议' } } as Question, '态度很好')
    expect(page.querySelector('textarea')!.getAttribute('maxlength')).toBe('200')
    expect(textOf(page)).toContain('已输入 4 / 200 字')
  })

  it('uses the English text when there is one and English is on, else the Chinese', () => {
    const page = mount(
      <div>
        <QuestionView question={{ ...base, key: 'a', type: 'check', text: { zh: '准时', en: 'On time' } } as Question} value={undefined} locale="en" t={translator('en')} onChange={() => {}} />
        <QuestionView question={{ ...base, key: 'b', type: 'check', text: { zh: '着装整齐' } } as Question} value={undefined} locale="en" t={translator('en')} onChange={() => {}} />
      </div>,
    )
    expect([...page.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['On time', '着装整齐'])
  })
})
