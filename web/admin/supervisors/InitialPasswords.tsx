import { useState } from 'hono/jsx'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'

export interface Account {
  username: string
  password: string
}

/**
 * First passwords of new supervisor accounts, shown this once (the server keeps only their hashes). Each supervisor
 * must choose their own password at the first sign-in. "Copy all" gives one line per account, ready to paste.
 */
export function PasswordList({ accounts }: { accounts: readonly Account[] }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(accounts.map((a) => `${a.username}\t${a.password}`).join('\n'))
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div class="sv-passwords">
      <div class="table-wrap">
        <table class="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t('username')}</th>
              <th scope="col">{t('initialPassword')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr>
                <td>
                  <code>{a.username}</code>
                </td>
                <td>
                  <output class="sv-password">{a.password}</output>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCopy ? (
        <button type="button" class="btn btn-small" onClick={() => void copy()}>
          {copied ? t('copied') : accounts.length > 1 ? t('svCopyAll') : t('copy')}
        </button>
      ) : null}
      <p class="alert alert-warning">{t('temporaryPasswordOnce')}</p>
    </div>
  )
}

/** The account just created by an appointment: user name and first password, shown once. */
export function InitialPasswordDialog({ name, account, onClose }: { name: string; account: Account; onClose: () => void }) {
  const t = useT()
  return (
    <Dialog title={t('svAppointedTitle', { name })} onClose={onClose} role="alertdialog">
      <div class="dialog-body">
        <p>{t('svAppointedText')}</p>
        <PasswordList accounts={[account]} />
      </div>
      <footer class="dialog-footer">
        <button type="button" class="btn btn-primary" onClick={() => onClose()}>
          {t('temporaryPasswordDone')}
        </button>
      </footer>
    </Dialog>
  )
}
