import type { Locale } from '../../../shared/i18n/locale'
import type { Translate } from '../i18n'

interface Props {
  t: Translate
  locale: Locale
  elder: boolean
  /** Kiosks show no language switch: one less thing on a shared screen. */
  languageSwitch: boolean
  onElder: (on: boolean) => void
  onLocale: (locale: Locale) => void
}

/** The brand (the page title names the survey), and the two switches a citizen may need before answering: 长者模式 and the language. */
export function TopBar({ t, locale, elder, languageSwitch, onElder, onLocale }: Props) {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en'
  return (
    <header class="topbar">
      <span class="brand">
        <span class="brand-mark" aria-hidden="true">
          满
        </span>
        {t('brand')}
      </span>
      <span class="tools">
        <button type="button" class="tool tool-elder" aria-pressed={elder ? 'true' : 'false'} onClick={() => onElder(!elder)}>
          <span class="switch" aria-hidden="true" />
          {t('elderMode')}
        </button>
        {languageSwitch ? (
          <button type="button" class="tool" lang={other} onClick={() => onLocale(other)}>
            {other === 'en' ? 'English' : '中文'}
          </button>
        ) : null}
      </span>
    </header>
  )
}
