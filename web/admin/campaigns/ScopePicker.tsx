import { useId, useState, type Child } from 'hono/jsx'
import type { UnitNode } from '../../../shared/org-tree'
import type { Window } from '../../../shared/schemas/org'
import { useT } from '../../app/i18n'
import { ChevronIcon } from '../questionnaires/builder/icons'
import { KindIcon } from '../org/KindIcon'
import { matches, type OrgIndex } from '../org/tree-model'
import { activeWindowsIn, toggleScope, unitCovered, windowCovered, windowsInScope, type Scope } from './scope-model'

interface ScopePickerProps {
  index: OrgIndex
  value: Scope
  /** Called with the change, applied by the form to its latest scope. */
  onChange: (update: (scope: Scope) => Scope) => void
  disabled?: boolean
  error?: string | undefined
}

/**
 * The windows a campaign covers, picked in the organisation tree: a whole sector, a unit with everything below it, or
 * single windows. What a chosen sector or unit already includes shows as ticked and "included".
 */
export function ScopePicker({ index, value, onChange, disabled = false, error }: ScopePickerProps) {
  const t = useT()
  const id = useId()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(index.roots.map((s) => `s${s.sector.id}`)))
  const q = query.trim().toLowerCase()
  const searching = q !== ''
  const isOpen = (key: string) => searching || open.has(key)
  const flip = (key: string) =>
    setOpen((keys) => {
      const next = new Set(keys)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  const count = windowsInScope(index, value).size

  const check = (label: Child, checked: boolean, covered: boolean, onToggle: (on: boolean) => void) => (
    <label class={`check scope-check${covered ? ' is-covered' : ''}`}>
      <input type="checkbox" checked={checked || covered} disabled={disabled || covered} onChange={(e: Event) => onToggle((e.currentTarget as HTMLInputElement).checked)} />
      <span class="scope-label">{label}</span>
      {covered ? <span class="scope-included">{t('scopeIncluded')}</span> : null}
    </label>
  )
  const toggle = (key: string, name: string) => (
    <button type="button" class={`tree-toggle${isOpen(key) ? ' is-open' : ''}`} aria-expanded={isOpen(key) ? 'true' : 'false'} aria-label={isOpen(key) ? t('collapseScopeNamed', { name }) : t('expandScopeNamed', { name })} disabled={searching} onClick={() => flip(key)}>
      <ChevronIcon open={isOpen(key)} />
    </button>
  )

  const windowRow = (w: Window, depth: number) => (
    <li class="scope-row" data-depth={Math.min(depth, 8)}>
      <span class="tree-toggle-spacer" />
      {check(
        <>
          <span class="tree-code">{w.code}</span> {w.name}
        </>,
        value.windowIds.includes(w.id),
        windowCovered(index, value, w.id),
        (on) => onChange((scope) => toggleScope(scope, 'windowIds', w.id, on)),
      )}
    </li>
  )

  const unitRows = (node: UnitNode, depth: number, parentMatches: boolean): Child[] => {
    const own = parentMatches || !searching || matches(q, node.unit.name, node.unit.code)
    const windows = node.windows.filter((w) => w.active && (own || matches(q, w.name, w.code)))
    const children = node.children.filter((c) => c.unit.active).flatMap((c) => unitRows(c, depth + 1, own && searching))
    if (searching && !own && windows.length === 0 && children.length === 0) return []
    const key = `u${node.unit.id}`
    const total = activeWindowsIn(node).length
    return [
      <li class="scope-row scope-unit" data-depth={Math.min(depth, 8)}>
        {node.windows.length > 0 || node.children.length > 0 ? toggle(key, node.unit.name) : <span class="tree-toggle-spacer" />}
        {check(
          <>
            <KindIcon kind="unit" /> {node.unit.name} <span class="scope-count">{t('windowsCount', { count: total })}</span>
          </>,
          value.unitIds.includes(node.unit.id),
          unitCovered(index, value, node.unit.id),
          (on) => onChange((scope) => toggleScope(scope, 'unitIds', node.unit.id, on)),
        )}
      </li>,
      ...(isOpen(key) ? [...children, ...windows.map((w) => windowRow(w, depth + 1))] : []),
    ]
  }

  const sectors = index.roots
    .filter((s) => s.sector.active)
    .map((s) => {
      const own = !searching || matches(q, s.sector.name, s.sector.code)
      const rows = s.units.filter((u) => u.unit.active).flatMap((u) => unitRows(u, 1, own && searching))
      return { node: s, rows, own }
    })
    .filter((s) => !searching || s.own || s.rows.length > 0)

  return (
    <fieldset class={`field scope-picker${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : `${id}-hint`}>
      <legend class="visually-hidden">{t('sectionScope')}</legend>
      <p class="field-hint" id={`${id}-hint`}>
        {t('scopeHint')}
      </p>
      <div class="scope-summary" aria-live="polite">
        <span>
          {value.sectorIds.length + value.unitIds.length + value.windowIds.length === 0
            ? t('scopeNothing')
            : t('scopeChosen', { sectors: value.sectorIds.length, units: value.unitIds.length, windows: value.windowIds.length })}
        </span>
        <strong class="scope-total">{t('scopeWillInclude', { count })}</strong>
      </div>
      <input type="search" class="input scope-search" value={query} placeholder={t('searchScope')} aria-label={t('searchScope')} onInput={(e: Event) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      <div class="scope-list">
        {sectors.length === 0 ? <p class="empty-inline">{t('noUnitsMatch')}</p> : null}
        <ul>
          {sectors.map(({ node, rows }) => {
            const key = `s${node.sector.id}`
            const total = node.units.reduce((sum, u) => sum + activeWindowsIn(u).length, 0)
            return (
              <>
                <li class="scope-row scope-sector" data-depth="0">
                  {toggle(key, node.sector.name)}
                  {check(
                    <>
                      <KindIcon kind="sector" /> {node.sector.name} <span class="scope-count">{t('windowsCount', { count: total })}</span>
                    </>,
                    value.sectorIds.includes(node.sector.id),
                    false,
                    (on) => onChange((scope) => toggleScope(scope, 'sectorIds', node.sector.id, on)),
                  )}
                </li>
                {isOpen(key) ? rows : null}
              </>
            )
          })}
        </ul>
      </div>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
