/** The zone screens show times in (the deployment's default `TZ`), whatever the reader's device zone is. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai'

const formatters = new Map<string, Intl.DateTimeFormat>()

function parts(instant: Date, timeZone: string) {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, f)
  }
  const out: Record<string, string> = {}
  for (const p of f.formatToParts(instant)) out[p.type] = p.value
  return out
}

let last: { key: string; value: { day: string; hour: number } } | null = null

/** The local calendar day (YYYY-MM-DD) and hour (0–23) of an instant in a time zone: how days and hours are bucketed. */
export function localDayHour(instant: Date, timeZone: string): { day: string; hour: number } {
  // Time zones change offsets on whole minutes at most, so the answer holds for the whole minute (the hot path asks
  // thousands of times a second).
  const key = `${timeZone}|${Math.floor(instant.getTime() / 60_000)}`
  if (last?.key === key) return last.value
  const p = parts(instant, timeZone)
  const value = { day: `${p['year']}-${p['month']}-${p['day']}`, hour: Number(p['hour']) }
  last = { key, value }
  return value
}

/** A YYYY-MM-DD date string that is a real calendar date. */
export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)
