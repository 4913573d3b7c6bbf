import { useId, useState } from 'hono/jsx'
import type { Locale } from '../../../../shared/i18n'
import type { LocalText } from '../../../../shared/survey/definition'
import { describedBy, FieldShell } from '../../../ui/Field'

// Controlled inputs for the builder: unlike the dialog forms (read on submit), the builder keeps the whole
// questionnaire in memory and updates it as the user types.

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement).value

interface InputProps {
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  maxLength?: number
  multiline?: boolean
  type?: 'text' | 'date'
  lang?: string
  class?: string
}

/** A labelled text input (or text area, or date) whose value lives in the caller's state. */
export function TextInput(props: InputProps) {
  const id = useId()
  // A date input reports "" while one of its parts is cleared; setting that back would wipe the other parts.
  const [initial] = useState(props.value)
  const common = {
    id,
    class: props.multiline ? 'input textarea' : 'input',
    value: props.type === 'date' ? initial : props.value,
    maxlength: props.maxLength,
    lang: props.lang,
    'aria-required': props.required ? 'true' : undefined,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
    onInput: (e: Event) => props.onInput(valueOf(e)),
  }
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required={props.required} class={props.class}>
      {props.multiline ? <textarea {...common} rows={2} /> : <input type={props.type ?? 'text'} autocomplete="off" {...common} />}
    </FieldShell>
  )
}

interface NumberProps {
  label: string
  value: number | undefined
  onChange: (value: number | undefined) => void
  min?: number
  max?: number
  step?: number | 'any'
  error?: string | undefined
  hint?: string | undefined
  class?: string
}

/**
 * A labelled number input; empty means "not set". The browser keeps what is typed (a number input reports "" while
 * the text is half a number, like "0."), so the value is only given when the input appears.
 */
export function NumberInput(props: NumberProps) {
  const id = useId()
  const [initial] = useState(props.value === undefined ? '' : String(props.value))
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} class={props.class}>
      <input
        id={id}
        type="number"
        class="input input-number"
        value={initial}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e: Event) => {
          const raw = valueOf(e).trim()
          const n = Number(raw)
          props.onChange(raw === '' || !Number.isFinite(n) ? undefined : n)
        }}
      />
    </FieldShell>
  )
}

interface NumberTextProps {
  label: string
  value: string
  onInput: (value: string) => void
  min?: number
  max?: number
  step?: string
  error?: string | undefined
  hint?: string | undefined
}

/**
 * A labelled number input kept as text, so the form can tell "cleared" from 0 (the caller converts on save). Like
 * NumberInput, the value is only given when the input appears.
 */
export function NumberTextInput(props: NumberTextProps) {
  const id = useId()
  const [initial] = useState(props.value)
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint}>
      <input
        id={id}
        type="number"
        inputmode="decimal"
        class="input input-number"
        value={initial}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(e: Event) => props.onInput(valueOf(e))}
      />
    </FieldShell>
  )
}

interface SelectProps {
  label: string
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  class?: string
}

/** A labelled drop-down list whose value lives in the caller's state. */
export function SelectInput(props: SelectProps) {
  const id = useId()
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} class={props.class}>
      <select
        id={id}
        class="input select"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/** A checkbox with its label and an optional hint below. */
export function CheckInput(props: { label: string; checked: boolean; onChange: (on: boolean) => void; hint?: string | undefined; disabled?: boolean }) {
  const id = useId()
  return (
    <div class="check-field">
      <label class="check">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(e: Event) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{props.label}</span>
      </label>
      {props.hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

/** A questionnaire text in the reader's language: English when there is some and the page is in English. */
export const localText = (text: LocalText, locale: Locale) => (locale === 'en' && text.en ? text.en : text.zh)
