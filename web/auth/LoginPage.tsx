import { useEffect, useState } from 'hono/jsx'
import { api, call } from '../app/api'
import { ApiError } from '../app/api-error'
import { setSignedIn } from '../app/auth'
import { useT } from '../app/i18n'
import { usePageTitle } from '../app/page-title'
import { useLocation } from '../app/router'
import { TextField } from '../ui/Field'
import { FormAlert } from '../ui/FormAlert'
import { text, useSubmit } from '../ui/use-submit'
import { AuthShell } from './AuthShell'

/** Seconds left until the given time (ticks once a second while positive). */
function useCountdown(until: number) {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (until <= Date.now()) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [until])
  return Math.max(0, Math.ceil((until - now) / 1000))
}

/** Sign-in: user name and password. Where to go afterwards is the router's job (back where the user was). */
export function LoginPage() {
  const t = useT()
  const { search } = useLocation()
  usePageTitle(t('signInTitle'))
  const [lockedUntil, setLockedUntil] = useState(0)
  const wait = useCountdown(lockedUntil)

  const { busy, error, onSubmit } = useSubmit(
    async (form) => {
      const body = { username: text(form, 'username'), password: String(form.get('password') ?? '') }
      try {
        return (await call(api.auth.login.$post({ json: body }), { signIn: true })).user
      } catch (e) {
        if (e instanceof ApiError && e.retryAfter) setLockedUntil(Date.now() + e.retryAfter * 1000)
        throw e
      }
    },
    (user) => setSignedIn(user),
  )

  return (
    <AuthShell title={t('signInTitle')}>
      {search.get('expired') && !error ? (
        <p class="alert alert-info" role="status">
          {t('sessionEnded')}
        </p>
      ) : null}
      <form class="auth-form" noValidate onSubmit={onSubmit}>
        <FormAlert error={error} fields={['username', 'password']} />
        <TextField name="username" label={t('username')} autoComplete="username" required autoFocus error={error?.field('username')} maxLength={64} />
        <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required error={error?.field('password')} maxLength={200} />
        <button type="submit" class="btn btn-primary btn-block" disabled={busy || wait > 0}>
          {busy ? t('signingIn') : wait > 0 ? t('tryAgainIn', { seconds: wait }) : t('signIn')}
        </button>
      </form>
      <p class="auth-help">{t('signInHelp')}</p>
    </AuthShell>
  )
}
