import type { Locale } from '../../shared/i18n/locale'
import { percent } from '../../shared/scoring/format'

// Presentation only: rates and scores come formatted by shared/scoring/format.ts; these place counts and dates.

/** A count with the locale's digit grouping (18,217). */
export const count = (n: number, locale: Locale) => n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN')

/** An interval as "96.6% – 97.1%"; "—" when there is none. */
export const interval = (iv: { low: number; high: number } | null | undefined) => (iv ? `${percent(iv.low)} – ${percent(iv.high)}` : '—')

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day (YYYY-MM-DD) of an instant, as the reader's device sees it. */
export function localDay(instant: string) {
  const d = new Date(instant)
  return Number.isNaN(d.getTime()) ? instant : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** "10-01" for an axis label. */
export const shortDay = (day: string) => day.slice(5)
