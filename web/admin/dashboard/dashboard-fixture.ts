import type { Campaign } from '../../../shared/schemas/campaign'
import { campaignFixture } from '../../testing/campaign-fixture'
import { Overview, Ranking, type RankingItem } from '../../../shared/schemas/scoring'

// Test data for the dashboard pages, as the API returns it. Each builder parses its result with the API's own zod
// schema, so the fixtures cannot drift from the contract.

export const campaign = (patch: Partial<Campaign> = {}): Campaign =>
  campaignFixture({ scope: { sectorIds: [1, 2], unitIds: [], windowIds: [] }, windowCount: 4, quotaTotal: 10_000, ...patch })

export const overview = (patch: Partial<Overview> = {}): Overview =>
  Overview.parse({
    campaignId: 7,
    from: '2026-11-01',
    to: '2026-11-30',
    target: 0.95,
    responses: { valid: 1234, flagged: 12, rejected: 3 },
    overall: { n: 1200, rate: 0.9312, interval: { low: 0.9160, high: 0.9438 }, index: 86.44, badRate: 0.0433 },
    windows: { attained: 2, notAttained: 1, insufficient: 1 },
    quota: { total: 10_000, received: 4321 },
    levels: { '1': 20, '2': 32, '3': 30, '4': 318, '5': 800 },
    channels: { qr: 1000, kiosk: 150, hotline: 30, paper: 20 },
    trend: [
      { day: '2026-11-16', n: 100, satisfied: 95, rate: 0.95 },
      { day: '2026-11-17', n: 80, satisfied: 72, rate: 0.9 },
      { day: '2026-11-18', n: 120, satisfied: 117, rate: 0.975 },
      { day: '2026-11-23', n: 40, satisfied: 38, rate: 0.95 },
    ],
    heatmap: [
      { weekday: 1, hour: 9, n: 40 },
      { weekday: 1, hour: 10, n: 12 },
      { weekday: 0, hour: 20, n: 3 },
    ],
    dimensions: [
      { dimension: 'attitude', n: 1100, score: 88.26 },
      { dimension: '便民措施', n: 300, score: 79.5 },
    ],
    lowest: [
      {
        id: 103,
        name: '水费缴纳窗口',
        unitName: '客户服务中心',
        n: 210,
        rate: 0.881,
        interval: { low: 0.8297, high: 0.9181 },
        rank: 4,
        reasons: [
          { reason: '等候时间长', n: 12 },
          { reason: '态度生硬', n: 5 },
        ],
      },
    ],
    comments: [{ id: 9001, submittedAt: '2026-11-20T02:30:00.000Z', windowId: 103, windowName: '水费缴纳窗口', level: 1, text: '排队一个小时，只开了一个窗口', reasons: ['等候时间长'] }],
    visits: { n: 6, supervisorMean: 84.25, inspectionScore: 90, vetoes: 1 },
    ...patch,
  })

export const item = (patch: Partial<RankingItem> = {}): RankingItem => ({
  id: 1,
  name: '供水',
  code: null,
  parentName: null,
  n: 800,
  satisfied: 776,
  rate: 0.97,
  interval: { low: 0.9557, high: 0.9797 },
  index: 90.12,
  badRate: 0.0213,
  attainment: 'attained',
  supervisorMean: 86.5,
  inspectionScore: 92,
  vetoed: false,
  composite: 89.03,
  stars: 4,
  rank: 1,
  previousRank: 3,
  ...patch,
})

export const ranking = (level: Ranking['level'], items: RankingItem[], patch: Partial<Ranking> = {}): Ranking =>
  Ranking.parse({
    campaignId: 7,
    level,
    method: 'wilson',
    from: '2026-11-01',
    to: '2026-11-30',
    target: 0.95,
    minSample: 30,
    previous: { from: '2026-10-01', to: '2026-10-31' },
    items,
    ...patch,
  })

/** The sectors of web/testing/org-fixture (供水 1, 燃气 2), a unit of each, windows of 客户服务中心, staff of a window. */
export const sectors = ranking('sector', [
  item(),
  item({ id: 2, name: '燃气', n: 400, satisfied: 370, rate: 0.925, interval: { low: 0.8957, high: 0.9472 }, attainment: 'not_attained', rank: 2, previousRank: 1, stars: 2, composite: 84.4 }),
])
export const units = ranking('unit', [
  item({ id: 11, name: '客户服务中心', parentName: '供水', rank: 2, previousRank: 2 }),
  item({ id: 12, name: '城东营业所', parentName: '供水', n: 12, satisfied: 12, rate: 1, interval: { low: 0.7575, high: 1 }, attainment: 'insufficient', rank: null, previousRank: null, stars: 0, composite: null }),
])
export const windows = ranking('window', [
  item({ id: 101, name: '综合受理窗口', code: 'A-01', parentName: '客户服务中心', rank: 3, previousRank: 6 }),
  item({ id: 103, name: '水费缴纳窗口', code: 'A-03', parentName: '客户服务中心', n: 210, satisfied: 185, rate: 0.881, interval: { low: 0.8297, high: 0.9181 }, attainment: 'not_attained', rank: 9, previousRank: 8, vetoed: true, composite: 60, stars: 1 }),
])
export const staff = ranking('staff', [
  item({ id: 501, name: '王芳', code: 'S-01', parentName: '水费缴纳窗口', n: 64, satisfied: 60, rate: 0.9375, rank: 1, previousRank: null }),
  item({ id: 502, name: '李强', code: 'S-02', parentName: '水费缴纳窗口', n: 7, satisfied: 7, rate: 1, attainment: 'insufficient', rank: null, previousRank: null, stars: 0, composite: null }),
])
