import { useEffect, useState } from 'hono/jsx'
import type { Staff, Window } from '../../../../shared/schemas/org'
import { api, call } from '../../../app/api'
import type { ApiError } from '../../../app/api-error'
import { useT } from '../../../app/i18n'
import { InactiveBadge, LoadError, Loading } from '../../../ui/Status'
import { asApiError } from '../../../ui/use-submit'
import { StaffForm } from '../forms/StaffForm'
import { ToggleActiveDialog } from './ToggleActiveDialog'

interface StaffListProps {
  window: Window
  mayEdit: boolean
  showInactive: boolean
  /** After a change: the window's staff count in the tree changes too. */
  onChanged: () => Promise<void>
}

type StaffDialog = { kind: 'new' } | { kind: 'edit'; staff: Staff } | { kind: 'toggle'; staff: Staff }

/** The staff (服务人员) of a window, with add / edit / deactivate for those allowed. */
export function StaffList({ window, mayEdit, showInactive, onChanged }: StaffListProps) {
  const t = useT()
  const [staff, setStaff] = useState<Staff[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [dialog, setDialog] = useState<StaffDialog | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    setError(null)
    call(api.org.staff.$get({ query: { windowId: String(window.id), includeInactive: 'true', limit: '500' } }))
      .then((page) => current && setStaff(page.items))
      .catch((e) => current && setError(asApiError(e)))
    return () => {
      current = false
    }
  }, [window.id, version])

  const close = () => setDialog(null)
  const changed = () => {
    close()
    setVersion(version + 1)
    void onChanged()
  }
  const shown = (staff ?? []).filter((s) => showInactive || s.active)
  const hiddenCount = (staff ?? []).length - shown.length

  return (
    <section class="detail-section" aria-labelledby="window-staff">
      <div class="section-head">
        <h3 id="window-staff" class="section-title">
          {t('staff')} {staff ? <span class="count">{shown.length}</span> : null}
        </h3>
        {mayEdit && window.active ? (
          <button type="button" class="btn btn-small" onClick={() => setDialog({ kind: 'new' })}>
            {t('addStaff')}
          </button>
        ) : null}
      </div>
      {error ? <LoadError error={error} onRetry={() => setVersion(version + 1)} /> : null}
      {!staff && !error ? <Loading /> : null}
      {staff && shown.length === 0 ? <p class="empty-inline">{hiddenCount > 0 ? t('onlyInactiveStaff', { count: hiddenCount }) : t('noStaffYet')}</p> : null}
      {shown.length > 0 ? (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('employeeNo')}</th>
                <th scope="col">{t('staffName')}</th>
                <th scope="col">{t('status')}</th>
                {mayEdit ? (
                  <th scope="col" class="actions-col">
                    <span class="visually-hidden">{t('actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr class={s.active ? '' : 'is-inactive'}>
                  <td>
                    <span class="code">{s.employeeNo}</span>
                  </td>
                  <td>{s.name}</td>
                  <td>{s.active ? <span class="status-active">{t('active')}</span> : <InactiveBadge />}</td>
                  {mayEdit ? (
                    <td class="actions-col">
                      <button type="button" class="btn btn-small btn-quiet" aria-label={t('editNamed', { name: s.name })} onClick={() => setDialog({ kind: 'edit', staff: s })}>
                        {t('edit')}
                      </button>
                      <button
                        type="button"
                        class={`btn btn-small btn-quiet${s.active ? ' btn-danger-quiet' : ''}`}
                        aria-label={t(s.active ? 'deactivateNamed' : 'activateNamed', { name: s.name })}
                        onClick={() => setDialog({ kind: 'toggle', staff: s })}
                      >
                        {s.active ? t('deactivate') : t('activate')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {shown.length > 0 && hiddenCount > 0 ? <p class="table-note">{t('moreInactiveStaff', { count: hiddenCount })}</p> : null}

      {dialog?.kind === 'new' ? <StaffForm windowId={window.id} onClose={close} onSaved={changed} /> : null}
      {dialog?.kind === 'edit' ? <StaffForm staff={dialog.staff} windowId={window.id} onClose={close} onSaved={changed} /> : null}
      {dialog?.kind === 'toggle' ? (
        <ToggleActiveDialog kind="staff" id={dialog.staff.id} name={dialog.staff.name} active={dialog.staff.active} onClose={close} onDone={changed} />
      ) : null}
    </section>
  )
}
