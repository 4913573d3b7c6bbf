import { z } from 'zod'
import { LocalDate } from './campaign'
import { Id, IdParam, Instant, optionalText, text } from './common'
import { RankingItem, RankingMethod } from './scoring'

/** Publish a period's rankings of a campaign (满意度监测发布): the server freezes them into a snapshot. */
export const PublishBody = z
  .strictObject({
    campaignId: Id,
    from: LocalDate,
    to: LocalDate,
    /** Default: "<campaign> <from>至<to> 满意度监测结果". */
    title: optionalText(100),
  })
  .refine((b) => b.from <= b.to, { message: 'field_end_before_start', path: ['to'] })

export const WithdrawBody = z.strictObject({ reason: text(200) })

export const PublicationListQuery = z.object({ campaignId: IdParam.optional() })

const Interval = z.object({ low: z.number(), high: z.number() }).nullable()

/** What a snapshot holds: everything the public pages and the printed report show, frozen at publication. */
export const PublicationContent = z
  .object({
    campaign: z.object({ id: z.number().int(), name: z.string() }),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    target: z.number(),
    minSample: z.number().int(),
    method: RankingMethod,
    overall: z.object({ n: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable(), interval: Interval, index: z.number().nullable(), badRate: z.number().nullable() }),
    windows: z.object({ attained: z.number().int(), notAttained: z.number().int(), insufficient: z.number().int() }),
    rankings: z.object({
      window: z.array(RankingItem),
      unit: z.array(RankingItem),
      sector: z.array(RankingItem),
      /** 服务明星: only when the campaign allows staff names to be published; otherwise null. */
      staff: z.array(RankingItem).nullable(),
    }),
    /** 十佳: the ten best-ranked windows (more when tied at tenth). */
    topTen: z.array(RankingItem),
    /** Windows with enough responses whose rate is below the target. */
    belowTarget: z.array(RankingItem),
    /** Per local day of the period. */
    trend: z.array(z.object({ day: z.string(), n: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() })),
  })
  .meta({ id: 'PublicationContent' })
export type PublicationContent = z.infer<typeof PublicationContent>

export const PublicationStatus = z.enum(['published', 'withdrawn'])

/** A publication as management sees it. */
export const Publication = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    status: PublicationStatus,
    /** SHA-256 (hex) of the snapshot's canonical JSON text: anyone can check the published figures were not altered. */
    sha256: z.string(),
    publishedAt: Instant,
    publishedBy: z.string(),
    withdrawnAt: Instant.nullable(),
    withdrawnBy: z.string().nullable(),
    withdrawReason: z.string().nullable(),
    overall: z.object({ n: z.number().int(), rate: z.number().nullable() }),
  })
  .meta({ id: 'Publication' })
export type Publication = z.infer<typeof Publication>

/** A published period on the public pages (withdrawn ones are not listed). */
export const PublicPublication = z
  .object({
    id: z.number().int(),
    campaignName: z.string(),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    publishedAt: Instant,
    sha256: z.string(),
    overall: z.object({ n: z.number().int(), rate: z.number().nullable() }),
  })
  .meta({ id: 'PublicPublication' })
export type PublicPublication = z.infer<typeof PublicPublication>

/** A published period with its snapshot; the exact hashed text is at …/snapshot.json. */
export const PublicPublicationDetail = PublicPublication.extend({ content: PublicationContent }).meta({ id: 'PublicPublicationDetail' })
export type PublicPublicationDetail = z.infer<typeof PublicPublicationDetail>
