import { useId } from 'hono/jsx'
import { describedBy, FieldShell } from '../../ui/Field'

interface DateFieldProps {
  name: string
  label: string
  value?: string | undefined
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  min?: string | undefined
}

/** A labelled date input, read on submit like the other dialog fields (YYYY-MM-DD). */
export function DateField(props: DateFieldProps) {
  const id = useId()
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required={props.required}>
      <input
        id={id}
        name={props.name}
        type="date"
        class="input"
        value={props.value ?? ''}
        min={props.min}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  )
}

interface ReasonFieldProps {
  name: string
  label: string
  hint: string
  error?: string | undefined
  maxLength: number
}

/** A required reason (ending an appointment, annulling a visit): a text area that takes the focus. */
export function ReasonField(props: ReasonFieldProps) {
  const id = useId()
  return (
    <FieldShell id={id} label={props.label} error={props.error} hint={props.hint} required>
      <textarea
        id={id}
        name={props.name}
        class="input textarea"
        rows={3}
        maxlength={props.maxLength}
        autofocus
        aria-required="true"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  )
}

interface InlineSelectProps {
  label: string
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
  class?: string
}

/** A filter's drop-down list with its label beside it (list tools, choosers). */
export function InlineSelect(props: InlineSelectProps) {
  const id = useId()
  return (
    <span class={`sv-inline-field${props.class ? ` ${props.class}` : ''}`}>
      <label for={id}>{props.label}</label>
      <select id={id} class="input select" value={props.value} onChange={(e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  )
}
