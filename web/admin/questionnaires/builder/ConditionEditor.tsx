import { useId } from 'hono/jsx'
import type { Definition, Question } from '../../../../shared/survey/definition'
import { useLocale, useT, type Translate } from '../../../app/i18n'
import type { Locale } from '../../../../shared/i18n'
import { LEVEL_KEYS } from '../labels'
import { answerValues, conditionSources, setConditionSource, toggleConditionValue, type ConditionValue } from './draft-model'
import { localText, SelectInput } from './fields'

/** An answer of a question in words: a level (满意), an option's text, or 是 / 否. */
export function answerLabel(source: Question, value: ConditionValue, t: Translate, locale: Locale): string {
  if (typeof value === 'boolean') return value ? t('yes') : t('no')
  if (source.type === 'satisfaction5' && typeof value === 'number') return t(LEVEL_KEYS[value] ?? 'level3')
  const option = source.options?.find((o) => o.key === value)
  return option ? localText(option.text, locale) : String(value)
}

interface ConditionEditorProps {
  def: Definition
  index: number
  onChange: (change: (def: Definition) => Definition) => void
  error?: string | undefined
}

/**
 * "Show this question only when …": pick an earlier question, then the answers of it that show this one — the five
 * levels for a satisfaction question, the options for a choice question, yes / no for a checklist item.
 */
export function ConditionEditor({ def, index, onChange, error }: ConditionEditorProps) {
  const t = useT()
  const locale = useLocale()
  const id = useId()
  const question = def.questions[index]!
  const sources = conditionSources(def, index)
  const condition = question.condition
  const source = condition ? def.questions.find((q) => q.key === condition.question) : undefined
  // A condition on a question that is no longer earlier stays listed, so the user sees what the server complains about.
  const listed = source && !sources.some((s) => s.question.key === source.key) ? [...sources, { index: def.questions.indexOf(source), question: source }] : sources

  if (sources.length === 0 && !condition) {
    return (
      <div class="field condition-editor">
        <span class="field-label">{t('condition')}</span>
        <p class="field-static-text muted">
          {t('conditionAlways')} · {t('conditionNoEarlier')}
        </p>
      </div>
    )
  }
  const choices = [
    { value: '', label: t('conditionAlways') },
    ...listed.map((s) => ({ value: s.question.key, label: `${t('questionN', { n: s.index + 1 })}：${localText(s.question.text, locale)}` })),
  ]
  return (
    <div class={`condition-editor${error ? ' has-error' : ''}`}>
      <SelectInput label={t('condition')} value={condition?.question ?? ''} options={choices} onChange={(key) => onChange((d) => setConditionSource(d, index, key || null))} error={source ? undefined : error} />
      {source ? (
        <fieldset class="field condition-values" aria-describedby={error ? `${id}-error` : undefined}>
          <legend class="field-label">{t('conditionValues')}</legend>
          <div class="check-grid">
            {answerValues(source).map((value) => (
              <label class="check check-chip">
                <input
                  type="checkbox"
                  checked={condition!.anyOf.includes(value)}
                  onChange={(e: Event) => {
                    const on = (e.currentTarget as HTMLInputElement).checked
                    onChange((d) => toggleConditionValue(d, index, value, on))
                  }}
                />
                <span>{answerLabel(source, value, t, locale)}</span>
              </label>
            ))}
          </div>
          {error ? (
            <p class="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  )
}
