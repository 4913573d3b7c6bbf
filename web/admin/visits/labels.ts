import type { UiKey } from '../../../shared/i18n'
import type { VisitStatus, VisitType } from '../../../shared/schemas/supervision'
import { TIME_ZONE } from '../../app/dates'

/** 明察 / 暗访 / 巡查 / 专项 */
export const VISIT_TYPE_KEYS: Record<VisitType, UiKey> = {
  open: 'svTypeOpen',
  undercover: 'svTypeUndercover',
  patrol: 'svTypePatrol',
  special: 'svTypeSpecial',
}

/** 草稿 / 已提交 / 已作废 */
export const VISIT_STATUS_KEYS: Record<VisitStatus, UiKey> = {
  draft: 'svVisitDraft',
  submitted: 'svVisitSubmitted',
  annulled: 'svVisitAnnulled',
}

/** A 0–100 score as people read it: one decimal at most (86.5, 90), a dash when there is none. */
/** Scores read the same here as on every other screen and export. */
export { score as formatScore } from '../../../shared/scoring/format'

/** This month in the deployment's zone, as YYYY-MM. */
export const currentMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7)

/** The calendar months (YYYY-MM) a period touches, latest first; at most `limit` of them. */
export function monthsBetween(startsOn: string, endsOn: string, limit = 60): string[] {
  const start = startsOn.slice(0, 7)
  const months: string[] = []
  let year = Number(endsOn.slice(0, 4))
  let month = Number(endsOn.slice(5, 7))
  while (months.length < limit) {
    const m = `${year}-${String(month).padStart(2, '0')}`
    if (m < start || !Number.isFinite(year)) break
    months.push(m)
    month -= 1
    if (month === 0) {
      month = 12
      year -= 1
    }
  }
  return months
}

/** The month to show first for a campaign: this month while it runs, else its last (or first) month. */
export function defaultMonth(startsOn: string, endsOn: string, now = currentMonth()): string {
  if (now < startsOn.slice(0, 7)) return startsOn.slice(0, 7)
  if (now > endsOn.slice(0, 7)) return endsOn.slice(0, 7)
  return now
}
