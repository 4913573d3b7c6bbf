import { TIME_ZONE } from '../app/dates'

const zoneFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

const partsOf = (date: Date) => Object.fromEntries(zoneFormat.formatToParts(date).map((p) => [p.type, p.value]))
const pad = (n: number) => String(n).padStart(2, '0')

/** The deployment zone's offset from UTC at an instant, in minutes (Asia/Shanghai: +480). */
function offsetAt(instant: number): number {
  const p = partsOf(new Date(instant))
  const wall = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']))
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000)
}

/**
 * An instant as the value of a datetime-local input ("2026-11-21T14:30"), on the deployment's clock, whatever the
 * phone's own zone is: times on screen are always in the deployment's zone.
 */
export function toLocalInput(instant: Date | string): string {
  const p = partsOf(typeof instant === 'string' ? new Date(instant) : instant)
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`
}

/** A datetime-local value read on the deployment's clock, as an ISO date-time with its offset; null when not a time. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1, 6) as [string, string, string, string, string]
  const second = m[6] ?? '00'
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second))
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== Number(day)) return null
  // The offset at the guessed instant, checked once more at the corrected one (zones with daylight saving).
  const offset = offsetAt(wall - offsetAt(wall) * 60_000)
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}
