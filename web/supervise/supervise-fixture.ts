import type { User } from '../../shared/schemas/auth'
import type { MyAssignments, Visit } from '../../shared/schemas/supervision'
import type { Definition } from '../../shared/survey/definition'

export const supervisorUser: User = {
  id: 31,
  username: 'wangjd',
  displayName: '王建东',
  role: 'supervisor',
  unitIds: [],
  active: true,
  mustChangePassword: false,
  lastLoginAt: '2026-11-21T01:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
}

const base = { required: false, weight: 1, overall: false }

/** A supervisor's form with one of each control the phone page draws, and a question shown on a condition. */
export const appraisal: Definition = {
  title: { zh: '窗口服务评议表', en: 'Window appraisal' },
  questions: [
    { ...base, key: 'attitude', type: 'score100', required: true, text: { zh: '服务态度', en: 'Attitude' } },
    { ...base, key: 'waiting', type: 'scale10', text: { zh: '等候时间', en: 'Waiting time' } },
    { ...base, key: 'disclosure', type: 'check', required: true, points: 50, text: { zh: '公示全：公开收费标准和办事流程', en: 'Fees and procedure on display' } },
    { ...base, key: 'discipline', type: 'check', required: true, points: 50, veto: true, text: { zh: '纪律严：不吃请、不收礼', en: 'No meals or gifts' } },
    { ...base, key: 'feel', type: 'satisfaction5', text: { zh: '总体感受', en: 'Overall impression' } },
    {
      ...base,
      key: 'findings',
      type: 'text',
      maxLength: 2000,
      text: { zh: '发现的问题和整改建议', en: 'Findings' },
      condition: { question: 'discipline', anyOf: [false] },
    },
  ],
}

export const fiveHaves: Definition = {
  title: { zh: '“五个有”窗口设施检查', en: 'Five Haves' },
  questions: [{ ...base, key: 'environment', type: 'check', required: true, points: 100, text: { zh: '有整洁美观的服务环境', en: 'A clean environment' } }],
}

export const assignments = (patch: Partial<MyAssignments['term']> = {}): MyAssignments => ({
  term: { start: '2026-01-01', end: '2026-12-31', status: 'active', canSubmit: true, ...patch },
  campaigns: [
    {
      id: 3,
      name: '2026年11月窗口服务满意度测评',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      forms: [
        { questionnaireId: 21, versionId: 41, name: '窗口服务评议表', definition: appraisal },
        { questionnaireId: 22, versionId: 42, name: '“五个有”窗口设施检查', definition: fiveHaves },
      ],
      windows: [
        {
          id: 103,
          name: '水费缴纳窗口',
          code: 'A-03',
          unitName: '客户服务中心',
          progress: { month: '2026-11', visits: 1, undercover: 0, visitsRequired: 2, undercoverRequired: 1, met: false },
        },
        {
          id: 121,
          name: '维修报修窗口',
          code: 'E-01',
          unitName: '城东营业所',
          progress: { month: '2026-11', visits: 2, undercover: 1, visitsRequired: 2, undercoverRequired: 1, met: true },
        },
      ],
    },
  ],
})

export const visit = (patch: Partial<Visit> = {}): Visit => ({
  id: 900,
  campaignId: 3,
  campaignName: '2026年11月窗口服务满意度测评',
  supervisorId: 31,
  supervisorName: '王建东',
  supervisorKind: 'npc_deputy',
  windowId: 103,
  windowName: '水费缴纳窗口',
  windowCode: 'A-03',
  unitName: '客户服务中心',
  questionnaireId: 21,
  versionId: 41,
  definition: patch.versionId === 42 ? fiveHaves : appraisal,
  type: 'undercover',
  visitedAt: '2026-11-21T06:30:00.000Z',
  answers: {},
  notes: null,
  status: 'draft',
  score: null,
  inspectionScore: null,
  vetoed: false,
  findings: [],
  photos: [],
  submittedAt: null,
  annulledAt: null,
  annulReason: null,
  createdAt: '2026-11-21T06:31:00.000Z',
  updatedAt: '2026-11-21T06:31:00.000Z',
  ...patch,
})
