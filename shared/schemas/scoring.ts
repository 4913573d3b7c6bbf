import { z } from 'zod'
import { LocalDate } from './campaign'

export const RankingLevel = z.enum(['window', 'unit', 'sector'])
export const RankingMethod = z.enum(['wilson', 'rate', 'index', 'composite'])

export const RankingQuery = z
  .object({
    level: RankingLevel.default('window'),
    /** Default: the Wilson lower bound of the rate, so that 3 of 3 does not beat 980 of 1,000. */
    method: RankingMethod.default('wilson'),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'field_end_before_start', path: ['to'] })

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
  stars: z.number().int(),
  /** 1 = best; ties share a rank; null when 样本不足 (shown, not ranked). */
  rank: z.number().int().nullable(),
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
    items: z.array(RankingItem),
  })
  .meta({ id: 'Ranking' })
export type Ranking = z.infer<typeof Ranking>

export const OverviewQuery = z
  .object({ from: LocalDate.optional(), to: LocalDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'field_end_before_start', path: ['to'] })

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
    /** Valid responses per overall level (1–5). */
    levels: z.record(z.string(), z.number().int()),
    channels: z.record(z.string(), z.number().int()),
    trend: z.array(z.object({ day: z.string(), n: z.number().int(), rate: z.number().nullable() })),
    /** Valid responses by weekday (0 = Sunday … 6) and hour (0–23). */
    heatmap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), n: z.number().int() })),
  })
  .meta({ id: 'Overview' })
export type Overview = z.infer<typeof Overview>
