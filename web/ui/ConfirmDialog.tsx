import { useState } from 'hono/jsx'
import { useT } from '../app/i18n'
import { Dialog } from './Dialog'
import { FormAlert } from './FormAlert'
import type { ApiError } from '../app/api-error'
import { asApiError } from './use-submit'

interface ConfirmDialogProps {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  onConfirm: () => Promise<unknown>
  onDone: () => void
  onClose: () => void
}

/** Asks before doing something with consequences (deactivating, resetting a password); shows the server's refusal. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await props.onConfirm()
    } catch (e) {
      setBusy(false)
      setError(asApiError(e))
      return
    }
    setBusy(false)
    props.onDone()
  }
  return (
    <Dialog title={props.title} onClose={props.onClose} role="alertdialog">
      <div class="dialog-body">
        <FormAlert error={error} />
        <p class="dialog-message">{props.message}</p>
      </div>
      <footer class="dialog-footer">
        <button type="button" class="btn" onClick={() => props.onClose()}>
          {t('cancel')}
        </button>
        <button type="button" class={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy} onClick={confirm}>
          {busy ? t('working') : props.confirmLabel}
        </button>
      </footer>
    </Dialog>
  )
}
