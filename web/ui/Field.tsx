import type { Child } from 'hono/jsx'
import { useId } from 'hono/jsx'

interface ShellProps {
  id: string
  label: string
  error?: string | undefined
  hint?: string | undefined
  required?: boolean | undefined
  class?: string | undefined
  children: Child
}

/** Label, control, and under it the field's own error message (or, when there is none, a hint). */
export function FieldShell({ id, label, error, hint, required, children, class: extra }: ShellProps) {
  return (
    <div class={`field${error ? ' has-error' : ''}${extra ? ` ${extra}` : ''}`}>
      <label class="field-label" for={id}>
        {label}
        {required ? (
          <span class="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint && !error ? (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** aria-describedby for a control: its error, or else its hint (the hint gives way to the error). */
export const describedBy = (id: string, hint?: string, error?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined)

interface TextFieldProps {
  name: string
  label: string
  value?: string | null | undefined
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  type?: 'text' | 'password' | 'search' | 'tel'
  autoComplete?: string
  maxLength?: number
  autoFocus?: boolean
  placeholder?: string
  class?: string
}

/** A labelled text input. Forms read their values on submit; the server validates. */
export function TextField(props: TextFieldProps) {
  const id = useId()
  const { name, label, error, hint, required } = props
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required} class={props.class}>
      <input
        id={id}
        name={name}
        class="input"
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autoComplete ?? 'off'}
        maxlength={props.maxLength}
        autofocus={props.autoFocus}
        placeholder={props.placeholder}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  )
}

interface SelectFieldProps {
  name: string
  label: string
  value?: string | undefined
  options: readonly { value: string; label: string }[]
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  onChange?: (value: string) => void
}

/** A labelled drop-down list. */
export function SelectField(props: SelectFieldProps) {
  const id = useId()
  const { name, label, error, hint, required, options } = props
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} required={required}>
      <select
        id={id}
        name={name}
        class="input select"
        value={props.value}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={props.onChange ? (e: Event) => props.onChange!((e.currentTarget as HTMLSelectElement).value) : undefined}
      >
        {options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}
