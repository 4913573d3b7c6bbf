import { useState } from 'hono/jsx'
import { api, call } from '../app/api'
import { ApiError } from '../app/api-error'
import { setSignedIn, useUser } from '../app/auth'
import { t as translate, useT } from '../app/i18n'
import { AdminLayout } from '../app/layout/AdminLayout'
import { usePageTitle } from '../app/page-title'
import { navigate, safeNext, useLocation } from '../app/router'
import { homeOf } from '../app/routes'
import { TextField } from '../ui/Field'
import { FormAlert } from '../ui/FormAlert'
import { useSubmit } from '../ui/use-submit'
import { AuthShell } from './AuthShell'

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const

function mismatch() {
  const message = translate('passwordsDoNotMatch')
  return new ApiError(400, 'passwords_do_not_match', message, { fields: [{ path: 'confirmPassword', code: 'mismatch', message }] })
}

function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const t = useT()
  const user = useUser()
  const [formKey, setFormKey] = useState(0)
  const { busy, error, onSubmit } = useSubmit(
    async (form) => {
      const currentPassword = String(form.get('currentPassword') ?? '')
      const newPassword = String(form.get('newPassword') ?? '')
      if (newPassword !== String(form.get('confirmPassword') ?? '')) throw mismatch()
      await call(api.auth.password.$post({ json: { currentPassword, newPassword } }))
    },
    () => {
      setFormKey(formKey + 1) // empties the fields
      onChanged()
    },
  )
  return (
    <form key={formKey} class="stack-form" noValidate onSubmit={onSubmit}>
      <FormAlert error={error} fields={FIELDS} />
      {/* For password managers: which account this password belongs to. */}
      <input type="text" name="username" autocomplete="username" value={user.username} hidden readonly />
      <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required error={error?.field('currentPassword')} />
      <TextField name="newPassword" label={t('newPassword')} type="password" autoComplete="new-password" required hint={t('passwordRules')} error={error?.field('newPassword')} />
      <TextField name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" required error={error?.field('confirmPassword')} />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {busy ? t('saving') : t('changePassword')}
      </button>
    </form>
  )
}

/**
 * Change one's own password. Right after an administrator created the account or reset the password this is the
 * only page the user can reach; afterwards they go where they were heading.
 */
export function ChangePasswordPage() {
  const t = useT()
  const user = useUser()
  const { search } = useLocation()
  const [done, setDone] = useState(false)
  usePageTitle(t('changePassword'))

  if (user.mustChangePassword) {
    const finish = async () => {
      const { user: fresh } = await call(api.auth.me.$get())
      setSignedIn(fresh)
      navigate(safeNext(search.get('next'), homeOf(fresh)), { replace: true })
    }
    return (
      <AuthShell title={t('choosePasswordTitle')}>
        <p class="auth-lead">{t('choosePasswordText', { name: user.displayName })}</p>
        <PasswordForm onChanged={() => void finish().catch(() => undefined)} />
      </AuthShell>
    )
  }

  return (
    <AdminLayout>
      <div class="page page-narrow">
        <header class="page-header">
          <h1 class="page-title">{t('changePassword')}</h1>
        </header>
        <div class="card card-padded">
          {done ? (
            <p class="alert alert-success" role="status">
              {t('passwordChanged')}
            </p>
          ) : null}
          <PasswordForm onChanged={() => setDone(true)} />
        </div>
      </div>
    </AdminLayout>
  )
}
