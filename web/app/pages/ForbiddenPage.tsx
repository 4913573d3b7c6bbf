import { useT } from '../i18n'
import { usePageTitle } from '../page-title'

/** A page the user's role does not include (the server would refuse it too). */
export function ForbiddenPage() {
  const t = useT()
  usePageTitle(t('forbiddenTitle'))
  return (
    <section class="message-page" aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{t('forbiddenTitle')}</h1>
      <p class="muted">{t('forbiddenText')}</p>
    </section>
  )
}
