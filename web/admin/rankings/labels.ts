import type { UiKey } from '../../../shared/i18n'
import { percent } from '../../../shared/scoring/format'
import type { RankingItem } from '../../../shared/schemas/scoring'
import type { Channel, Level, Method, PeriodPreset } from './query'

/** 窗口 / 单位 / 行业 / 服务明星 */
export const LEVEL_KEYS: Record<Level, UiKey> = { window: 'rkLevelWindow', unit: 'rkLevelUnit', sector: 'rkLevelSector', staff: 'rkLevelStaff' }
/** The thing ranked, as a noun for counts and empty lists: 个窗口, 个单位 … */
export const LEVEL_NOUN_KEYS: Record<Level, UiKey> = { window: 'rkNounWindow', unit: 'rkNounUnit', sector: 'rkNounSector', staff: 'rkNounStaff' }
/** 十佳服务窗口 / 十佳单位 / 排名前十的行业 / 十佳服务明星 */
export const TOP_TEN_KEYS: Record<Level, UiKey> = { window: 'rkTopTenWindow', unit: 'rkTopTenUnit', sector: 'rkTopTenSector', staff: 'rkTopTenStaff' }

/** Wilson 下限 / 满意率 / 满意度指数 / 综合得分 */
export const METHOD_KEYS: Record<Method, UiKey> = { wilson: 'rkMethodWilson', rate: 'rkMethodRate', index: 'rkMethodIndex', composite: 'rkMethodComposite' }
/** Why each method, in a line under the choice. */
export const METHOD_HINT_KEYS: Record<Method, UiKey> = { wilson: 'rkMethodWilsonHint', rate: 'rkMethodRateHint', index: 'rkMethodIndexHint', composite: 'rkMethodCompositeHint' }

export const PERIOD_KEYS: Record<PeriodPreset, UiKey> = { month: 'rkPeriodMonth', lastMonth: 'rkPeriodLastMonth', campaign: 'rkPeriodCampaign', custom: 'rkPeriodCustom' }

export const CHANNEL_KEYS: Record<Channel, UiKey> = { qr: 'channelQr', kiosk: 'channelKiosk', hotline: 'channelHotline', paper: 'channelPaper' }

export const ATTAINMENT_KEYS: Record<RankingItem['attainment'], UiKey> = { attained: 'rkAttained', not_attained: 'rkNotAttained', insufficient: 'rkInsufficient' }

/** "96.9–98.7%": a 95% interval, both ends with one decimal, the sign once. */
export function intervalText(interval: RankingItem['interval']): string {
  if (!interval) return '—'
  return `${percent(interval.low).replace('%', '')}–${percent(interval.high)}`
}

export type Movement = { kind: 'up' | 'down'; places: number } | { kind: 'same' | 'new' | 'none' }

/**
 * The movement since the previous period (环比): up or down so many places, the same, newly ranked, or nothing to say
 * (not ranked now, or no previous period to compare with).
 */
export function movement(item: Pick<RankingItem, 'rank' | 'previousRank'>, comparable: boolean): Movement {
  if (!comparable || item.rank === null) return { kind: 'none' }
  if (item.previousRank === null) return { kind: 'new' }
  const places = item.previousRank - item.rank
  if (places > 0) return { kind: 'up', places }
  if (places < 0) return { kind: 'down', places: -places }
  return { kind: 'same' }
}

/** ★★★★☆ for four of five; the screen reader hears "4 星". */
export const starText = (stars: number, of = 5) => '★'.repeat(Math.max(0, Math.min(stars, of))) + '☆'.repeat(Math.max(0, of - Math.max(0, stars)))
