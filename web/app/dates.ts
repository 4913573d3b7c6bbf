import { DISPLAY_TIME_ZONE } from '../../shared/time'

/** Every time on screen is in the deployment's zone, whatever the browser's zone is. */
export const TIME_ZONE = DISPLAY_TIME_ZONE

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An ISO instant as date and time in Asia/Shanghai, e.g. 2026-11-21 16:30 (the same in both languages). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return '—'
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]))
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`
}
