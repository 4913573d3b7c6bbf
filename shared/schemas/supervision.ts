import { z } from 'zod'
import { Definition } from '../survey/definition'
import { LocalDate } from './campaign'
import { Id, IdParam, Instant, optionalText, Paging, text } from './common'
import { Username } from './auth'
import { CampaignScope } from './campaign'
import { SUPERVISOR_KINDS, VISIT_TYPES } from '../supervision-words'

export { SUPERVISOR_KINDS, VISIT_TYPES }
export const SupervisorKind = z.string().trim().min(1).max(30)

/** Mainland mobile number (11 digits, 1[3-9]…). */
export const MobilePhone = z.string().trim().regex(/^1[3-9]\d{9}$/, 'field_phone')

export const SupervisorBody = z
  .strictObject({
    displayName: text(50),
    kind: SupervisorKind,
    /** Organisation or constituency (工作单位 / 选区). */
    organisation: optionalText(100),
    phone: MobilePhone.nullish().transform((v) => v ?? null),
    /** Appointment letter number (聘书编号). */
    letterNo: optionalText(40),
    termStart: LocalDate,
    termEnd: LocalDate,
  })
  .refine((b) => b.termEnd >= b.termStart, { message: 'field_end_before_start', path: ['termEnd'] })
export type SupervisorBody = z.infer<typeof SupervisorBody>

export const NewSupervisorBody = z
  .strictObject({ ...SupervisorBody.shape, username: Username })
  .refine((b) => b.termEnd >= b.termStart, { message: 'field_end_before_start', path: ['termEnd'] })

export const SupervisorStatus = z.enum(['active', 'upcoming', 'expired', 'ended'])
export type SupervisorStatus = z.infer<typeof SupervisorStatus>

export const Supervisor = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    kind: z.string(),
    organisation: z.string().nullable(),
    /** Masked in lists (138****5678); whole in the single view for an administrator. */
    phone: z.string().nullable(),
    letterNo: z.string().nullable(),
    termStart: z.string(),
    termEnd: z.string(),
    endedAt: Instant.nullable(),
    endReason: z.string().nullable(),
    /** active: inside the term; upcoming / expired: outside it; ended: the appointment was ended early. */
    status: SupervisorStatus,
    active: z.boolean(),
  })
  .meta({ id: 'Supervisor' })
export type Supervisor = z.infer<typeof Supervisor>

export const CreatedSupervisor = z.object({ supervisor: Supervisor, initialPassword: z.string() })

export const SupervisorListQuery = z.object({
  status: z.enum(['all', 'active', 'upcoming', 'expired', 'ended']).default('all'),
  q: z.string().trim().max(50).optional(),
})

export const RenewBody = z.strictObject({ termEnd: LocalDate })
export const EndBody = z.strictObject({ reason: text(200) })

export const SupervisorImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** The first password of each account created (shown once; they must change it at first sign-in). */
  initialPasswords: z.array(z.object({ username: z.string(), password: z.string() })),
})
export type SupervisorImportReport = z.infer<typeof SupervisorImportReport>

// ---- campaign supervision ----------------------------------------------------------------------------------

export const VisitType = z.enum(VISIT_TYPES)
export type VisitType = z.infer<typeof VisitType>

export const SupervisionBody = z
  .strictObject({
  /** Supervisor questionnaires (kind supervisor, published) the campaign's visits use. */
  questionnaireIds: z.array(Id).max(10).default([]),
  /** At least this many submitted visits per window per calendar month (null: no quota). */
  visitsPerWindowPerMonth: z.number().int().min(1).max(100).nullish().transform((v) => v ?? null),
  /** Of which at least this many undercover (暗访). */
  undercoverPerWindowPerMonth: z.number().int().min(1).max(100).nullish().transform((v) => v ?? null),
  })
  .refine((b) => b.undercoverPerWindowPerMonth === null || b.visitsPerWindowPerMonth === null || b.undercoverPerWindowPerMonth <= b.visitsPerWindowPerMonth, {
    message: 'field_invalid_value',
    path: ['undercoverPerWindowPerMonth'],
  })
export type SupervisionBody = z.infer<typeof SupervisionBody>

export const SupervisionForm = z.object({ questionnaireId: z.number().int(), name: z.string(), versionId: z.number().int().nullable() })

export const Assignment = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    supervisorId: z.number().int(),
    supervisorName: z.string(),
    scope: z.object({ sectorIds: z.array(z.number().int()), unitIds: z.array(z.number().int()), windowIds: z.array(z.number().int()) }),
    windowCount: z.number().int(),
    createdAt: Instant,
  })
  .meta({ id: 'Assignment' })
export type Assignment = z.infer<typeof Assignment>

export const AssignmentBody = z.strictObject({ supervisorId: Id, scope: CampaignScope })
export type AssignmentBody = z.infer<typeof AssignmentBody>

export const Supervision = z
  .object({
    campaignId: z.number().int(),
    forms: z.array(SupervisionForm),
    visitsPerWindowPerMonth: z.number().int().nullable(),
    undercoverPerWindowPerMonth: z.number().int().nullable(),
    assignments: z.array(Assignment),
  })
  .meta({ id: 'Supervision' })
export type Supervision = z.infer<typeof Supervision>

export const AssignmentParams = z.object({ id: IdParam, assignmentId: IdParam })

// ---- the supervisor's own view -----------------------------------------------------------------------------

/** Quota progress of one window in one month. */
export const QuotaProgress = z.object({
  month: z.string(),
  visits: z.number().int(),
  undercover: z.number().int(),
  visitsRequired: z.number().int().nullable(),
  undercoverRequired: z.number().int().nullable(),
  /** True when both quotas are met (or there are none). */
  met: z.boolean(),
})
export type QuotaProgress = z.infer<typeof QuotaProgress>

export const MyWindow = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  unitName: z.string(),
  /** This supervisor's own visits this month against the campaign's quota. */
  progress: QuotaProgress,
})

export const MyCampaign = z.object({
  id: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  forms: z.array(z.object({ questionnaireId: z.number().int(), versionId: z.number().int(), name: z.string(), definition: Definition })),
  windows: z.array(MyWindow),
})

export const MyAssignments = z
  .object({
    term: z.object({ start: z.string(), end: z.string(), status: SupervisorStatus, canSubmit: z.boolean() }),
    campaigns: z.array(MyCampaign),
  })
  .meta({ id: 'MyAssignments' })
export type MyAssignments = z.infer<typeof MyAssignments>

// ---- visits ------------------------------------------------------------------------------------------------

export const VisitStatus = z.enum(['draft', 'submitted', 'annulled'])
export type VisitStatus = z.infer<typeof VisitStatus>

const AnswerValue = z.union([z.number(), z.string().max(2000), z.array(z.string().max(40)).max(20), z.boolean()])

export const VisitBody = z.strictObject({
  campaignId: Id,
  windowId: Id,
  questionnaireId: Id,
  type: VisitType,
  /** When the visit took place: not later than now, not before the campaign. */
  visitedAt: z.iso.datetime({ offset: true }).meta({ format: 'date-time' }),
  answers: z.record(z.string().max(40), AnswerValue).refine((a) => Object.keys(a).length <= 60, 'field_too_big'),
  notes: optionalText(2000),
})
export type VisitBody = z.infer<typeof VisitBody>

export const Photo = z.object({ id: z.number().int(), url: z.string(), bytes: z.number().int(), mime: z.string() })

export const Visit = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    campaignName: z.string(),
    supervisorId: z.number().int(),
    supervisorName: z.string(),
    supervisorKind: z.string(),
    windowId: z.number().int(),
    windowName: z.string(),
    windowCode: z.string(),
    unitName: z.string(),
    questionnaireId: z.number().int(),
    versionId: z.number().int(),
    /** The form as the visit answered it (its own version, even if the form has changed since). */
    definition: Definition,
    type: VisitType,
    visitedAt: Instant,
    answers: z.record(z.string(), z.unknown()),
    notes: z.string().nullable(),
    status: VisitStatus,
    /** 0–100: the weighted mean of the scored items (null when the form has none). */
    score: z.number().nullable(),
    /** 0–100 from the checklist items' points (null when the form has none). */
    inspectionScore: z.number().nullable(),
    /** A veto item (一票否决) failed. */
    vetoed: z.boolean(),
    /** Checklist items answered "no", and their texts (the findings). */
    findings: z.array(z.object({ key: z.string(), text: z.string(), veto: z.boolean() })),
    photos: z.array(Photo),
    submittedAt: Instant.nullable(),
    annulledAt: Instant.nullable(),
    annulReason: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Visit' })
export type Visit = z.infer<typeof Visit>

export const VisitListQuery = z.object({
  campaignId: IdParam.optional(),
  windowId: IdParam.optional(),
  supervisorId: IdParam.optional(),
  status: VisitStatus.optional(),
  /** Only visits with findings (notes or failed checklist items). */
  findings: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
  ...Paging,
})

export const AnnulBody = z.strictObject({ reason: text(200) })
export const PhotoParams = z.object({ id: IdParam, photoId: IdParam })

// ---- management summary ------------------------------------------------------------------------------------

export const SummaryQuery = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, 'field_invalid_format').optional() })

export const SupervisionSummary = z
  .object({
    campaignId: z.number().int(),
    /** The month the quota columns are for (YYYY-MM); visit counts and scores cover the whole campaign. */
    month: z.string(),
    windows: z.array(
      z.object({
        windowId: z.number().int(),
        name: z.string(),
        code: z.string(),
        unitName: z.string(),
        visits: z.number().int(),
        undercover: z.number().int(),
        /** Mean of the submitted visits' scores (0–100), null when none. */
        supervisorScore: z.number().nullable(),
        inspectionScore: z.number().nullable(),
        vetoes: z.number().int(),
        progress: QuotaProgress,
      }),
    ),
    supervisors: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), visits: z.number().int(), undercover: z.number().int(), windows: z.number().int() })),
  })
  .meta({ id: 'SupervisionSummary' })
export type SupervisionSummary = z.infer<typeof SupervisionSummary>
