import type { Child } from 'hono/jsx'
import { useT } from '../app/i18n'
import { Brand } from '../app/layout/Brand'
import { LanguageSwitch } from '../app/layout/LanguageSwitch'
import { UserMenu } from '../app/layout/UserMenu'
import { Link } from '../app/Link'

/**
 * The supervisor's frame, phone first: the product, the language switch and the user's menu (password, sign out) in a
 * slim top bar, and one column of content. No side navigation: a supervisor has two pages.
 */
export function SuperviseShell({ children }: { children: Child }) {
  const t = useT()
  return (
    <div class="spv">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="spv-bar">
        <Link href="/supervise" class="spv-bar-brand">
          <Brand />
        </Link>
        <div class="spv-bar-actions">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" class="spv-main" tabindex={-1}>
        {children}
      </main>
    </div>
  )
}
