import type { UiKey } from '../../../shared/i18n'
import type { CampaignStatus } from '../../../shared/schemas/campaign'

/** 草稿 / 进行中 / 已结束 */
export const STATUS_KEYS: Record<CampaignStatus, UiKey> = { draft: 'statusDraft', active: 'statusActive', closed: 'statusClosed' }

/** A rate as people read it: 0.95 → 95%, 0.925 → 92.5%. */
export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`
