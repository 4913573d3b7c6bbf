import { useT } from '../i18n'
import { Link } from '../Link'
import { usePageTitle } from '../page-title'

/** Any address the app does not know. */
export function NotFoundPage({ signedIn }: { signedIn: boolean }) {
  const t = useT()
  usePageTitle(t('notFoundTitle'))
  return (
    <section class="message-page" aria-labelledby="not-found-title">
      <p class="message-page-code" aria-hidden="true">
        404
      </p>
      <h1 id="not-found-title">{t('notFoundTitle')}</h1>
      <p class="muted">{t('notFoundText')}</p>
      <Link href={signedIn ? '/org' : '/login'} class="btn btn-primary">
        {signedIn ? t('backToOrg') : t('goToSignIn')}
      </Link>
    </section>
  )
}
