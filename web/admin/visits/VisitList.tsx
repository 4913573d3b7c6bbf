import type { Visit, VisitStatus } from '../../../shared/schemas/supervision'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { InlineSelect } from '../supervisors/fields'
import { kindLabel } from '../supervisors/labels'
import { formatScore, VISIT_STATUS_KEYS, VISIT_TYPE_KEYS } from './labels'

export interface VisitFilters {
  windowId: string
  supervisorId: string
  status: '' | Exclude<VisitStatus, 'draft'>
  findings: boolean
  offset: number
}

export const NO_FILTERS: VisitFilters = { windowId: '', supervisorId: '', status: '', findings: false, offset: 0 }

interface Choice {
  value: string
  label: string
}

interface FilterBarProps {
  filters: VisitFilters
  windows: Choice[]
  supervisors: Choice[]
  onChange: (filters: VisitFilters) => void
}

/** Window, supervisor, status and "only with findings"; any change goes back to the first page. */
export function VisitFilterBar({ filters, windows, supervisors, onChange }: FilterBarProps) {
  const t = useT()
  const set = (patch: Partial<VisitFilters>) => onChange({ ...filters, ...patch, offset: 0 })
  const select = (label: string, value: string, choices: Choice[], all: string, onPick: (v: string) => void) => (
    <InlineSelect label={label} value={value} options={[{ value: '', label: all }, ...choices]} onChange={onPick} />
  )
  return (
    <div class="list-tools sv-filters">
      {select(t('window'), filters.windowId, windows, t('svAllWindows'), (windowId) => set({ windowId }))}
      {select(t('svSupervisor'), filters.supervisorId, supervisors, t('svAllSupervisors'), (supervisorId) => set({ supervisorId }))}
      {select(
        t('status'),
        filters.status,
        [
          { value: 'submitted', label: t('svVisitSubmitted') },
          { value: 'annulled', label: t('svVisitAnnulled') },
        ],
        t('svAllStatuses'),
        (status) => set({ status: status as VisitFilters['status'] }),
      )}
      <label class="check">
        <input type="checkbox" checked={filters.findings} onChange={(e: Event) => set({ findings: (e.currentTarget as HTMLInputElement).checked })} />
        <span>{t('svOnlyFindings')}</span>
      </label>
    </div>
  )
}

/** The visits: when, where, who, how, the scores and findings, and the status; each opens its page. */
export function VisitTable({ visits }: { visits: Visit[] }) {
  const t = useT()
  return (
    <div class="table-wrap">
      <table class="table sv-visit-table">
        <thead>
          <tr>
            <th scope="col">{t('svVisitedAt')}</th>
            <th scope="col">{t('window')}</th>
            <th scope="col">{t('svSupervisor')}</th>
            <th scope="col">{t('svVisitType')}</th>
            <th scope="col" class="num">
              {t('svColScore')}
            </th>
            <th scope="col" class="num">
              {t('svColInspection')}
            </th>
            <th scope="col">{t('svFindings')}</th>
            <th scope="col">{t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr class={v.status === 'annulled' ? 'is-inactive' : ''}>
              <td class="nowrap">
                <Link href={`/visits/${v.id}`} class="sv-visit-link">
                  {formatDateTime(v.visitedAt)}
                  <span class="visually-hidden">
                    {' '}
                    {t('svOpenVisitNamed', { window: `${v.windowCode} ${v.windowName}`, supervisor: v.supervisorName })}
                  </span>
                </Link>
              </td>
              <td class="sv-cell-window">
                <span class="cell-title">
                  <span class="tree-code">{v.windowCode}</span> {v.windowName}
                </span>
                <span class="cell-sub-text">{v.unitName}</span>
              </td>
              <td>
                <span class="cell-title">{v.supervisorName}</span>
                <span class="cell-sub-text">{kindLabel(v.supervisorKind, t)}</span>
              </td>
              <td>
                <span class={`tag sv-type-${v.type}`}>{t(VISIT_TYPE_KEYS[v.type])}</span>
              </td>
              <td class="num">{formatScore(v.score)}</td>
              <td class="num">{formatScore(v.inspectionScore)}</td>
              <td>
                {v.findings.length > 0 ? <span class="nowrap">{t('svFindingsCount', { count: v.findings.length })}</span> : <span class="muted">{t('none')}</span>}
                {v.vetoed ? <span class="tag tag-danger sv-veto-tag">{t('veto')}</span> : null}
              </td>
              <td>
                <span class={`status-tag sv-visit-${v.status}`}>{t(VISIT_STATUS_KEYS[v.status])}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface PagerProps {
  offset: number
  shown: number
  total: number
  pageSize: number
  onPage: (offset: number) => void
}

/** 第 21–40 条，共 57 条, with the previous and next pages. */
export function Pager({ offset, shown, total, pageSize, onPage }: PagerProps) {
  const t = useT()
  if (total <= pageSize && offset === 0) return <p class="table-note sv-pager-note">{t('svVisitsTotal', { total })}</p>
  return (
    <nav class="sv-pager" aria-label={t('svPaging')}>
      <span class="muted" aria-live="polite">
        {t('svPageRange', { from: shown === 0 ? 0 : offset + 1, to: offset + shown, total })}
      </span>
      <span class="sv-pager-buttons">
        <button type="button" class="btn btn-small" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
          {t('svPrevPage')}
        </button>
        <button type="button" class="btn btn-small" disabled={offset + shown >= total} onClick={() => onPage(offset + pageSize)}>
          {t('svNextPage')}
        </button>
      </span>
    </nav>
  )
}
