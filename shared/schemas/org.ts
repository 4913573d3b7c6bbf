import { z } from 'zod'
import { Id, Instant, Paging, QueryFlag, IdParam, optionalText, text } from './common'

const noSlash = (s: string) => !s.includes('/')

export const WINDOW_KINDS = ['window', 'station', 'team'] as const
/** 窗口 / 站点 / 班组 */
export const WindowKind = z.enum(WINDOW_KINDS)
export type WindowKind = z.infer<typeof WindowKind>

export const WindowCode = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'field_window_code')

export const Sector = z
  .object({
    id: z.number().int(),
    name: z.string(),
    code: z.string().nullable(),
    active: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Sector' })
export type Sector = z.infer<typeof Sector>

export const SectorCreate = z.strictObject({
  name: text(50).refine(noSlash, 'field_no_slash'),
  code: optionalText(32),
})
export const SectorUpdate = SectorCreate.partial()

export const Unit = z
  .object({
    id: z.number().int(),
    sectorId: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    code: z.string().nullable(),
    address: z.string().nullable(),
    hotline: z.string().nullable(),
    active: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Unit' })
export type Unit = z.infer<typeof Unit>

const unitFields = {
  name: text(100).refine(noSlash, 'field_no_slash'),
  code: optionalText(32),
  address: optionalText(200),
  hotline: optionalText(40),
}
export const UnitCreate = z
  .strictObject({ ...unitFields, sectorId: Id.optional(), parentId: Id.nullish() })
  .refine((u) => u.sectorId !== undefined || (u.parentId ?? null) !== null, {
    message: 'field_parent_or_sector',
    path: ['sectorId'],
  })
export const UnitUpdate = z.strictObject({
  name: unitFields.name.optional(),
  code: unitFields.code,
  address: unitFields.address,
  hotline: unitFields.hotline,
  parentId: Id.nullish(),
  sectorId: Id.optional(),
})

export const Window = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: WindowKind,
    location: z.string().nullable(),
    openingHours: z.string().nullable(),
    active: z.boolean(),
    staffCount: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Window' })
export type Window = z.infer<typeof Window>

export const WindowCreate = z.strictObject({
  unitId: Id,
  code: WindowCode,
  name: text(100),
  kind: WindowKind.default('window'),
  location: optionalText(200),
  openingHours: optionalText(200),
})
export const WindowUpdate = z.strictObject({
  unitId: Id.optional(),
  code: WindowCode.optional(),
  name: text(100).optional(),
  kind: WindowKind.optional(),
  location: optionalText(200),
  openingHours: optionalText(200),
})

export const Staff = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    windowId: z.number().int(),
    employeeNo: z.string(),
    name: z.string(),
    active: z.boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Staff' })
export type Staff = z.infer<typeof Staff>

export const EmployeeNo = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'field_window_code')
export const StaffCreate = z.strictObject({ windowId: Id, employeeNo: EmployeeNo, name: text(50) })
export const StaffUpdate = StaffCreate.partial()

export const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: QueryFlag,
  ...Paging,
})
export const UnitListQuery = ListQuery.extend({ sectorId: IdParam.optional(), parentId: IdParam.optional() })
export const WindowListQuery = ListQuery.extend({ unitId: IdParam.optional(), sectorId: IdParam.optional() })
export const StaffListQuery = ListQuery.extend({ windowId: IdParam.optional(), unitId: IdParam.optional() })

/** Everything a user may see of the organisation, flat; the tree is built by buildOrgTree. */
export const OrgTree = z
  .object({ sectors: z.array(Sector), units: z.array(Unit), windows: z.array(Window) })
  .meta({ id: 'OrgTree' })
export type OrgTree = z.infer<typeof OrgTree>

export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    sectorsCreated: z.number().int(),
    unitsCreated: z.number().int(),
    windowsCreated: z.number().int(),
    windowsUpdated: z.number().int(),
    staffCreated: z.number().int(),
    staffUpdated: z.number().int(),
  })
  .meta({ id: 'ImportReport' })
export type ImportReport = z.infer<typeof ImportReport>
