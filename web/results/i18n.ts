import type { Locale } from '../../shared/i18n/locale'
import { resultsText, type ResultsKey } from '../../shared/i18n/results'

export type Translate = (key: ResultsKey, params?: Record<string, string | number>) => string

/** A translate function for one language; components get it from the page. */
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    resultsText(locale, key, params)
