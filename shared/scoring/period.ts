// Periods of local days ('YYYY-MM-DD', in the deployment's zone) as dashboards and rankings use them.

export interface Period {
  from: string
  to: string
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`)
const toDay = (d: Date) => d.toISOString().slice(0, 10)

/** The day `n` days after `day` (before, for negative n). */
export function addDays(day: string, n: number): string {
  const d = toDate(day)
  d.setUTCDate(d.getUTCDate() + n)
  return toDay(d)
}

/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  const d = toDate(`${day.slice(0, 7)}-01`)
  d.setUTCMonth(d.getUTCMonth() + 1)
  d.setUTCDate(0)
  return toDay(d)
}

/** Number of days in a period, both ends included. */
export const periodDays = (p: Period) => Math.round((toDate(p.to).getTime() - toDate(p.from).getTime()) / 86_400_000) + 1

/** Whether a period is exactly one calendar month. */
export const isWholeMonth = (p: Period) => p.from.endsWith('-01') && p.to === monthEnd(p.from)

/**
 * The period a movement (环比) compares with: the previous calendar month for a whole month, otherwise the same number
 * of days just before.
 */
export function previousPeriod(p: Period): Period {
  if (isWholeMonth(p)) {
    const to = addDays(p.from, -1)
    return { from: `${to.slice(0, 7)}-01`, to }
  }
  const days = periodDays(p)
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) }
}

/** The calendar month before the one `day` is in, e.g. for "publish last month". */
export function lastMonth(day: string): Period {
  const to = addDays(`${day.slice(0, 7)}-01`, -1)
  return { from: `${to.slice(0, 7)}-01`, to }
}

/**
 * Splits a period into whole months (read from monthly counters) and the days left at its edges (read from daily
 * ones). `within` is where data can exist at all (a campaign's period): a month counts as whole when the part of it
 * inside `within` lies inside the period.
 */
export function splitByMonths(p: Period, within: Period): { months: string[]; days: Period[] } {
  const months: string[] = []
  const days: Period[] = []
  let edge: Period | null = null
  for (let start = `${p.from.slice(0, 7)}-01`; start <= p.to; start = addDays(monthEnd(start), 1)) {
    const end = monthEnd(start)
    const dataFrom = start > within.from ? start : within.from
    const dataTo = end < within.to ? end : within.to
    if (dataFrom > dataTo) continue // no data can exist in this month
    if (p.from <= dataFrom && dataTo <= p.to) {
      months.push(start.slice(0, 7))
      continue
    }
    const from = p.from > dataFrom ? p.from : dataFrom
    const to = p.to < dataTo ? p.to : dataTo
    if (from > to) continue
    if (edge && addDays(edge.to, 1) === from) edge.to = to
    else {
      edge = { from, to }
      days.push(edge)
    }
  }
  return { months, days }
}
