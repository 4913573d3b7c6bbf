import type { QuotaProgress, SupervisionSummary } from '../../../shared/schemas/supervision'
import { useT } from '../../app/i18n'
import { kindLabel } from '../supervisors/labels'
import { formatScore } from './labels'

const MetIcon = () => (
  <svg class="sv-state-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <circle cx="8" cy="8" r="7" fill="currentColor" />
    <path d="M4.8 8.2l2.1 2.1 4.3-4.5" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)
const UnmetIcon = () => (
  <svg class="sv-state-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <circle cx="8" cy="8" r="7" fill="currentColor" />
    <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round" />
  </svg>
)

/** A window's quota this month: the counts against what is required, then 已达标 / 未达标 in words and an icon. */
export function QuotaCell({ progress }: { progress: QuotaProgress }) {
  const t = useT()
  const { visits, undercover, visitsRequired, undercoverRequired, met } = progress
  if (visitsRequired === null && undercoverRequired === null) return <span class="muted">{t('svNoQuota')}</span>
  return (
    <span class="sv-quota">
      <span class="sv-quota-counts">
        {visitsRequired !== null ? <span class="nowrap">{t('svQuotaVisits', { done: visits, required: visitsRequired })}</span> : null}
        {visitsRequired !== null && undercoverRequired !== null ? ' · ' : null}
        {undercoverRequired !== null ? <span class="nowrap">{t('svQuotaUndercover', { done: undercover, required: undercoverRequired })}</span> : null}
      </span>
      {met ? (
        <span class="sv-quota-state is-met">
          <MetIcon />
          {t('svQuotaMet')}
        </span>
      ) : (
        <span class="sv-quota-state is-unmet">
          <UnmetIcon />
          {t('svQuotaUnmet')}
        </span>
      )}
    </span>
  )
}

/** Per window: visits and scores over the whole campaign, and the chosen month's quota progress. */
export function WindowSummaryTable({ summary }: { summary: SupervisionSummary }) {
  const t = useT()
  if (summary.windows.length === 0) return <p class="empty">{t('svSummaryNoWindows')}</p>
  return (
    <div class="table-wrap">
      <table class="table sv-summary-table">
        <caption class="visually-hidden">{t('svSummaryCaption', { month: summary.month })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('window')}</th>
            <th scope="col" class="num">
              {t('svColVisits')}
            </th>
            <th scope="col" class="num">
              {t('svColUndercover')}
            </th>
            <th scope="col" class="num">
              {t('svColSupervisorScore')}
            </th>
            <th scope="col" class="num">
              {t('svColInspectionScore')}
            </th>
            <th scope="col" class="num">
              {t('svColVetoes')}
            </th>
            <th scope="col">{t('svColQuota', { month: summary.month })}</th>
          </tr>
        </thead>
        <tbody>
          {summary.windows.map((w) => (
            <tr>
              <th scope="row" class="sv-cell-window">
                <span class="cell-title">
                  <span class="tree-code">{w.code}</span> {w.name}
                </span>
                <span class="cell-sub-text">{w.unitName}</span>
              </th>
              <td class="num">{w.visits}</td>
              <td class="num">{w.undercover}</td>
              <td class="num">{formatScore(w.supervisorScore)}</td>
              <td class="num">{formatScore(w.inspectionScore)}</td>
              <td class="num">{w.vetoes > 0 ? <span class="sv-veto-count">{w.vetoes}</span> : '0'}</td>
              <td>
                <QuotaCell progress={w.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Per supervisor: how many visits, of which undercover, to how many windows. */
export function SupervisorSummaryTable({ summary }: { summary: SupervisionSummary }) {
  const t = useT()
  if (summary.supervisors.length === 0) return <p class="empty">{t('svSummaryNoSupervisors')}</p>
  return (
    <div class="table-wrap">
      <table class="table sv-supervisor-table">
        <thead>
          <tr>
            <th scope="col">{t('svSupervisor')}</th>
            <th scope="col">{t('svKind')}</th>
            <th scope="col" class="num">
              {t('svColVisits')}
            </th>
            <th scope="col" class="num">
              {t('svColUndercover')}
            </th>
            <th scope="col" class="num">
              {t('svColWindows')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.supervisors.map((s) => (
            <tr>
              <th scope="row" class="sv-row-head">
                {s.name}
              </th>
              <td>{kindLabel(s.kind, t)}</td>
              <td class="num">{s.visits}</td>
              <td class="num">{s.undercover}</td>
              <td class="num">{s.windows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
