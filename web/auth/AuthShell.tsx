import type { Child } from 'hono/jsx'
import { useT } from '../app/i18n'
import { Brand } from '../app/layout/Brand'
import { LanguageSwitch } from '../app/layout/LanguageSwitch'

/** The quiet frame of the sign-in and first-password pages: the product, the language switch, one card. */
export function AuthShell({ title, children }: { title: string; children: Child }) {
  const t = useT()
  return (
    <div class="auth-page">
      <header class="auth-header">
        <LanguageSwitch />
      </header>
      <main class="auth-main">
        <div class="auth-intro">
          <Brand large />
          <p class="auth-tagline">{t('productTagline')}</p>
        </div>
        <section class="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" class="auth-title">
            {title}
          </h1>
          {children}
        </section>
      </main>
      <footer class="auth-footer">{t('authFooter')}</footer>
    </div>
  )
}
