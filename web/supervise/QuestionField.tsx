import type { Child } from 'hono/jsx'
import type { Locale } from '../../shared/i18n/locale'
import type { AnswerValue } from '../../shared/survey/answers'
import type { Question } from '../../shared/survey/definition'
import type { Translate } from '../app/i18n'
import { Chips, type ChipOption } from '../survey/components/Chips'
import { errorId, hintId, QuestionError } from '../survey/components/QuestionFrame'
import { localText } from '../survey/i18n'

interface Props {
  question: Question
  value: AnswerValue | undefined
  error?: string | undefined
  locale: Locale
  t: Translate
  onChange: (value: AnswerValue | undefined) => void
}

const DEFAULT_TEXT_MAX = 500
const SCALE: ChipOption[] = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))
const LEVELS = [5, 4, 3, 2, 1] as const

const describedBy = (key: string, hint: string | undefined, error: string | undefined) =>
  [hint ? hintId(key) : '', error ? errorId(key) : ''].filter(Boolean).join(' ') || undefined

/** The question's title with its marks: 必答, 一票否决 (unless the text says so already), the points of a checklist item. */
function Title({ q, title, t }: { q: Question; title: string; t: Translate }) {
  const vetoWord = t('spvVeto')
  return (
    <>
      <span class="spv-q-text">{title}</span>
      {q.required ? <span class="spv-req">{t('spvRequired')}</span> : null}
      {q.veto && !title.includes(vetoWord) ? <span class="spv-veto">{vetoWord}</span> : null}
      {q.type === 'check' && q.points !== undefined ? <span class="spv-points">{t('spvPoints', { points: q.points })}</span> : null}
    </>
  )
}

function Group({ q, title, hint, error, t, children }: { q: Question; title: string; hint?: string | undefined; error?: string | undefined; t: Translate; children: Child }) {
  return (
    <fieldset class={`spv-q${q.veto ? ' spv-q-veto' : ''}${error ? ' spv-q-invalid' : ''}`} id={`q-${q.key}`} aria-describedby={describedBy(q.key, hint, error)}>
      <legend class="spv-q-title">
        <Title q={q} title={title} t={t} />
      </legend>
      {hint ? (
        <p class="spv-q-hint" id={hintId(q.key)}>
          {hint}
        </p>
      ) : null}
      {children}
      <QuestionError questionKey={q.key} error={error} />
    </fieldset>
  )
}

/**
 * One question of a supervisor's form in a control made for thumbs: 0–100 as a number with a slider, 0–10 and the five
 * levels as rows of buttons, checklist items as 是 / 否, choices as chips, free text as a text area. The choice
 * controls are the citizen survey's chips (real radios and checkboxes under big labels).
 */
export function QuestionField({ question: q, value, error, locale, t, onChange }: Props) {
  const title = localText(q.text, locale)
  const help = localText(q.help, locale) || undefined
  const pick = onChange as (v: unknown) => void

  switch (q.type) {
    case 'score100':
      return <ScoreField q={q} title={title} help={help} value={value} error={error} t={t} onChange={onChange} />
    case 'text':
      return <TextField q={q} title={title} help={help} value={value} error={error} t={t} onChange={onChange} />
    case 'scale10':
      return (
        <Group q={q} title={title} hint={help ?? t('spvScaleHint')} error={error} t={t}>
          <Chips name={q.key} options={SCALE} value={value} class="chips-scale" onChange={pick} />
        </Group>
      )
    case 'satisfaction5':
      return (
        <Group q={q} title={title} hint={help} error={error} t={t}>
          <Chips name={q.key} options={LEVELS.map((l) => ({ value: l, label: t(`level${l}`) }))} value={value} class="chips-levels" onChange={pick} />
        </Group>
      )
    case 'check':
      return (
        <Group q={q} title={title} hint={help} error={error} t={t}>
          <Chips
            name={q.key}
            options={[
              { value: true, label: t('yes') },
              { value: false, label: t('no') },
            ]}
            value={value}
            class={`chips-two${value === false ? ' is-no' : ''}`}
            onChange={pick}
          />
        </Group>
      )
    default: {
      const multiple = q.type === 'multiple'
      const options = (q.options ?? []).map((o) => ({ value: o.key, label: localText(o.text, locale) }))
      return (
        <Group q={q} title={title} hint={help ?? (multiple ? t('spvChooseAny') : undefined)} error={error} t={t}>
          <Chips name={q.key} options={options} value={value} multiple={multiple} onChange={pick} />
        </Group>
      )
    }
  }
}

interface FieldProps {
  q: Question
  title: string
  help: string | undefined
  value: AnswerValue | undefined
  error: string | undefined
  t: Translate
  onChange: (value: AnswerValue | undefined) => void
}

/** 0–100: a number field for the number pad, and a slider bound to it for a quick estimate. */
function ScoreField({ q, title, help, value, error, t, onChange }: FieldProps) {
  const id = `q-${q.key}-input`
  const score = typeof value === 'number' ? value : undefined
  const hint = help ?? t('spvScoreHint')
  const read = (e: Event) => (e.currentTarget as HTMLInputElement).value
  return (
    <div class={`spv-q${error ? ' spv-q-invalid' : ''}`} id={`q-${q.key}`}>
      <label class="spv-q-title" for={id}>
        <Title q={q} title={title} t={t} />
      </label>
      <p class="spv-q-hint" id={hintId(q.key)}>
        {hint}
      </p>
      <div class="spv-score">
        <input
          id={id}
          name={q.key}
          class="input spv-score-number"
          type="number"
          inputmode="numeric"
          min="0"
          max="100"
          step="1"
          value={score === undefined ? '' : String(score)}
          aria-invalid={error ? 'true' : undefined}
          aria-required={q.required ? 'true' : undefined}
          aria-describedby={describedBy(q.key, hint, error)}
          onInput={(e: Event) => {
            const raw = read(e).trim()
            onChange(raw === '' ? undefined : Number(raw))
          }}
        />
        <input
          class={`spv-score-range${score === undefined ? ' is-unset' : ''}`}
          type="range"
          min="0"
          max="100"
          step="1"
          value={String(score ?? 0)}
          aria-label={t('spvScoreSlider', { title })}
          onInput={(e: Event) => onChange(Number(read(e)))}
        />
      </div>
      <QuestionError questionKey={q.key} error={error} />
    </div>
  )
}

/** Free text with a counter against its limit. */
function TextField({ q, title, help, value, error, t, onChange }: FieldProps) {
  const id = `q-${q.key}-input`
  const max = q.maxLength ?? DEFAULT_TEXT_MAX
  const text = typeof value === 'string' ? value : ''
  const hint = help ? `${help} · ${t('spvCharCount', { count: text.length, max })}` : t('spvCharCount', { count: text.length, max })
  return (
    <div class={`spv-q${error ? ' spv-q-invalid' : ''}`} id={`q-${q.key}`}>
      <label class="spv-q-title" for={id}>
        <Title q={q} title={title} t={t} />
      </label>
      <textarea
        id={id}
        name={q.key}
        class="input spv-textarea"
        rows={q.format === 'phone' ? 1 : 4}
        maxlength={max}
        value={text}
        aria-invalid={error ? 'true' : undefined}
        aria-required={q.required ? 'true' : undefined}
        aria-describedby={describedBy(q.key, hint, error)}
        onInput={(e: Event) => onChange((e.currentTarget as HTMLTextAreaElement).value || undefined)}
      />
      <p class="spv-q-hint spv-q-hint-after" id={hintId(q.key)}>
        {hint}
      </p>
      <QuestionError questionKey={q.key} error={error} />
    </div>
  )
}
