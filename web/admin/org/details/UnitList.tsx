import type { UnitNode } from '../../../../shared/org-tree'
import { useT } from '../../../app/i18n'
import { InactiveBadge } from '../../../ui/Status'
import { unitKey, windowTotal, type NodeKey } from '../tree-model'

/** The units directly below a sector or unit, each a link into the tree. */
export function UnitList({ units, onSelect, empty }: { units: UnitNode[]; onSelect: (key: NodeKey) => void; empty: string }) {
  const t = useT()
  if (units.length === 0) return <p class="empty-inline">{empty}</p>
  return (
    <ul class="link-list">
      {units.map((u) => (
        <li class={u.unit.active ? '' : 'is-inactive'}>
          <button type="button" class="link-button" onClick={() => onSelect(unitKey(u.unit.id))}>
            {u.unit.name}
          </button>
          <span class="muted">
            {t('subUnitsCount', { count: u.children.length })} · {t('windowsCount', { count: windowTotal(u) })}
          </span>
          {u.unit.active ? null : <InactiveBadge />}
        </li>
      ))}
    </ul>
  )
}
