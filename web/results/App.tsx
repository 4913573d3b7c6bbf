import { useEffect, useState } from 'hono/jsx'
import type { Locale } from '../../shared/i18n/locale'
import { initialLocale, rememberLocale } from '../survey/prefs'
import { loadDetail } from './api'
import { Message } from './components/Message'
import { TopBar } from './components/TopBar'
import { translator, type Translate } from './i18n'
import { DetailPage } from './pages/DetailPage'
import { ListPage } from './pages/ListPage'
import { PrintPage } from './pages/PrintPage'
import type { Route } from './route'
import { useLoad } from './use-load'

/** One period, on screen or as the printed report; withdrawn or unknown is a friendly page, never an error. */
function Publication({ t, locale, id, print }: { t: Translate; locale: Locale; id: number; print: boolean }) {
  const [loaded, retry] = useLoad(() => loadDetail(id, locale))
  useEffect(() => {
    if (loaded.state === 'missing') document.title = `${t('notFoundTitle')} · ${t('brand')}`
  }, [loaded.state, locale])
  if (loaded.state === 'loading')
    return (
      <p class="loading" role="status">
        {t('loading')}
      </p>
    )
  if (loaded.state === 'missing') return <Message t={t} kind="notFound" />
  if (loaded.state === 'failed') return <Message t={t} kind="loadFailed" onRetry={retry} />
  return print ? <PrintPage t={t} locale={locale} publication={loaded.data} /> : <DetailPage t={t} locale={locale} publication={loaded.data} />
}

/** The public results pages (满意度监测发布): no login, their own small bundle, zh-CN first with English on request. */
export function App({ route }: { route: Route }) {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  const t = translator(locale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  return (
    <div class={route.kind === 'print' ? 'page page-print' : 'page'}>
      <TopBar
        t={t}
        locale={locale}
        onLocale={(l) => {
          setLocale(l)
          rememberLocale(l)
        }}
      />
      <main class="main" id="main">
        {route.kind === 'list' ? (
          <ListPage t={t} locale={locale} />
        ) : route.kind === 'unknown' ? (
          <Message t={t} kind="notFound" />
        ) : (
          <Publication t={t} locale={locale} id={route.id} print={route.kind === 'print'} />
        )}
      </main>
    </div>
  )
}
