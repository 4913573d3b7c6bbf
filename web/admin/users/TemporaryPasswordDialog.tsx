import { useState } from 'hono/jsx'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'

/** The new temporary password, shown this once; the user must choose their own at the next sign-in. */
export function TemporaryPasswordDialog({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <Dialog title={t('temporaryPasswordTitle', { name })} onClose={onClose} role="alertdialog">
      <div class="dialog-body">
        <p>{t('temporaryPasswordText')}</p>
        <div class="secret-row">
          <output class="secret" aria-label={t('temporaryPassword')}>
            {password}
          </output>
          {canCopy ? (
            <button type="button" class="btn" onClick={() => void copy()}>
              {copied ? t('copied') : t('copy')}
            </button>
          ) : null}
        </div>
        <p class="alert alert-warning">{t('temporaryPasswordOnce')}</p>
      </div>
      <footer class="dialog-footer">
        <button type="button" class="btn btn-primary" onClick={() => onClose()}>
          {t('temporaryPasswordDone')}
        </button>
      </footer>
    </Dialog>
  )
}
