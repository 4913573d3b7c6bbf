import type { Locale } from '../../../shared/i18n/locale'
import type { Translate } from '../i18n'
import { listHref } from '../route'

interface Props {
  t: Translate
  locale: Locale
  onLocale: (locale: Locale) => void
}

/** The brand, the name of the section (a link home), and the language switch. */
export function TopBar({ t, locale, onLocale }: Props) {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en'
  return (
    <header class="topbar no-print">
      <a class="brand" href={listHref()}>
        <span class="brand-mark" aria-hidden="true">
          满
        </span>
        <span>
          {t('brand')} <span class="brand-section">· {t('section')}</span>
        </span>
      </a>
      <button type="button" class="tool" lang={other} onClick={() => onLocale(other)}>
        {other === 'en' ? 'English' : '中文'}
      </button>
    </header>
  )
}
