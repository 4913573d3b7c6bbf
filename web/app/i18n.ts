import { DEFAULT_LOCALE, LOCALES, uiText, type Locale, type UiKey } from '../../shared/i18n'
import { createStore, useStore } from './store'

const STORAGE_KEY = 'manyi.locale'

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE // storage may be blocked; Chinese is the default anyway
  }
}

const localeStore = createStore<Locale>(storedLocale())

/** The UI language right now (also sent to the API as Accept-Language). */
export const getLocale = (): Locale => localeStore.get()

/** Switches the UI language and remembers the choice on this device. */
export function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // not remembered, still switched
  }
  document.documentElement.lang = locale
  localeStore.set(locale)
}

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string

/** Text in the current language, outside components. */
export const t: Translate = (key, params) => uiText(getLocale(), key, params)

/** The current language; the component re-renders when it changes. */
export const useLocale = (): Locale => useStore(localeStore)

/** A translate function bound to the current language. */
export function useT(): Translate {
  const locale = useLocale()
  return (key, params) => uiText(locale, key, params)
}

/** For tests: start from a known language. */
export function resetLocale(locale: Locale = DEFAULT_LOCALE) {
  localeStore.set(locale)
}
