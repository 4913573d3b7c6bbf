import { PublicPublication, PublicPublicationDetail } from '../../../shared/schemas/publication'
import type { RankingItem } from '../../../shared/schemas/scoring'

// Fixtures go through the API's own zod schemas, so that a change of the API's shape breaks these tests, not the page.

const item = (over: Partial<RankingItem> & Pick<RankingItem, 'id' | 'name'>): RankingItem => ({
  code: null,
  parentName: null,
  n: 300,
  satisfied: 291,
  rate: 0.97,
  interval: { low: 0.944, high: 0.985 },
  index: 91.2,
  badRate: 0.02,
  attainment: 'attained',
  supervisorMean: null,
  inspectionScore: null,
  vetoed: false,
  composite: 91.2,
  stars: 3,
  rank: 1,
  previousRank: null,
  ...over,
})

export const windows: RankingItem[] = [
  item({ id: 11, name: '挂失补卡窗口', code: 'C-03', parentName: 'IC卡服务中心', n: 409, satisfied: 407, rate: 0.99511, interval: { low: 0.98235, high: 0.99866 }, index: 93.154, stars: 4, rank: 1 }),
  item({ id: 12, name: '社保卡办理窗口', code: 'H-04', parentName: '社保医保服务区', n: 495, satisfied: 491, rate: 0.99192, interval: { low: 0.97944, high: 0.99686 }, index: 92.6, rank: 2 }),
  item({ id: 13, name: '过户更名窗口', code: 'W-04', parentName: '城西营业所', n: 229, satisfied: 201, rate: 0.87772, interval: { low: 0.82867, high: 0.91414 }, index: 84.6, attainment: 'not_attained', stars: 2, rank: 3 }),
  item({ id: 14, name: '水费缴纳窗口', code: 'E-02', parentName: '城东营业所', n: 4, satisfied: 4, rate: 1, interval: { low: 0.51, high: 1 }, index: 95, attainment: 'insufficient', stars: 4, rank: null }),
]

const units: RankingItem[] = [
  item({ id: 21, name: 'IC卡服务中心', parentName: '公交', n: 1287, satisfied: 1278, rate: 0.99301, interval: { low: 0.98676, high: 0.99632 }, rank: 1 }),
  item({ id: 22, name: '城西营业所', parentName: '供水', n: 1260, satisfied: 1217, rate: 0.96587, interval: { low: 0.95437, high: 0.97456 }, rank: 2 }),
]

const sectors: RankingItem[] = [item({ id: 31, name: '公交', n: 3119, satisfied: 3056, rate: 0.9798, interval: { low: 0.97424, high: 0.98418 }, rank: 1 })]

export const staff: RankingItem[] = [item({ id: 41, name: '李晓红', code: 'E1024', parentName: '挂失补卡窗口', n: 120, satisfied: 119, rate: 0.99167, interval: { low: 0.95426, high: 0.99853 }, rank: 1 })]

export const SHA = '52f4033217b2777808cac5cc4a363412d1b84a8f9ad1f1244673ef9188a9d540'

const base = {
  campaignName: '2026年度窗口服务群众满意度测评',
  publishedAt: '2026-11-03T02:00:00.000Z',
  sha256: SHA,
}

export const october = PublicPublication.parse({
  ...base,
  id: 7,
  title: '2026年度窗口服务群众满意度测评 2026-10-01 至 2026-10-31 满意度监测结果',
  from: '2026-10-01',
  to: '2026-10-31',
  overall: { n: 18217, rate: 0.9687654 },
})

export const september = PublicPublication.parse({
  ...base,
  id: 5,
  title: '2026年度窗口服务群众满意度测评 2026-09-01 至 2026-09-30 满意度监测结果',
  from: '2026-09-01',
  to: '2026-09-30',
  publishedAt: '2026-10-02T02:00:00.000Z',
  sha256: '80f4a1229e70f6905517e8dfe0f4ef0eeadcfe407cd8922457ab152faf4e0503',
  overall: { n: 9120, rate: 0.9412 },
})

/** The October publication with its snapshot; `over` replaces parts of the content. */
export const detail = (over: Partial<PublicPublicationDetail['content']> = {}) =>
  PublicPublicationDetail.parse({
    ...october,
    content: {
      campaign: { id: 1, name: base.campaignName },
      title: october.title,
      from: october.from,
      to: october.to,
      target: 0.95,
      minSample: 30,
      method: 'wilson',
      overall: { n: 18217, satisfied: 17648, rate: 0.9687654, interval: { low: 0.9661389, high: 0.9711943 }, index: 90.99193, badRate: 0.0312346 },
      windows: { attained: 2, notAttained: 1, insufficient: 1 },
      rankings: { window: windows, unit: units, sector: sectors, staff: null },
      topTen: windows.slice(0, 3),
      belowTarget: [windows[2]],
      trend: [
        { day: '2026-10-01', n: 620, satisfied: 601, rate: 0.969355 },
        { day: '2026-10-02', n: 0, satisfied: 0, rate: null },
        { day: '2026-10-03', n: 580, satisfied: 548, rate: 0.944828 },
      ],
      ...over,
    },
  })
