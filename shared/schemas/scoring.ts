import { z } from 'zod'
import { LocalDate } from './campaign'
import { IdParam } from './common'

/** staff = 服务明星 (staff ranked by the responses that named them). */
export const RankingLevel = z.enum(['window', 'unit', 'sector', 'staff'])
export const RankingMethod = z.enum(['wilson', 'rate', 'index', 'composite'])
/** Where a response came from: QR code, kiosk, hotline call or paper form entered by staff. */
export const ResponseChannel = z.enum(['qr', 'kiosk', 'hotline', 'paper'])

/** The filters every dashboard, ranking and export shares: a period and where to look. Scoped to the caller's units. */
const filterFields = {
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  sectorId: IdParam.optional(),
  unitId: IdParam.optional(),
  windowId: IdParam.optional(),
  channel: ResponseChannel.optional(),
}
const periodInOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to

export const ExportFormat = z.enum(['csv', 'xlsx'])

export const RankingQuery = z
  .object({
    level: RankingLevel.default('window'),
    /** Default: the Wilson lower bound of the rate, so that 3 of 3 does not beat 980 of 1,000. */
    method: RankingMethod.default('wilson'),
    ...filterFields,
  })
  .refine(periodInOrder, { message: 'field_end_before_start', path: ['to'] })
  // Staff counters keep no channel: a channel's staff ranking would silently be every channel's.
  .refine((q) => q.level !== 'staff' || q.channel === undefined, { message: 'field_invalid_value', path: ['channel'] })

export const RankingExportQuery = z
  .object({ level: RankingLevel.default('window'), method: RankingMethod.default('wilson'), format: ExportFormat.default('csv'), ...filterFields })
  .refine(periodInOrder, { message: 'field_end_before_start', path: ['to'] })
  .refine((q) => q.level !== 'staff' || q.channel === undefined, { message: 'field_invalid_value', path: ['channel'] })

export const RankingItem = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The window code (windows only). */
  code: z.string().nullable(),
  /** The unit of a window, the sector of a unit; null for a sector. */
  parentName: z.string().nullable(),
  n: z.number().int(),
  satisfied: z.number().int(),
  /** Full precision; screens show one decimal of a percentage. */
  rate: z.number().nullable(),
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  index: z.number().nullable(),
  badRate: z.number().nullable(),
  attainment: z.enum(['attained', 'not_attained', 'insufficient']),
  supervisorMean: z.number().nullable(),
  inspectionScore: z.number().nullable(),
  vetoed: z.boolean(),
  composite: z.number().nullable(),
  /** Star band of the composite (星级); 0 when 样本不足. */
  stars: z.number().int(),
  /** 1 = best; ties share a rank; null when 样本不足 (shown, not ranked). */
  rank: z.number().int().nullable(),
  /** The rank in the previous period of the same length (month-on-month for a month); null when not ranked then. */
  previousRank: z.number().int().nullable(),
})
export type RankingItem = z.infer<typeof RankingItem>

export const Ranking = z
  .object({
    campaignId: z.number().int(),
    level: RankingLevel,
    method: RankingMethod,
    from: z.string(),
    to: z.string(),
    target: z.number(),
    minSample: z.number().int(),
    /** The period previousRank refers to. */
    previous: z.object({ from: z.string(), to: z.string() }),
    items: z.array(RankingItem),
  })
  .meta({ id: 'Ranking' })
export type Ranking = z.infer<typeof Ranking>

export const OverviewQuery = z.object(filterFields).refine(periodInOrder, { message: 'field_end_before_start', path: ['to'] })

export const ResponsesExportQuery = z
  .object({ format: ExportFormat.default('csv'), ...filterFields })
  .refine(periodInOrder, { message: 'field_end_before_start', path: ['to'] })

const Interval = z.object({ low: z.number(), high: z.number() }).nullable()

export const Overview = z
  .object({
    campaignId: z.number().int(),
    from: z.string(),
    to: z.string(),
    target: z.number(),
    /** Valid responses count; flagged ones wait for review; rejected ones are kept and never count. */
    responses: z.object({ valid: z.number().int(), flagged: z.number().int(), rejected: z.number().int() }),
    overall: z.object({
      n: z.number().int(),
      rate: z.number().nullable(),
      interval: z.object({ low: z.number(), high: z.number() }).nullable(),
      index: z.number().nullable(),
      badRate: z.number().nullable(),
    }),
    windows: z.object({ attained: z.number().int(), notAttained: z.number().int(), insufficient: z.number().int() }),
    /** The campaign's response quota (null: none) and the valid responses counted towards it (whole campaign, in scope). */
    quota: z.object({ total: z.number().int().nullable(), received: z.number().int() }),
    /** Valid responses per overall level (1–5). */
    levels: z.record(z.string(), z.number().int()),
    channels: z.record(z.string(), z.number().int()),
    /** Per local day: valid rated responses, of which satisfied, and the rate (sum days to get weeks or months). */
    trend: z.array(z.object({ day: z.string(), n: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() })),
    /** Valid responses by weekday (0 = Sunday … 6) and hour (0–23). */
    heatmap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), n: z.number().int() })),
    /** Mean score (0–100) per question dimension (服务态度, 服务效率 …) over the rated questions tagged with it. */
    dimensions: z.array(z.object({ dimension: z.string(), n: z.number().int(), score: z.number().nullable() })),
    /** The five lowest-ranked windows (default method) with their most frequent complaint reasons. */
    lowest: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        unitName: z.string(),
        n: z.number().int(),
        rate: z.number().nullable(),
        interval: Interval,
        rank: z.number().int().nullable(),
        reasons: z.array(z.object({ reason: z.string(), n: z.number().int() })),
      }),
    ),
    /** The newest comments left with a 差评 (overall level 1 or 2); never phone numbers. */
    comments: z.array(
      z.object({
        id: z.number().int(),
        submittedAt: z.string(),
        windowId: z.number().int(),
        windowName: z.string(),
        level: z.number().int(),
        text: z.string(),
        reasons: z.array(z.string()),
      }),
    ),
    /** Submitted supervisor visits to these windows in the period (undercover ones hidden from managers until the campaign ends). */
    visits: z.object({ n: z.number().int(), supervisorMean: z.number().nullable(), inspectionScore: z.number().nullable(), vetoes: z.number().int() }),
  })
  .meta({ id: 'Overview' })
export type Overview = z.infer<typeof Overview>
