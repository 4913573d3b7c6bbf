import type { Supervisor } from '../../../shared/schemas/supervision'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { kindLabel, STATUS_KEYS } from './labels'

interface RosterTableProps {
  supervisors: Supervisor[]
  onEdit: (s: Supervisor) => void
  onRenew: (s: Supervisor) => void
  onEnd: (s: Supervisor) => void
}

/** 在任 / 未到任期 / 已期满 / 已终止, as a tag with its words (the colour only repeats them). */
export function SupervisorStatusTag({ status }: { status: Supervisor['status'] }) {
  const t = useT()
  return <span class={`status-tag sv-status-${status}`}>{t(STATUS_KEYS[status])}</span>
}

/** The roster: who, which kind, from where, how to reach them (masked), the letter and the term, and what to do. */
export function RosterTable({ supervisors, onEdit, onRenew, onEnd }: RosterTableProps) {
  const t = useT()
  return (
    <div class="table-wrap">
      <table class="table sv-roster-table">
        <thead>
          <tr>
            <th scope="col">{t('svName')}</th>
            <th scope="col">{t('svKind')}</th>
            <th scope="col">{t('svOrganisation')}</th>
            <th scope="col">{t('svPhone')}</th>
            <th scope="col">{t('svLetterNo')}</th>
            <th scope="col">{t('svTerm')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" class="actions-col">
              <span class="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {supervisors.map((s) => (
            <tr class={s.status === 'ended' || s.status === 'expired' ? 'is-inactive' : ''}>
              <td>
                <span class="cell-title">{s.displayName}</span>
                <span class="cell-sub">{s.username}</span>
              </td>
              <td class="sv-cell-kind">{kindLabel(s.kind, t)}</td>
              <td class="sv-cell-org">{s.organisation ?? <span class="muted">—</span>}</td>
              <td class="nowrap sv-phone">{s.phone ?? <span class="muted">—</span>}</td>
              <td class="nowrap sv-letter">{s.letterNo ?? <span class="muted">—</span>}</td>
              <td class="sv-cell-term">
                <span class="nowrap">{s.termStart}</span> <span class="muted">{t('svTermTo')}</span> <span class="nowrap">{s.termEnd}</span>
              </td>
              <td>
                <SupervisorStatusTag status={s.status} />
                {s.status === 'ended' && s.endedAt ? (
                  <span class="cell-sub-text" title={s.endReason ?? undefined}>
                    {s.endReason ? t('svEndedOnReason', { date: formatDateTime(s.endedAt).slice(0, 10), reason: s.endReason }) : t('svEndedOn', { date: formatDateTime(s.endedAt).slice(0, 10) })}
                  </span>
                ) : null}
              </td>
              <td class="actions-col">
                <span class="row-actions">
                  <button type="button" class="btn btn-small btn-quiet" aria-label={t('svEditSupervisorNamed', { name: s.displayName })} onClick={() => onEdit(s)}>
                    {t('edit')}
                  </button>
                  <button type="button" class="btn btn-small btn-quiet" aria-label={t('svRenewNamed', { name: s.displayName })} onClick={() => onRenew(s)}>
                    {t('svRenew')}
                  </button>
                  {s.status === 'ended' ? null : (
                    <button type="button" class="btn btn-small btn-quiet btn-danger-quiet" aria-label={t('svEndNamed', { name: s.displayName })} onClick={() => onEnd(s)}>
                      {t('svEnd')}
                    </button>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
