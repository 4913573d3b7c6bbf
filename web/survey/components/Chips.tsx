export interface ChipOption {
  value: string | number | boolean
  label: string
}

interface Props {
  name: string
  options: ChipOption[]
  /** The chosen value, or the chosen values when `multiple`. */
  value: unknown
  multiple?: boolean
  class?: string
  onChange: (value: ChipOption['value'] | string[] | undefined) => void
}

/**
 * Big tappable chips for single and multiple choice, yes/no and 0–10: real radios or checkboxes (visually hidden) with
 * a visible tick, so the choice shows by shape as well as colour.
 */
export function Chips({ name, options, value, multiple, class: extra, onChange }: Props) {
  const chosen = (v: ChipOption['value']) => (multiple ? Array.isArray(value) && value.includes(v) : value === v)
  const toggle = (v: ChipOption['value']) => {
    if (!multiple) return onChange(v)
    const list = Array.isArray(value) ? (value as string[]) : []
    const next = list.includes(v as string) ? list.filter((x) => x !== v) : [...list, v as string]
    onChange(next.length ? next : undefined)
  }
  return (
    <div class={`chips${extra ? ` ${extra}` : ''}`}>
      {options.map((o) => (
        <label class="chip">
          <input class="sr-only" type={multiple ? 'checkbox' : 'radio'} name={name} value={String(o.value)} checked={chosen(o.value)} onChange={() => toggle(o.value)} />
          <span class={multiple ? 'chip-box chip-box-multi' : 'chip-box'}>{o.label}</span>
        </label>
      ))}
    </div>
  )
}
