import { useId } from 'hono/jsx'
import type { ReviewItem } from '../../../shared/schemas/review'
import { api, call } from '../../app/api'
import { ApiError } from '../../app/api-error'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { describedBy } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'

/** Rejecting a response needs a reason; it is kept with the response and in the review log. */
export function RejectDialog({ item, onDone, onClose }: { item: ReviewItem; onDone: () => void; onClose: () => void }) {
  const t = useT()
  const id = useId()
  const reject = async (form: FormData) => {
    const reason = text(form, 'reason')
    // Checked here first so that nothing is sent without a reason; the server refuses an empty reason too.
    if (reason === '') {
      const message = t('rejectReasonRequired')
      throw new ApiError(400, 'validation_failed', message, { fields: [{ path: 'reason', code: 'field_required', message }] })
    }
    return call(api.responses[':id'].review.$post({ param: { id: String(item.id) }, json: { decision: 'rejected', reason } }))
  }
  return (
    <FormDialog title={t('rejectTitle')} submitLabel={t('reject')} fields={['reason']} onSubmit={reject} onDone={onDone} onClose={onClose}>
      {(error) => {
        const message = error?.field('reason')
        const hint = t('rejectReasonHint')
        return (
          <>
            <p class="form-context">{t('rejectContext', { window: `${item.window.unitName} / ${item.window.code} ${item.window.name}`, time: formatDateTime(item.submittedAt) })}</p>
            <div class={`field${message ? ' has-error' : ''}`}>
              <label class="field-label" for={id}>
                {t('rejectReason')}
                <span class="field-required" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <textarea
                id={id}
                name="reason"
                class="input textarea"
                rows={3}
                maxlength={500}
                autofocus
                aria-required="true"
                aria-invalid={message ? 'true' : undefined}
                aria-describedby={describedBy(id, hint, message)}
              />
              {message ? (
                <p class="field-error" id={`${id}-error`}>
                  {message}
                </p>
              ) : (
                <p class="field-hint" id={`${id}-hint`}>
                  {hint}
                </p>
              )}
            </div>
            <p class="dialog-message">{t('rejectNote')}</p>
          </>
        )
      }}
    </FormDialog>
  )
}
