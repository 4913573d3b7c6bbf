import type { Supervisor } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'
import { DateField, ReasonField } from './fields'
import { addYears, todayLocal } from './labels'

interface TermDialogProps {
  supervisor: Supervisor
  onDone: (s: Supervisor) => void
  onClose: () => void
}

/** Renew a term until a new end date; an ended appointment is resumed. */
export function RenewDialog({ supervisor, onDone, onClose }: TermDialogProps) {
  const t = useT()
  const from = supervisor.termEnd > todayLocal() ? supervisor.termEnd : todayLocal()
  const renew = (form: FormData) => call(api.supervisors[':id'].renew.$post({ param: { id: String(supervisor.id) }, json: { termEnd: text(form, 'termEnd') } }))
  return (
    <FormDialog title={t('svRenewNamed', { name: supervisor.displayName })} submitLabel={t('svRenew')} fields={['termEnd']} onSubmit={renew} onDone={onDone} onClose={onClose}>
      {(error) => (
        <>
          <p class="form-context">{t('svCurrentTerm', { start: supervisor.termStart, end: supervisor.termEnd })}</p>
          <DateField name="termEnd" label={t('svNewTermEnd')} value={addYears(from, 1)} min={supervisor.termStart} required error={error?.field('termEnd')} />
          <p class="dialog-message">{supervisor.status === 'ended' ? t('svRenewEndedNote') : t('svRenewNote')}</p>
        </>
      )}
    </FormDialog>
  )
}

/** End an appointment early, with a reason; the supervisor can no longer record visits but keeps their history. */
export function EndDialog({ supervisor, onDone, onClose }: TermDialogProps) {
  const t = useT()
  const end = (form: FormData) => {
    const reason = text(form, 'reason')
    // Checked here first so that nothing is sent without a reason; the server refuses an empty reason too.
    if (reason === '') {
      const message = t('svReasonRequired')
      throw new ApiError(400, 'validation_failed', message, { fields: [{ path: 'reason', code: 'field_required', message }] })
    }
    return call(api.supervisors[':id'].end.$post({ param: { id: String(supervisor.id) }, json: { reason } }))
  }
  return (
    <FormDialog title={t('svEndNamed', { name: supervisor.displayName })} submitLabel={t('svEnd')} fields={['reason']} onSubmit={end} onDone={onDone} onClose={onClose}>
      {(error) => (
        <>
          <p class="form-context">{t('svCurrentTerm', { start: supervisor.termStart, end: supervisor.termEnd })}</p>
          <ReasonField name="reason" label={t('svEndReason')} hint={t('svEndReasonHint')} maxLength={200} error={error?.field('reason')} />
          <p class="dialog-message">{t('svEndNote')}</p>
        </>
      )}
    </FormDialog>
  )
}
