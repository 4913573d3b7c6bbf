import type { SectorNode, UnitNode } from '../../../shared/org-tree'
import { useT } from '../../app/i18n'

interface TreeToolbarProps {
  query: string
  onQuery: (q: string) => void
  showInactive: boolean
  onShowInactive: (on: boolean) => void
  /** What the tree shows now, to count it. */
  roots: SectorNode[]
  searching: boolean
  onExpandAll: () => void
  onCollapseAll: () => void
}

function count(roots: SectorNode[]) {
  let units = 0
  let windows = 0
  const walk = (u: UnitNode) => {
    units++
    windows += u.windows.length
    u.children.forEach(walk)
  }
  roots.forEach((s) => s.units.forEach(walk))
  return { sectors: roots.length, units, windows }
}

/** Search by name or code, show or hide deactivated items, open or close everything, and what is shown. */
export function TreeToolbar(props: TreeToolbarProps) {
  const t = useT()
  const counts = count(props.roots)
  return (
    <div class="tree-tools">
      <div class="search-box">
        <svg class="search-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" stroke="currentColor" stroke-width="1.5" fill="none" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
        </svg>
        <input
          type="search"
          class="input search-input"
          value={props.query}
          placeholder={t('searchOrgPlaceholder')}
          aria-label={t('searchOrg')}
          onInput={(e: Event) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="tree-tools-row">
        <label class="check">
          <input type="checkbox" checked={props.showInactive} onChange={(e: Event) => props.onShowInactive((e.currentTarget as HTMLInputElement).checked)} />
          <span>{t('showInactive')}</span>
        </label>
        <span class="tree-tools-buttons">
          <button type="button" class="btn btn-small btn-quiet" disabled={props.searching} onClick={() => props.onExpandAll()}>
            {t('expandAll')}
          </button>
          <button type="button" class="btn btn-small btn-quiet" disabled={props.searching} onClick={() => props.onCollapseAll()}>
            {t('collapseAll')}
          </button>
        </span>
      </div>
      <p class="tree-count" role="status">
        {t(props.searching ? 'treeCountsFound' : 'treeCounts', counts)}
      </p>
    </div>
  )
}
