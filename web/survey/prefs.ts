import { LOCALES, pickLocale, type Locale } from '../../shared/i18n/locale'

/** Shared with the staff app on purpose: a staff member's preview speaks the language they chose there. */
const LOCALE_KEY = 'manyi.locale'
const ELDER_KEY = 'manyi.survey.elder'

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null // storage blocked: fall back to defaults
  }
}

function remember(key: string, value: string) {
  try {
    localStorage.setItem(key, value)
  } catch {
    // not remembered, still applied
  }
}

/** The language chosen before on this device, else the browser's preference (English or Chinese), else Chinese. */
export function initialLocale(): Locale {
  const stored = read(LOCALE_KEY)
  if ((LOCALES as readonly (string | null)[]).includes(stored)) return stored as Locale
  return pickLocale(navigator.languages?.length ? navigator.languages.join(',') : navigator.language)
}

export const rememberLocale = (locale: Locale) => remember(LOCALE_KEY, locale)

/** Elder mode (长者模式) as chosen before on this device. */
export const initialElder = () => read(ELDER_KEY) === '1'

export const rememberElder = (on: boolean) => remember(ELDER_KEY, on ? '1' : '0')
