import type { Locale } from '../../shared/i18n/locale'
import type { UiKey } from '../../shared/i18n'
import type { QuotaProgress, SupervisorStatus, VisitStatus, VisitType } from '../../shared/schemas/supervision'
import type { Question } from '../../shared/survey/definition'
import type { Translate } from '../app/i18n'
import { localText } from '../survey/i18n'

export const TYPE_LABEL: Record<VisitType, UiKey> = { open: 'spvTypeOpen', undercover: 'spvTypeUndercover', patrol: 'spvTypePatrol', special: 'spvTypeSpecial' }
export const TYPE_HINT: Record<VisitType, UiKey> = { open: 'spvTypeOpenHint', undercover: 'spvTypeUndercoverHint', patrol: 'spvTypePatrolHint', special: 'spvTypeSpecialHint' }
export const STATUS_LABEL: Record<VisitStatus, UiKey> = { draft: 'spvStatusDraft', submitted: 'spvStatusSubmitted', annulled: 'spvStatusAnnulled' }
export const TERM_LABEL: Record<SupervisorStatus, UiKey> = { active: 'spvTermActive', upcoming: 'spvTermUpcoming', expired: 'spvTermExpired', ended: 'spvTermEnded' }

/** A 0–100 score as people read it: at most one decimal (92.5, 100). */
/** Scores read the same here as on every other screen and export. */
export { score as formatScore } from '../../shared/scoring/format'

/** True when the campaign sets a monthly quota at all. */
export const hasQuota = (p: QuotaProgress) => p.visitsRequired !== null || p.undercoverRequired !== null

/** "本月 1/2 次，暗访 0/1": this month's own visits against the quota. */
export function progressText(t: Translate, p: QuotaProgress): string {
  const parts = [p.visitsRequired !== null ? t('spvProgressVisits', { done: p.visits, required: p.visitsRequired }) : t('spvProgressVisitsNoQuota', { done: p.visits })]
  if (p.undercoverRequired !== null) parts.push(t('spvProgressUndercover', { done: p.undercover, required: p.undercoverRequired }))
  else if (p.undercover > 0) parts.push(t('spvProgressUndercoverNoQuota', { done: p.undercover }))
  return parts.join(t('spvListSep'))
}

/** An answer in words: the option's text, the level's word, 是/否, the number or the text. */
export function answerText(t: Translate, locale: Locale, q: Question | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('spvNotAnswered')
  if (!q) return Array.isArray(value) ? value.join(t('spvListSep')) : String(value)
  switch (q.type) {
    case 'check':
      return value === true ? t('yes') : value === false ? t('no') : String(value)
    case 'satisfaction5':
      return typeof value === 'number' && value >= 1 && value <= 5 ? t(`level${value}` as UiKey) : String(value)
    case 'single':
    case 'multiple': {
      const list = Array.isArray(value) ? value : [value]
      return list.map((key) => localText(q.options?.find((o) => o.key === key)?.text, locale) || String(key)).join(t('spvListSep'))
    }
    default:
      return String(value)
  }
}
