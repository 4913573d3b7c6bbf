import { Campaign } from '../../shared/schemas/campaign'

/** A campaign as the API returns it (parsed with its schema, so it cannot drift from the contract), for page tests. */
export const campaignFixture = (patch: Partial<Campaign> = {}): Campaign =>
  Campaign.parse({
    id: 7,
    name: '2026 年窗口服务满意度测评',
    description: null,
    startsOn: '2026-09-01',
    endsOn: '2026-12-31',
    phases: [],
    status: 'active',
    scope: { sectorIds: [1], unitIds: [], windowIds: [] },
    windowCount: 3,
    questionnaireId: 4,
    targetRate: 0.95,
    satisfiedLevels: [3, 4, 5],
    minSample: 30,
    quotaTotal: null,
    quotaPerWindow: null,
    repeatIntervalHours: 12,
    minSeconds: 3,
    weights: { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 },
    publishStaffNames: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...patch,
  })
