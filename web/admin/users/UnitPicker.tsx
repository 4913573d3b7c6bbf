import { useId, useState, type Child } from 'hono/jsx'
import type { UnitNode } from '../../../shared/org-tree'
import { useT } from '../../app/i18n'
import { describedBy } from '../../ui/Field'
import { InactiveBadge } from '../../ui/Status'
import { matches, type OrgIndex } from '../org/tree-model'

interface UnitPickerProps {
  index: OrgIndex
  value: readonly number[]
  onChange: (ids: number[]) => void
  label: string
  hint: string
  error?: string | undefined
  required?: boolean
}

/** Choose the units a manager or viewer is scoped to; each unit includes everything below it. */
export function UnitPicker({ index, value, onChange, label, hint, error, required }: UnitPickerProps) {
  const t = useT()
  const id = useId()
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const chosen = new Set(value)
  const toggle = (unitId: number, on: boolean) => onChange(on ? [...value, unitId] : value.filter((v) => v !== unitId))

  const rows = (node: UnitNode, depth: number): Child[] => {
    const own = !q || matches(q, node.unit.name, node.unit.code)
    const below = node.children.flatMap((c) => rows(c, depth + 1))
    if (!own && below.length === 0) return []
    return [
      <li class={`picker-row${node.unit.active ? '' : ' is-inactive'}`} data-depth={Math.min(depth, 12)}>
        <label class="check">
          <input type="checkbox" checked={chosen.has(node.unit.id)} onChange={(e: Event) => toggle(node.unit.id, (e.currentTarget as HTMLInputElement).checked)} />
          <span>{node.unit.name}</span>
          {node.unit.active ? null : <InactiveBadge />}
        </label>
      </li>,
      ...below,
    ]
  }

  const groups = index.roots.map((s) => ({ sector: s.sector, rows: s.units.flatMap((u) => rows(u, 0)) })).filter((g) => g.rows.length > 0)
  const names = value.map((unitId) => index.units.get(unitId)?.unit.name ?? `#${unitId}`)

  return (
    <fieldset class={`field unit-picker${error ? ' has-error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend class="field-label">
        {label}
        {required ? (
          <span class="field-required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <p class="picker-chosen">
        {value.length === 0 ? <span class="muted">{t('noUnitsChosen')}</span> : t('unitsChosen', { count: value.length, names: names.join('、') })}
      </p>
      <input type="search" class="input" value={query} placeholder={t('searchUnits')} aria-label={t('searchUnits')} onInput={(e: Event) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <div class="picker-list">
        {groups.length === 0 ? <p class="empty-inline">{t('noUnitsMatch')}</p> : null}
        {groups.map((g) => (
          <div class="picker-group">
            <p class="picker-sector">{g.sector.name}</p>
            <ul>{g.rows}</ul>
          </div>
        ))}
      </div>
      {error ? null : (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
