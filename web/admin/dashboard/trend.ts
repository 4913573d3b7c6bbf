import { satisfactionRate, wilsonInterval } from '../../../shared/scoring/rates'
import type { Overview } from '../../../shared/schemas/scoring'
import { addDays, type Grain } from './filters'

export interface TrendPoint {
  /** The first day of the bucket (YYYY-MM-DD). */
  start: string
  end: string
  n: number
  /** null when the server did not say (then no interval either). */
  satisfied: number | null
  rate: number | null
  interval: { low: number; high: number } | null
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
/** Weeks start on Monday, as in China. */
const weekStart = (day: string) => addDays(day, -((weekday(day) + 6) % 7))

/**
 * The daily trend as days, weeks or months. A day's rate is the server's; a week's or a month's is worked out from the
 * summed counts with the shared scoring functions (the same formula as the server), never averaged from daily rates.
 */
export function bucketTrend(trend: Overview['trend'], grain: Grain): TrendPoint[] {
  const days = [...trend].sort((a, b) => a.day.localeCompare(b.day))
  if (grain === 'day') {
    return days.map((d) => {
      const satisfied = typeof d.satisfied === 'number' ? d.satisfied : null
      return { start: d.day, end: d.day, n: d.n, satisfied, rate: d.rate, interval: satisfied === null ? null : wilsonInterval(satisfied, d.n) }
    })
  }
  const buckets = new Map<string, { start: string; end: string; n: number; satisfied: number | null }>()
  for (const d of days) {
    const start = grain === 'week' ? weekStart(d.day) : `${d.day.slice(0, 7)}-01`
    const bucket = buckets.get(start) ?? { start, end: d.day, n: 0, satisfied: 0 }
    bucket.end = d.day
    bucket.n += d.n
    bucket.satisfied = bucket.satisfied === null || typeof d.satisfied !== 'number' ? null : bucket.satisfied + d.satisfied
    buckets.set(start, bucket)
  }
  return [...buckets.values()].map((b) => {
    if (b.satisfied === null) return { ...b, rate: null, interval: null }
    // As level counts: the satisfied at a satisfied level, the rest at an unsatisfied one.
    const { rate } = satisfactionRate({ 5: b.satisfied, 1: b.n - b.satisfied }, [5])
    return { ...b, rate, interval: wilsonInterval(b.satisfied, b.n) }
  })
}

/** How a bucket is named on the axis and in the table: 11-18, 11-16 起 (week), 2026-11. */
export function bucketLabel(p: TrendPoint, grain: Grain, weekOf: (day: string) => string): string {
  if (grain === 'month') return p.start.slice(0, 7)
  if (grain === 'week') return weekOf(p.start.slice(5))
  return p.start.slice(5)
}
