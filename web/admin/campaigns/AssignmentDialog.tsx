import { useEffect, useId, useRef, useState } from 'hono/jsx'
import type { Assignment, Supervisor } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'
import { describedBy, FieldShell } from '../../ui/Field'
import { FormAlert } from '../../ui/FormAlert'
import { Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import type { OrgIndex } from '../org/tree-model'
import { kindLabel, STATUS_KEYS } from '../supervisors/labels'
import { ScopePicker } from './ScopePicker'
import { EMPTY_SCOPE, type Scope } from './scope-model'

interface AssignmentDialogProps {
  campaignId: number
  /** The organisation cut down to the campaign's windows. */
  index: OrgIndex
  onDone: (a: Assignment) => void
  onClose: () => void
}

/** Assign a supervisor to windows of the campaign: pick the supervisor, then sectors, units or single windows. */
export function AssignmentDialog({ campaignId, index, onDone, onClose }: AssignmentDialogProps) {
  const t = useT()
  const id = useId()
  const [supervisors, setSupervisors] = useState<Supervisor[] | null>(null)
  const [supervisorId, setSupervisorId] = useState('')
  const [scope, setScope] = useState<Scope>(EMPTY_SCOPE)
  const latest = useRef<Scope>(scope)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    call(api.supervisors.$get({ query: { status: 'all' } }))
      .then(({ items }) => setSupervisors(items.filter((s) => s.status !== 'ended' && s.status !== 'expired')))
      .catch((e) => {
        setSupervisors([])
        setError(asApiError(e))
      })
  }, [])

  const submit = async (e: Event) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      const a = await call(api.campaigns[':id'].assignments.$post({ param: { id: String(campaignId) }, json: { supervisorId: Number(supervisorId) || 0, scope: latest.current } }))
      setBusy(false)
      onDone(a)
    } catch (err) {
      setBusy(false)
      setError(asApiError(err))
    }
  }

  const supervisorError = error?.field('supervisorId') ?? (error?.code === 'supervisor_unknown' ? error.message : undefined)
  const scopeError = error?.field('scope')
  const hint = supervisors?.length === 0 ? t('svNoSupervisorsToAssign') : t('svAssignSupervisorHint')
  return (
    <Dialog title={t('svAddAssignment')} onClose={onClose} size="wide">
      <form class="dialog-form" noValidate onSubmit={submit}>
        <div class="dialog-body">
          {error && !supervisorError && !scopeError ? <FormAlert error={error} fields={['supervisorId', 'scope']} /> : null}
          {!supervisors ? (
            <Loading />
          ) : (
            <FieldShell id={id} label={t('svSupervisor')} required error={supervisorError} hint={hint}>
              <select
                id={id}
                class="input select"
                value={supervisorId}
                aria-required="true"
                aria-invalid={supervisorError ? 'true' : undefined}
                aria-describedby={describedBy(id, hint, supervisorError)}
                onChange={(e: Event) => setSupervisorId((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="" selected={supervisorId === ''}>
                  {t('svChooseSupervisor')}
                </option>
                {supervisors.map((s) => (
                  <option value={String(s.id)} selected={String(s.id) === supervisorId}>
                    {t('svWithNote', { text: s.displayName, note: s.status === 'active' ? kindLabel(s.kind, t) : `${kindLabel(s.kind, t)} · ${t(STATUS_KEYS[s.status])}` })}
                  </option>
                ))}
              </select>
            </FieldShell>
          )}
          <div class="field">
            <span class="field-label">
              {t('svAssignWindows')}
              <span class="field-required" aria-hidden="true">
                {' '}
                *
              </span>
            </span>
            {index.windows.size === 0 ? (
              <p class="empty-inline">{t('svCampaignHasNoWindows')}</p>
            ) : (
              <ScopePicker
                index={index}
                value={scope}
                onChange={(update) => {
                  latest.current = update(latest.current)
                  setScope(latest.current)
                }}
                error={scopeError}
              />
            )}
          </div>
        </div>
        <footer class="dialog-footer">
          <button type="button" class="btn" onClick={() => onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy || !supervisors} aria-busy={busy ? 'true' : undefined}>
            {busy ? t('saving') : t('svAssign')}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
