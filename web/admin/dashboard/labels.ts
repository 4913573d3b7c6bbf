import type { UiKey } from '../../../shared/i18n'
import { percent } from '../../../shared/scoring/format'
import type { RankingItem } from '../../../shared/schemas/scoring'
import type { Translate } from '../../app/i18n'
import { DIMENSION_KEYS, isBuiltInDimension } from '../questionnaires/labels'
import type { Grain, Level, Method, PeriodPreset, Respondents } from './filters'

/** Every figure on these pages goes through shared/scoring/format.ts, as on every other screen and export. */
export { percent, score } from '../../../shared/scoring/format'

/** A count as people read it: 23,246 (zh and en alike). */
export const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : new Intl.NumberFormat('en-US').format(n))

/** A 95% interval as 93.1%–97.2%; "—" when there is none. */
export const interval = (i: { low: number; high: number } | null | undefined) => (i ? `${percent(i.low)}–${percent(i.high)}` : '—')

/** Channel names (the stored channels; web and sms are older ones that may still be in the data). */
export const CHANNEL_KEYS: Record<string, UiKey> = {
  qr: 'channelQr',
  kiosk: 'channelKiosk',
  hotline: 'channelHotline',
  paper: 'channelPaper',
  web: 'channelWeb',
  sms: 'channelSms',
}
export const channelLabel = (channel: string, t: Translate) => (CHANNEL_KEYS[channel] ? t(CHANNEL_KEYS[channel]) : channel)

/** 非常满意 5 … 非常不满意 1 */
export const LEVELS = [5, 4, 3, 2, 1] as const
export const LEVEL_KEYS: Record<1 | 2 | 3 | 4 | 5, UiKey> = { 5: 'level5', 4: 'level4', 3: 'level3', 2: 'level2', 1: 'level1' }
export const levelLabel = (level: number, t: Translate) => (level >= 1 && level <= 5 ? t(LEVEL_KEYS[level as 1 | 2 | 3 | 4 | 5]) : String(level))

export const PERIOD_KEYS: Record<PeriodPreset, UiKey> = {
  month: 'dashPeriodMonth',
  lastMonth: 'dashPeriodLastMonth',
  last7: 'dashPeriodLast7',
  last30: 'dashPeriodLast30',
  campaign: 'dashPeriodCampaign',
  custom: 'dashPeriodCustom',
}
export const GRAIN_KEYS: Record<Grain, UiKey> = { day: 'dashGrainDay', week: 'dashGrainWeek', month: 'dashGrainMonth' }
export const RESPONDENT_KEYS: Record<Respondents, UiKey> = { all: 'dashWhoAll', citizens: 'dashWhoCitizens', supervisors: 'dashWhoSupervisors' }
export const METHOD_KEYS: Record<Method, UiKey> = { wilson: 'dashMethodWilson', rate: 'dashMethodRate', index: 'dashMethodIndex', composite: 'dashMethodComposite' }
export const LEVEL_NAME_KEYS: Record<Level, UiKey> = { sector: 'sector', unit: 'unit', window: 'window', staff: 'staff' }
export const ATTAINMENT_KEYS: Record<RankingItem['attainment'], UiKey> = {
  attained: 'dashAttained',
  not_attained: 'dashNotAttained',
  insufficient: 'dashInsufficient',
}
/** 0 = Sunday … 6 = Saturday */
export const WEEKDAY_KEYS: readonly UiKey[] = ['dashSun', 'dashMon', 'dashTue', 'dashWed', 'dashThu', 'dashFri', 'dashSat']

/** A question dimension's name: the built-in ones (attitude → 服务态度) in the reader's language, custom ones as typed. */
export const dimensionLabel = (dimension: string, t: Translate) => (isBuiltInDimension(dimension) ? t(DIMENSION_KEYS[dimension]) : dimension)
