import type { Question } from '../../../shared/survey/definition'
import type { Translate } from '../i18n'
import { errorId, hintId, QuestionError, RequiredMark } from './QuestionFrame'

interface Props {
  question: Question
  title: string
  value: string | number | undefined
  error?: string | undefined
  t: Translate
  onChange: (value: string | number | undefined) => void
}

const DEFAULT_TEXT_MAX = 500

/** Free text (a textarea with a counter), a mobile number, or a 0–100 score: one labelled control. */
export function FieldQuestion({ question: q, title, value, error, t, onChange }: Props) {
  const id = `q-${q.key}-input`
  const phone = q.format === 'phone'
  const score = q.type === 'score100'
  const max = q.maxLength ?? DEFAULT_TEXT_MAX
  const text = typeof value === 'string' ? value : value === undefined ? '' : String(value)
  const hint = phone ? t('phoneHint') : score ? t('scoreHint') : t('charCount', { count: text.length, max })
  const common = {
    id,
    name: q.key,
    value: text,
    'aria-invalid': error ? 'true' : undefined,
    'aria-required': q.required ? 'true' : undefined,
    'aria-describedby': [hintId(q.key), error ? errorId(q.key) : ''].join(' ').trim(),
  }
  const read = (e: Event) => (e.currentTarget as HTMLInputElement).value
  return (
    <div class={`q${error ? ' q-invalid' : ''}`} id={`q-${q.key}`}>
      <label class="q-title" for={id}>
        {title}
        {q.required ? <RequiredMark t={t} /> : null}
      </label>
      {phone ? (
        <input {...common} class="input input-phone" type="tel" inputmode="tel" autocomplete="tel" maxlength={11} onInput={(e: Event) => onChange(read(e).replace(/\s/g, '') || undefined)} />
      ) : score ? (
        <input
          {...common}
          class="input input-score"
          type="number"
          inputmode="numeric"
          min="0"
          max="100"
          step="1"
          onInput={(e: Event) => {
            const raw = read(e)
            onChange(raw === '' ? undefined : Number(raw))
          }}
        />
      ) : (
        <textarea {...common} class="input textarea" rows={3} maxlength={max} onInput={(e: Event) => onChange(read(e) || undefined)} />
      )}
      <p class="q-hint" id={hintId(q.key)}>
        {hint}
      </p>
      <QuestionError questionKey={q.key} error={error} />
    </div>
  )
}
