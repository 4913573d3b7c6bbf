import type { Locale } from '../../shared/i18n/locale'
import { surveyText, type SurveyKey } from '../../shared/i18n/survey'
import type { LocalText } from '../../shared/survey/definition'

export type Translate = (key: SurveyKey, params?: Record<string, string | number>) => string

/** A translate function for one language; components get it from the page. */
export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    surveyText(locale, key, params)

/** A questionnaire text in the page's language: English when the author wrote it, else Chinese. */
export const localText = (text: LocalText | undefined, locale: Locale) => (text ? (locale === 'en' && text.en) || text.zh : '')
