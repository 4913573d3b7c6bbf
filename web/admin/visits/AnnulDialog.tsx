import type { Visit } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import { ApiError } from '../../app/api-error'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'
import { ReasonField } from '../supervisors/fields'

/** Annulling a submitted visit needs a reason; the visit is kept, marked 已作废, and no longer counts in any score. */
export function AnnulDialog({ visit, onDone, onClose }: { visit: Visit; onDone: (v: Visit) => void; onClose: () => void }) {
  const t = useT()
  const annul = (form: FormData) => {
    const reason = text(form, 'reason')
    // Checked here first so that nothing is sent without a reason; the server refuses an empty reason too.
    if (reason === '') {
      const message = t('svReasonRequired')
      throw new ApiError(400, 'validation_failed', message, { fields: [{ path: 'reason', code: 'field_required', message }] })
    }
    return call(api.visits[':id'].annul.$post({ param: { id: String(visit.id) }, json: { reason } }))
  }
  return (
    <FormDialog title={t('svAnnulTitle')} submitLabel={t('svAnnul')} fields={['reason']} onSubmit={annul} onDone={onDone} onClose={onClose}>
      {(error) => (
        <>
          <p class="form-context">
            {t('svAnnulContext', { window: `${visit.unitName} / ${visit.windowCode} ${visit.windowName}`, supervisor: visit.supervisorName, time: formatDateTime(visit.visitedAt) })}
          </p>
          <ReasonField name="reason" label={t('svAnnulReason')} hint={t('svAnnulReasonHint')} maxLength={200} error={error?.field('reason')} />
          <p class="dialog-message">{t('svAnnulNote')}</p>
        </>
      )}
    </FormDialog>
  )
}
