import type { Publication } from '../../../shared/schemas/publication'
import { api, call } from '../../app/api'
import { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'
import { ReasonField } from '../supervisors/fields'

/** Withdrawing a publication needs a reason; the snapshot stays on record with who withdrew it, when and why. */
export function WithdrawDialog({ publication, onDone, onClose }: { publication: Publication; onDone: (p: Publication) => void; onClose: () => void }) {
  const t = useT()
  const withdraw = (form: FormData) => {
    const reason = text(form, 'reason')
    // Checked here first so that nothing is sent without a reason; the server refuses an empty reason too.
    if (reason === '') {
      const message = t('pubReasonRequired')
      throw new ApiError(400, 'validation_failed', message, { fields: [{ path: 'reason', code: 'field_required', message }] })
    }
    return call(api.publications[':id'].withdraw.$post({ param: { id: String(publication.id) }, json: { reason } }))
  }
  return (
    <FormDialog title={t('pubWithdrawTitle')} submitLabel={t('pubWithdraw')} fields={['reason']} onSubmit={withdraw} onDone={onDone} onClose={onClose}>
      {(error) => (
        <>
          <p class="form-context">{t('pubWithdrawContext', { title: publication.title, from: publication.from, to: publication.to })}</p>
          <ReasonField name="reason" label={t('pubWithdrawReason')} hint={t('pubWithdrawReasonHint')} maxLength={200} error={error?.field('reason')} />
          <p class="dialog-message">{t('pubWithdrawNote')}</p>
        </>
      )}
    </FormDialog>
  )
}
