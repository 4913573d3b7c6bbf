import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { belowTarget, topTen } from '../../shared/scoring/ranking'
import type { Period } from '../../shared/scoring/period'
import type { Campaign } from '../../shared/schemas/campaign'
import type { PublicationContent } from '../../shared/schemas/publication'
import { campaignOverview } from '../scoring/overview'
import { campaignRanking } from '../scoring/rankings'
import type { Viewer } from '../scoring/viewer'

/**
 * Freezes a campaign's rankings over a period into the content of a publication, computed exactly as the dashboards
 * compute them (same functions, the whole campaign), with staff names only when the campaign allows it.
 */
export async function buildSnapshot(db: Kysely<Database>, campaign: Campaign, period: Period, title: string, today: string): Promise<PublicationContent> {
  const viewer: Viewer = { scope: { all: true }, role: 'admin', today }
  const rank = (level: 'window' | 'unit' | 'sector' | 'staff') => campaignRanking(db, viewer, campaign.id, { level, method: 'wilson', ...period })
  const [windows, units, sectors, staff, overview] = await Promise.all([
    rank('window'),
    rank('unit'),
    rank('sector'),
    campaign.publishStaffNames ? rank('staff') : null,
    campaignOverview(db, viewer, campaign.id, period, 'zh-CN'),
  ])
  return {
    campaign: { id: campaign.id, name: campaign.name },
    title,
    from: period.from,
    to: period.to,
    target: campaign.targetRate,
    minSample: campaign.minSample,
    method: 'wilson',
    overall: {
      n: overview.overall.n,
      satisfied: overview.trend.reduce((s, d) => s + d.satisfied, 0),
      rate: overview.overall.rate,
      interval: overview.overall.interval,
      index: overview.overall.index,
      badRate: overview.overall.badRate,
    },
    windows: overview.windows,
    rankings: { window: windows.items, unit: units.items, sector: sectors.items, staff: staff?.items ?? null },
    topTen: topTen(windows.items),
    belowTarget: belowTarget(windows.items),
    trend: overview.trend,
  }
}

/** The exact text that is stored and hashed: JSON with the keys in the order the snapshot was built. */
export const canonicalText = (content: PublicationContent) => JSON.stringify(content)

/** SHA-256 of the canonical text's UTF-8 bytes, in lower-case hex (what `sha256sum snapshot.json` prints). */
export const snapshotHash = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
