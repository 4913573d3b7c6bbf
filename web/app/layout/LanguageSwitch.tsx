import { LANGUAGE_NAMES, LOCALES } from '../../../shared/i18n'
import { setLocale, useLocale, useT } from '../i18n'

/** 中文 / English, each written in its own language; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT()
  const locale = useLocale()
  return (
    <div class="segmented" role="group" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button type="button" class="segmented-item" lang={l} aria-pressed={l === locale ? 'true' : 'false'} onClick={() => setLocale(l)}>
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  )
}
