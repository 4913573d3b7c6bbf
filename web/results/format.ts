import type { Locale } from '../../shared/i18n/locale'
import { percent } from '../../shared/scoring/format'
import { DISPLAY_TIME_ZONE, localDayHour } from '../../shared/time'

// Presentation only: rates and scores come formatted by shared/scoring/format.ts; these place counts and dates.

/** A count with the locale's digit grouping (18,217). */
export const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN')

/** An interval as "96.6% – 97.1%"; "—" when there is none. */
export const interval = (iv: { low: number; high: number } | null | undefined) => (iv ? `${percent(iv.low)} – ${percent(iv.high)}` : '—')

/** The calendar day (YYYY-MM-DD) of an instant in the deployment's zone, as the staff pages show it. */
export function localDay(instant: string) {
  const d = new Date(instant)
  return Number.isNaN(d.getTime()) ? instant : localDayHour(d, DISPLAY_TIME_ZONE).day
}

/** "10-01" for an axis label. */
export const shortDay = (day: string) => day.slice(5)
