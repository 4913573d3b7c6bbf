import type { Child } from 'hono/jsx'
import type { SectorNode, UnitNode } from '../../../shared/org-tree'
import type { Window } from '../../../shared/schemas/org'
import { useT } from '../../app/i18n'
import { KIND_KEYS, KindIcon } from './KindIcon'
import { sectorKey, unitKey, windowKey, type NodeKey } from './tree-model'

interface TreeViewProps {
  roots: SectorNode[]
  expanded: ReadonlySet<NodeKey>
  /** While searching every branch that is shown is open. */
  expandAll: boolean
  selected: NodeKey | null
  query: string
  onToggle: (key: NodeKey) => void
  onSelect: (key: NodeKey) => void
}

/** The name with the searched text marked. */
function Highlight({ text, query }: { text: string; query: string }) {
  const q = query.trim().toLowerCase()
  if (!q) return <>{text}</>
  const parts: Child[] = []
  let rest = text
  for (let at = rest.toLowerCase().indexOf(q); at >= 0 && rest; at = rest.toLowerCase().indexOf(q)) {
    if (at > 0) parts.push(rest.slice(0, at))
    parts.push(<mark>{rest.slice(at, at + q.length)}</mark>)
    rest = rest.slice(at + q.length)
  }
  if (rest) parts.push(rest)
  return <>{parts}</>
}

const Chevron = () => (
  <svg class="chevron" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
    <path d="M4.5 2.5L8 6l-3.5 3.5" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)

/**
 * Arrow keys on a row, as in a file tree: up/down move between rows, right opens a row (or goes to its first child),
 * left closes it (or goes to its parent), Home/End go to the first/last row.
 */
function onTreeKeyDown(e: KeyboardEvent) {
  const current = (e.target as HTMLElement).closest<HTMLElement>('.tree-label')
  const tree = e.currentTarget as HTMLElement
  if (!current) return
  const labels = [...tree.querySelectorAll<HTMLElement>('.tree-label')]
  const at = labels.indexOf(current)
  const row = current.closest('.tree-row')
  const toggle = row?.querySelector<HTMLButtonElement>('.tree-toggle:not(:disabled)')
  const open = row?.querySelector('.tree-toggle')?.getAttribute('aria-expanded') === 'true'
  const focus = (el: HTMLElement | null | undefined) => {
    if (!el) return
    e.preventDefault()
    el.focus()
  }
  switch (e.key) {
    case 'ArrowDown':
      return focus(labels[at + 1])
    case 'ArrowUp':
      return focus(labels[at - 1])
    case 'Home':
      return focus(labels[0])
    case 'End':
      return focus(labels[labels.length - 1])
    case 'ArrowRight':
      if (toggle && !open) {
        e.preventDefault()
        toggle.click()
        return
      }
      return open ? focus(labels[at + 1]) : undefined
    case 'ArrowLeft':
      if (toggle && open) {
        e.preventDefault()
        toggle.click()
        return
      }
      return focus(current.closest('ul')?.closest('li')?.querySelector<HTMLElement>(':scope > .tree-row .tree-label'))
  }
}

/**
 * Sectors → units (any depth) → windows, as nested lists of buttons: Tab reaches every row, Enter or Space selects it,
 * the arrow button before a row opens or closes it, and the arrow keys move around as in a file tree.
 */
export function OrgTreeView(props: TreeViewProps) {
  const t = useT()
  const { expanded, expandAll, selected, query, onToggle, onSelect } = props
  const isOpen = (key: NodeKey) => expandAll || expanded.has(key)

  const row = (o: { key: NodeKey; depth: number; name: string; active: boolean; hasChildren: boolean; icon: Child; code?: string | null; meta?: string; kind: string }) => {
    const open = isOpen(o.key)
    const isSelected = selected === o.key
    return (
      <div class={`tree-row${isSelected ? ' is-selected' : ''}${o.active ? '' : ' is-inactive'}`} data-depth={Math.min(o.depth, 12)} data-key={o.key}>
        {o.hasChildren ? (
          <button
            type="button"
            class={`tree-toggle${open ? ' is-open' : ''}`}
            aria-expanded={open ? 'true' : 'false'}
            aria-label={t(open ? 'collapseNamed' : 'expandNamed', { name: o.name })}
            disabled={expandAll}
            onClick={() => onToggle(o.key)}
          >
            <Chevron />
          </button>
        ) : (
          <span class="tree-toggle-spacer" aria-hidden="true" />
        )}
        <button type="button" class="tree-label" title={o.code ? `${o.code} ${o.name}` : o.name} aria-current={isSelected ? 'true' : undefined} onClick={() => onSelect(o.key)}>
          {o.icon}
          <span class="visually-hidden">{o.kind} </span>
          {o.code ? (
            <span class="tree-code">
              <Highlight text={o.code} query={query} />
            </span>
          ) : null}
          <span class="tree-name">
            <Highlight text={o.name} query={query} />
          </span>
          {o.meta ? <span class="tree-meta">{o.meta}</span> : null}
          {o.active ? null : <span class="badge badge-muted">{t('inactive')}</span>}
        </button>
      </div>
    )
  }

  const windowItem = (w: Window, depth: number) => (
    <li>
      {row({
        key: windowKey(w.id),
        depth,
        name: w.name,
        code: w.code,
        active: w.active,
        hasChildren: false,
        icon: <KindIcon kind={w.kind} />,
        kind: t(KIND_KEYS[w.kind]),
        meta: t('staffCount', { count: w.staffCount }),
      })}
    </li>
  )

  const unitItem = (node: UnitNode, depth: number): Child => {
    const key = unitKey(node.unit.id)
    const hasChildren = node.children.length + node.windows.length > 0
    return (
      <li>
        {row({ key, depth, name: node.unit.name, code: node.unit.code, active: node.unit.active, hasChildren, icon: <KindIcon kind="unit" />, kind: t('unit') })}
        {hasChildren && isOpen(key) ? (
          <ul class="tree-group">
            {node.children.map((c) => unitItem(c, depth + 1))}
            {node.windows.map((w) => windowItem(w, depth + 1))}
          </ul>
        ) : null}
      </li>
    )
  }

  return (
    <ul class="tree" aria-label={t('orgTree')} onKeyDown={onTreeKeyDown}>
      {props.roots.map((s) => {
        const key = sectorKey(s.sector.id)
        return (
          <li>
            {row({
              key,
              depth: 0,
              name: s.sector.name,
              code: s.sector.code,
              active: s.sector.active,
              hasChildren: s.units.length > 0,
              icon: <KindIcon kind="sector" />,
              kind: t('sector'),
            })}
            {s.units.length > 0 && isOpen(key) ? <ul class="tree-group">{s.units.map((u) => unitItem(u, 1))}</ul> : null}
          </li>
        )
      })}
    </ul>
  )
}
