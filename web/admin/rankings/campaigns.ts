import type { Campaign } from '../../../shared/schemas/campaign'

/** The campaign to show: the one asked for when it exists, else the newest running one, else the newest of all. */
export const pickCampaign = (campaigns: readonly Campaign[], wanted: number | null): Campaign | undefined =>
  campaigns.find((c) => c.id === wanted) ?? campaigns.find((c) => c.status === 'active') ?? campaigns[0]
