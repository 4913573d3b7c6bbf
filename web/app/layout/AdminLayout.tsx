import type { Child } from 'hono/jsx'
import { useT } from '../i18n'
import { Link } from '../Link'
import { Brand } from './Brand'
import { LanguageSwitch } from './LanguageSwitch'
import { SideNav } from './SideNav'
import { UserMenu } from './UserMenu'

/** The frame of every signed-in page: top bar, navigation, and the page itself. */
export function AdminLayout({ children }: { children: Child }) {
  const t = useT()
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="top-bar">
        <Link href="/org" class="top-bar-brand">
          <Brand />
        </Link>
        <span class="top-bar-subtitle">{t('productTagline')}</span>
        <div class="top-bar-actions">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div class="shell-body">
        <SideNav />
        <main id="main" class="main" tabindex={-1}>
          {children}
        </main>
      </div>
    </div>
  )
}
