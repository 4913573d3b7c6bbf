import type { Locale } from '../../../shared/i18n/locale'
import type { AnswerValue } from '../../../shared/survey/answers'
import type { Question } from '../../../shared/survey/definition'
import { localText, type Translate } from '../i18n'
import { Chips } from './Chips'
import { FieldQuestion } from './FieldQuestion'
import { LevelChoices } from './LevelChoices'
import { ChoiceGroup } from './QuestionFrame'

interface Props {
  question: Question
  value: AnswerValue | undefined
  error?: string | undefined
  locale: Locale
  t: Translate
  onChange: (value: AnswerValue | undefined) => void
}

const SCALE = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))

/** One question in the control its type calls for. */
export function QuestionView({ question: q, value, error, locale, t, onChange }: Props) {
  const title = localText(q.text, locale)
  const help = localText(q.help, locale)
  if (q.type === 'text' || q.type === 'score100') {
    return <FieldQuestion question={q} title={help ? `${title}（${help}）` : title} value={value as string | number | undefined} error={error} t={t} onChange={onChange} />
  }
  const group = { questionKey: q.key, title, required: q.required, error, t }
  switch (q.type) {
    case 'satisfaction5':
      return (
        <ChoiceGroup {...group} hint={help} class={q.overall ? 'q-overall' : 'q-level'}>
          <LevelChoices name={q.key} value={value as number | undefined} big={q.overall} t={t} onChange={onChange} />
        </ChoiceGroup>
      )
    case 'scale10':
      return (
        <ChoiceGroup {...group} hint={help || t('scaleHint')}>
          <Chips name={q.key} options={SCALE} value={value} class="chips-scale" onChange={onChange as (v: unknown) => void} />
        </ChoiceGroup>
      )
    case 'check':
      return (
        <ChoiceGroup {...group} hint={help}>
          <Chips
            name={q.key}
            options={[
              { value: true, label: t('yes') },
              { value: false, label: t('no') },
            ]}
            value={value}
            class="chips-two"
            onChange={onChange as (v: unknown) => void}
          />
        </ChoiceGroup>
      )
    default: {
      const multiple = q.type === 'multiple'
      const options = (q.options ?? []).map((o) => ({ value: o.key, label: localText(o.text, locale) }))
      return (
        <ChoiceGroup {...group} hint={help || (multiple ? t('chooseAny') : undefined)}>
          <Chips name={q.key} options={options} value={value} multiple={multiple} onChange={onChange as (v: unknown) => void} />
        </ChoiceGroup>
      )
    }
  }
}
