import type { Campaign } from '../../../shared/schemas/campaign'
import { campaignFixture } from '../../testing/campaign-fixture'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import type { Supervision, SupervisionSummary, Visit } from '../../../shared/schemas/supervision'
import type { Definition } from '../../../shared/survey/definition'

// Test data for the supervision pages, as the API returns it.

const at = '2026-11-20T02:00:00.000Z'

export const campaign = (patch: Partial<Campaign> = {}): Campaign =>
  campaignFixture({ scope: { sectorIds: [], unitIds: [11], windowIds: [] }, windowCount: 2, createdAt: at, updatedAt: at, ...patch })

export const supervision: Supervision = {
  campaignId: 7,
  forms: [{ questionnaireId: 9, name: '上门服务“六项承诺”现场检查', versionId: 90 }],
  visitsPerWindowPerMonth: 2,
  undercoverPerWindowPerMonth: 1,
  assignments: [
    { id: 1, campaignId: 7, supervisorId: 31, supervisorName: '李红', scope: { sectorIds: [], unitIds: [11], windowIds: [] }, windowCount: 2, createdAt: at },
    { id: 2, campaignId: 7, supervisorId: 32, supervisorName: '王强', scope: { sectorIds: [], unitIds: [], windowIds: [103] }, windowCount: 1, createdAt: at },
  ],
}

export const summary: SupervisionSummary = {
  campaignId: 7,
  month: '2026-11',
  windows: [
    {
      windowId: 101,
      name: '综合受理窗口',
      code: 'A-01',
      unitName: '客户服务中心',
      visits: 5,
      undercover: 2,
      supervisorScore: 88.456,
      inspectionScore: 92.5,
      vetoes: 0,
      progress: { month: '2026-11', visits: 2, undercover: 1, visitsRequired: 2, undercoverRequired: 1, met: true },
    },
    {
      windowId: 103,
      name: '水费缴纳窗口',
      code: 'A-03',
      unitName: '客户服务中心',
      visits: 1,
      undercover: 0,
      supervisorScore: null,
      inspectionScore: 65,
      vetoes: 1,
      progress: { month: '2026-11', visits: 1, undercover: 0, visitsRequired: 2, undercoverRequired: 1, met: false },
    },
  ],
  supervisors: [
    { id: 31, name: '李红', kind: 'npc_deputy', visits: 4, undercover: 2, windows: 2 },
    { id: 32, name: '王强', kind: '特邀监督员', visits: 2, undercover: 0, windows: 1 },
  ],
}

export const definition: Definition = {
  title: { zh: '上门服务“六项承诺”现场检查', en: 'Six commitments' },
  questions: [
    { key: 'disclosure', type: 'check', text: { zh: '公示全：出示工作证件，公开收费标准和服务流程', en: undefined }, required: true, weight: 1, overall: false, points: 50 },
    { key: 'discipline', type: 'check', text: { zh: '纪律严：不吃请、不收礼、不乱收费（一票否决）', en: undefined }, required: true, weight: 1, overall: false, points: 50, veto: true },
    { key: 'attitude', type: 'score100', text: { zh: '服务态度', en: 'Attitude' }, required: true, weight: 1, overall: false },
    { key: 'findings', type: 'text', text: { zh: '发现的问题和整改建议', en: undefined }, required: false, weight: 0, overall: false, maxLength: 2000 },
  ],
}

export const form: Questionnaire = {
  id: 9,
  kind: 'supervisor',
  name: '上门服务“六项承诺”现场检查',
  description: null,
  templateKey: 'six-commitments-check',
  archived: false,
  versions: [{ id: 90, version: 3, status: 'published', publishedAt: at, responseCount: 4, updatedAt: at }],
  createdAt: at,
  updatedAt: at,
}

export const visit = (patch: Partial<Visit> = {}): Visit => ({
  id: 501,
  campaignId: 7,
  campaignName: '2026 年窗口服务满意度测评',
  supervisorId: 31,
  supervisorName: '李红',
  supervisorKind: 'npc_deputy',
  windowId: 103,
  windowName: '水费缴纳窗口',
  windowCode: 'A-03',
  unitName: '客户服务中心',
  questionnaireId: 9,
  versionId: 90,
  definition,
  type: 'undercover',
  visitedAt: '2026-11-18T01:30:00.000Z',
  answers: { disclosure: true, discipline: false, attitude: 80, findings: '收取了额外的上门费\n未开具发票' },
  notes: '下午两点到达，等候 20 分钟。',
  status: 'submitted',
  score: 80,
  inspectionScore: 50,
  vetoed: true,
  findings: [{ key: 'discipline', text: '纪律严：不吃请、不收礼、不乱收费（一票否决）', veto: true }],
  photos: [
    { id: 71, url: '/api/photos/71', bytes: 120_000, mime: 'image/jpeg' },
    { id: 72, url: '/api/photos/72', bytes: 98_000, mime: 'image/jpeg' },
  ],
  submittedAt: '2026-11-18T02:00:00.000Z',
  annulledAt: null,
  annulReason: null,
  createdAt: '2026-11-18T01:40:00.000Z',
  updatedAt: '2026-11-18T02:00:00.000Z',
  ...patch,
})
