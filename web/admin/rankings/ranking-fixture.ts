import type { Campaign } from '../../../shared/schemas/campaign'
import { campaignFixture } from '../../testing/campaign-fixture'
import { Publication } from '../../../shared/schemas/publication'
import { Ranking, type RankingItem } from '../../../shared/schemas/scoring'

// Test data for the rankings and publication pages, parsed with the API's own schemas so that it stays honest.

const at = '2026-11-20T02:00:00.000Z'

export const campaign = (patch: Partial<Campaign> = {}): Campaign => campaignFixture(patch)

export const item = (patch: Partial<RankingItem> & { id: number; name: string }): RankingItem => ({
  code: null,
  parentName: '客户服务中心',
  n: 200,
  satisfied: 196,
  rate: 0.98,
  interval: { low: 0.9497, high: 0.9922 },
  index: 91.2,
  badRate: 0.01,
  attainment: 'attained',
  supervisorMean: 88,
  inspectionScore: null,
  vetoed: false,
  composite: 90.24,
  stars: 3,
  rank: 1,
  previousRank: 1,
  ...patch,
})

/**
 * Twelve ranked windows (two share the tenth place, so 十佳 has eleven), three below the target, then one with too few
 * responses (not ranked, listed last as the server does).
 */
export const windowItems: RankingItem[] = [
  item({ id: 101, name: '综合受理窗口', code: 'A-01', n: 412, satisfied: 404, rate: 0.98, interval: { low: 0.969, high: 0.987 }, stars: 4, composite: 95.5, rank: 1, previousRank: 3 }),
  item({ id: 103, name: '水费缴纳窗口', code: 'A-03', rate: 0.975, rank: 2, previousRank: 1 }),
  item({ id: 104, name: '用水咨询窗口', code: 'A-04', rate: 0.972, rank: 3, previousRank: 3 }),
  item({ id: 105, name: '发票窗口', code: 'A-05', rate: 0.97, rank: 4, previousRank: null }),
  item({ id: 106, name: '过户窗口', code: 'A-06', rate: 0.969, rank: 5, previousRank: 6 }),
  item({ id: 107, name: '报装窗口', code: 'A-07', rate: 0.968, rank: 6, previousRank: 7 }),
  item({ id: 108, name: '稽查窗口', code: 'A-08', rate: 0.967, rank: 7, previousRank: 8 }),
  item({ id: 109, name: '投诉窗口', code: 'A-09', rate: 0.966, rank: 8, previousRank: 9 }),
  item({ id: 110, name: '水表窗口', code: 'A-10', rate: 0.965, rank: 9, previousRank: 10 }),
  item({ id: 121, name: '维修报修窗口', code: 'E-01', parentName: '城东营业所', rate: 0.94, interval: { low: 0.9, high: 0.965 }, attainment: 'not_attained', vetoed: true, composite: 60, stars: 2, rank: 10, previousRank: 4 }),
  item({ id: 122, name: '缴费窗口', code: 'E-02', parentName: '城东营业所', rate: 0.9, interval: { low: 0.86, high: 0.93 }, attainment: 'not_attained', rank: 10, previousRank: 12 }),
  item({ id: 123, name: '咨询窗口', code: 'E-03', parentName: '城东营业所', rate: 0.93, interval: { low: 0.85, high: 0.96 }, attainment: 'not_attained', rank: 12, previousRank: 11 }),
  item({ id: 124, name: '东湖服务点', code: 'E-09', parentName: '城东营业所', n: 12, satisfied: 12, rate: 1, interval: { low: 0.7575, high: 1 }, attainment: 'insufficient', supervisorMean: null, rank: null, previousRank: null }),
]

export const ranking = (patch: Partial<Ranking> = {}): Ranking =>
  Ranking.parse({
    campaignId: 7,
    level: 'window',
    method: 'wilson',
    from: '2026-11-01',
    to: '2026-11-30',
    target: 0.95,
    minSample: 30,
    previous: { from: '2026-10-01', to: '2026-10-31' },
    items: windowItems,
    ...patch,
  })

export const publication = (patch: Partial<Publication> = {}): Publication =>
  Publication.parse({
    id: 3,
    campaignId: 7,
    campaignName: '2026 年窗口服务满意度测评',
    title: '2026 年窗口服务满意度测评 2026-10-01至2026-10-31 满意度监测结果',
    from: '2026-10-01',
    to: '2026-10-31',
    status: 'published',
    sha256: '52f4033217b2a9c1e0d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5',
    publishedAt: '2026-11-02T01:30:00.000Z',
    publishedBy: '系统管理员',
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawReason: null,
    overall: { n: 18217, rate: 0.9687 },
    ...patch,
  })
