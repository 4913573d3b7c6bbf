import { z } from 'zod'
import { isIsoDate } from '../time'
import { Id, Instant, optionalText, text } from './common'

export const LocalDate = z.string().refine(isIsoDate, 'field_invalid_format').meta({ format: 'date', example: '2026-11-01' })

export const CampaignStatus = z.enum(['draft', 'active', 'closed'])
export type CampaignStatus = z.infer<typeof CampaignStatus>

/** Windows in scope, picked by sector, unit (with its subtree) or one by one. */
export const CampaignScope = z.strictObject({
  sectorIds: z.array(Id).max(200).default([]),
  unitIds: z.array(Id).max(1000).default([]),
  windowIds: z.array(Id).max(5000).default([]),
})
export type CampaignScope = z.infer<typeof CampaignScope>

const Phase = z.strictObject({ name: text(50), startsOn: LocalDate, endsOn: LocalDate })

export const CampaignBody = z
  .strictObject({
    name: text(100),
    description: optionalText(500),
    startsOn: LocalDate,
    endsOn: LocalDate,
    phases: z.array(Phase).max(12).default([]),
    scope: CampaignScope,
    questionnaireId: Id,
    /** 0.95 = 95%. */
    targetRate: z.number().min(0.5).max(1).default(0.95),
    satisfiedLevels: z.array(z.number().int().min(1).max(5)).min(1).max(5).default([3, 4, 5]),
    minSample: z.number().int().min(1).max(100_000).default(30),
    quotaTotal: z.number().int().min(1).max(100_000_000).nullish().transform((v) => v ?? null),
    quotaPerWindow: z.number().int().min(1).max(10_000_000).nullish().transform((v) => v ?? null),
    repeatIntervalHours: z.number().int().min(0).max(720).default(12),
    minSeconds: z.number().int().min(0).max(120).default(3),
    /** Weights of the composite score (综合得分), summing to 100: citizens' index, supervisors' mean, inspections. */
    weights: z
      .strictObject({ citizenIndex: z.number().min(0).max(100), supervisorMean: z.number().min(0).max(100), inspectionScore: z.number().min(0).max(100) })
      .default({ citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 }),
    /** Whether published results may name staff (服务明星); off by default. */
    publishStaffNames: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    if (Math.abs(c.weights.citizenIndex + c.weights.supervisorMean + c.weights.inspectionScore - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: 'field_weights_sum', path: ['weights'] })
    }
    if (c.endsOn < c.startsOn) ctx.addIssue({ code: 'custom', message: 'field_end_before_start', path: ['endsOn'] })
    c.phases.forEach((p, i) => {
      if (p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', message: 'field_end_before_start', path: ['phases', i, 'endsOn'] })
      if (p.startsOn < c.startsOn || p.endsOn > c.endsOn) ctx.addIssue({ code: 'custom', message: 'field_phase_outside', path: ['phases', i, 'startsOn'] })
    })
    if (new Set(c.satisfiedLevels).size !== c.satisfiedLevels.length) ctx.addIssue({ code: 'custom', message: 'field_invalid_value', path: ['satisfiedLevels'] })
    if (c.scope.sectorIds.length + c.scope.unitIds.length + c.scope.windowIds.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'field_scope_empty', path: ['scope'] })
    }
  })
export type CampaignBody = z.infer<typeof CampaignBody>

export const Campaign = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    phases: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() })),
    status: CampaignStatus,
    scope: z.object({ sectorIds: z.array(z.number().int()), unitIds: z.array(z.number().int()), windowIds: z.array(z.number().int()) }),
    windowCount: z.number().int(),
    questionnaireId: z.number().int(),
    targetRate: z.number(),
    satisfiedLevels: z.array(z.number().int()),
    minSample: z.number().int(),
    quotaTotal: z.number().int().nullable(),
    quotaPerWindow: z.number().int().nullable(),
    repeatIntervalHours: z.number().int(),
    minSeconds: z.number().int(),
    weights: z.object({ citizenIndex: z.number(), supervisorMean: z.number(), inspectionScore: z.number() }),
    publishStaffNames: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Campaign' })
export type Campaign = z.infer<typeof Campaign>
