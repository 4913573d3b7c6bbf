import { useEffect, useRef, useState } from 'hono/jsx'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { usePageTitle } from '../../app/page-title'
import { canEditStructure } from '../../app/permissions'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { CsvImportDialog } from './csv/CsvImportDialog'
import { SectorDetail } from './details/SectorDetail'
import { UnitDetail } from './details/UnitDetail'
import { WindowDetail } from './details/WindowDetail'
import { SectorForm } from './forms/SectorForm'
import { OrgTreeView } from './OrgTreeView'
import { TreeToolbar } from './TreeToolbar'
import { ancestorKeys, filterTree, indexOrg, sectorKey, unitKey, type NodeKey, type OrgIndex } from './tree-model'

/** Every sector and unit key: what "expand all" opens. */
const allBranches = (index: OrgIndex): NodeKey[] => [...index.sectors.keys()].map(sectorKey).concat([...index.units.keys()].map(unitKey))

/**
 * The organisation: a searchable tree of sectors, units and windows on the left, the selected item on the right,
 * CSV import and export on top. Everything is loaded at once (GET /api/org/tree) and nested on the client.
 */
export function OrgPage() {
  const t = useT()
  const user = useUser()
  usePageTitle(t('navOrg'))
  const [index, setIndex] = useState<OrgIndex | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [query, setQuery] = useState('')
  const [showInactive, setShowInactive] = useState(false)
  const [expanded, setExpanded] = useState<ReadonlySet<NodeKey>>(new Set())
  const [selected, setSelected] = useState<NodeKey | null>(null)
  const [dialog, setDialog] = useState<'sector' | 'import' | null>(null)
  const structure = canEditStructure(user)
  const knownSectors = useRef(new Set<NodeKey>())

  const reveal = (next: OrgIndex, key: NodeKey) => {
    setExpanded((open) => new Set([...open, ...ancestorKeys(next, key), key]))
    setSelected(key)
  }

  /** (Re)loads the organisation; after a change, selects and reveals what was changed. */
  const load = async (select?: NodeKey) => {
    try {
      const next = indexOrg(await call(api.org.tree.$get({ query: { includeInactive: 'true' } })))
      // Sectors start open (units closed); so do sectors that appear later (a new one, an import).
      const fresh = next.roots.map((s) => sectorKey(s.sector.id)).filter((key) => !knownSectors.current.has(key))
      fresh.forEach((key) => knownSectors.current.add(key))
      if (fresh.length > 0) setExpanded((open) => new Set([...open, ...fresh]))
      setIndex(next)
      setLoadError(null)
      if (select) reveal(next, select)
    } catch (e) {
      setLoadError(asApiError(e))
    }
  }

  useEffect(() => {
    void load()
  }, [])

  useEffect(() => {
    if (selected) document.querySelector(`[data-key="${selected}"]`)?.scrollIntoView?.({ block: 'nearest' })
  }, [selected])

  const select = (key: NodeKey) => {
    if (index) reveal(index, key)
  }
  const toggle = (key: NodeKey) =>
    setExpanded((open) => {
      const next = new Set(open)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  const roots = index ? filterTree(index.roots, { query, showInactive }) : []
  const searching = query.trim() !== ''

  return (
    <div class="page page-org">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navOrg')}</h1>
          <p class="page-subtitle">{t('orgSubtitle')}</p>
        </div>
        <div class="page-actions">
          {structure ? (
            <button type="button" class="btn" onClick={() => setDialog('import')}>
              {t('importCsv')}
            </button>
          ) : null}
          <a class="btn" href="/api/org/export" download="manyi-organisation.csv">
            {t('exportCsv')}
          </a>
          {structure ? (
            <button type="button" class="btn btn-primary" onClick={() => setDialog('sector')}>
              {t('newSector')}
            </button>
          ) : null}
        </div>
      </header>

      {loadError ? <LoadError error={loadError} onRetry={() => void load()} /> : null}
      {!index && !loadError ? <Loading /> : null}
      {index ? (
        <div class="org-layout">
          <section class="card tree-panel" aria-label={t('orgTree')}>
            <TreeToolbar
              query={query}
              onQuery={setQuery}
              showInactive={showInactive}
              onShowInactive={setShowInactive}
              roots={roots}
              onExpandAll={() => setExpanded(new Set(allBranches(index)))}
              onCollapseAll={() => setExpanded(new Set())}
              searching={searching}
            />
            <div class="tree-scroll">
              {roots.length > 0 ? (
                <OrgTreeView roots={roots} expanded={expanded} expandAll={searching} selected={selected} query={query} onToggle={toggle} onSelect={select} />
              ) : (
                <TreeEmpty index={index} searching={searching} query={query} structure={structure} onNewSector={() => setDialog('sector')} onImport={() => setDialog('import')} />
              )}
            </div>
          </section>
          <section class="card detail-panel" aria-live="polite">
            <Detail index={index} selected={selected} showInactive={showInactive} onChanged={load} onSelect={select} />
          </section>
        </div>
      ) : null}

      {dialog === 'sector' ? <SectorForm onClose={() => setDialog(null)} onSaved={(s) => void load(sectorKey(s.id)).then(() => setDialog(null))} /> : null}
      {dialog === 'import' ? <CsvImportDialog onClose={() => setDialog(null)} onImported={() => void load()} /> : null}
    </div>
  )
}

function Detail(props: { index: OrgIndex; selected: NodeKey | null; showInactive: boolean; onChanged: (select?: NodeKey) => Promise<void>; onSelect: (key: NodeKey) => void }) {
  const t = useT()
  const user = useUser()
  const { index, selected, showInactive, onChanged, onSelect } = props
  const id = selected ? Number(selected.slice(1)) : 0
  const sector = selected?.startsWith('s') ? index.sectors.get(id) : undefined
  const unit = selected?.startsWith('u') ? index.units.get(id) : undefined
  const window = selected?.startsWith('w') ? index.windows.get(id) : undefined
  if (sector) return <SectorDetail key={selected} node={sector} user={user} showInactive={showInactive} onChanged={onChanged} onSelect={onSelect} />
  if (unit) return <UnitDetail key={selected} node={unit} index={index} user={user} showInactive={showInactive} onChanged={onChanged} onSelect={onSelect} />
  if (window) return <WindowDetail key={selected} window={window} index={index} user={user} showInactive={showInactive} onChanged={onChanged} />
  return (
    <div class="detail-empty">
      <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
        <path d="M18 6h12v8H18zM6 34h12v8H6zM30 34h12v8H30zM24 14v8M12 34v-6h24v6" stroke="currentColor" stroke-width="2" fill="none" stroke-linejoin="round" />
      </svg>
      <p>{t('selectSomething')}</p>
    </div>
  )
}

function TreeEmpty(props: { index: OrgIndex; searching: boolean; query: string; structure: boolean; onNewSector: () => void; onImport: () => void }) {
  const t = useT()
  if (props.searching) return <p class="empty">{t('noMatches', { query: props.query.trim() })}</p>
  if (props.index.roots.length > 0) return <p class="empty">{t('allInactive')}</p>
  if (!props.structure) return <p class="empty">{t('noOrgVisible')}</p>
  return (
    <div class="empty">
      <p>{t('noOrgYet')}</p>
      <div class="empty-actions">
        <button type="button" class="btn btn-primary" onClick={() => props.onNewSector()}>
          {t('newSector')}
        </button>
        <button type="button" class="btn" onClick={() => props.onImport()}>
          {t('importCsv')}
        </button>
      </div>
    </div>
  )
}
