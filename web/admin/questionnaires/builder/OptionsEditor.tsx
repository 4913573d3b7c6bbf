import type { FieldProblem } from '../../../app/api-error'
import type { Question } from '../../../../shared/survey/definition'
import { useT } from '../../../app/i18n'
import { newOption, problemAt } from './draft-model'
import { ArrowIcon, RemoveIcon } from './icons'

type Option = NonNullable<Question['options']>[number]

interface OptionsEditorProps {
  question: Question
  /** Called with the change, applied to the question's latest options. */
  onChange: (update: (options: Option[]) => Option[]) => void
  problems: readonly FieldProblem[] | undefined
  /** The message for the list as a whole (too few options, duplicate keys). */
  error?: string | undefined
}

const MAX_OPTIONS = 20

/** The options of a single- or multiple-choice question: Chinese and English text, add, remove, reorder. */
export function OptionsEditor({ question, onChange, problems, error }: OptionsEditorProps) {
  const t = useT()
  const options = question.options ?? []
  const set = (i: number, patch: Partial<Option['text']>) => onChange((list) => list.map((o, j) => (j === i ? { ...o, text: { ...o.text, ...patch } } : o)))
  const move = (i: number, delta: -1 | 1) =>
    onChange((list) => {
      const next = [...list]
      if (!next[i] || !next[i + delta]) return list
      ;[next[i], next[i + delta]] = [next[i + delta]!, next[i]!]
      return next
    })
  return (
    <fieldset class={`field options-editor${error ? ' has-error' : ''}`}>
      <legend class="field-label">
        {t('options')}
        <span class="field-required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <ol class="option-list">
        {options.map((o, i) => {
          const zhError = problemAt(problems, `options.${i}.text.zh`) ?? problemAt(problems, `options.${i}.key`)
          const enError = problemAt(problems, `options.${i}.text.en`)
          return (
            <li class="option-row">
              <span class="option-number" aria-hidden="true">
                {i + 1}
              </span>
              <div class="option-inputs">
                <input
                  type="text"
                  class="input"
                  lang="zh-CN"
                  value={o.text.zh}
                  maxlength={100}
                  aria-label={t('optionZh', { n: i + 1 })}
                  aria-invalid={zhError ? 'true' : undefined}
                  onInput={(e: Event) => set(i, { zh: (e.currentTarget as HTMLInputElement).value })}
                />
                <input
                  type="text"
                  class="input"
                  lang="en"
                  value={o.text.en ?? ''}
                  maxlength={100}
                  placeholder="English"
                  aria-label={t('optionEn', { n: i + 1 })}
                  aria-invalid={enError ? 'true' : undefined}
                  onInput={(e: Event) => set(i, { en: (e.currentTarget as HTMLInputElement).value })}
                />
                {zhError || enError ? <p class="field-error option-error">{zhError ?? enError}</p> : null}
              </div>
              <div class="option-actions">
                <button type="button" class="icon-button" disabled={i === 0} aria-label={t('moveOptionUpNamed', { n: i + 1 })} onClick={() => move(i, -1)}>
                  <ArrowIcon direction="up" />
                </button>
                <button type="button" class="icon-button" disabled={i === options.length - 1} aria-label={t('moveOptionDownNamed', { n: i + 1 })} onClick={() => move(i, 1)}>
                  <ArrowIcon direction="down" />
                </button>
                <button type="button" class="icon-button icon-button-danger" disabled={options.length <= 2} aria-label={t('removeOptionNamed', { n: i + 1 })} onClick={() => onChange((list) => list.filter((_, j) => j !== i))}>
                  <RemoveIcon />
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      {error ? <p class="field-error">{error}</p> : null}
      <div>
        <button type="button" class="btn btn-small" disabled={options.length >= MAX_OPTIONS} onClick={() => onChange((list) => [...list, newOption({ ...question, options: list })])}>
          + {t('addOption')}
        </button>
      </div>
    </fieldset>
  )
}
