import { z } from 'zod'
import { csvLine, CSV_BOM } from './csv'
import { parseTableCsv, type CsvProblem } from './csv-table'
import { message } from './i18n/errors'

export type { CsvProblem } from './csv-table'
import type { Locale } from './i18n/locale'
import { EmployeeNo, WindowCode, type WindowKind } from './schemas/org'

/** Columns of the organisation CSV, in export order. A row is a window, or a staff member when staff_no is set. */
export const ORG_CSV_COLUMNS = [
  'sector',
  'unit_path',
  'window_code',
  'window_name',
  'window_kind',
  'location',
  'opening_hours',
  'staff_no',
  'staff_name',
  'active',
] as const
export type OrgCsvColumn = (typeof ORG_CSV_COLUMNS)[number]

/** Chinese headers accepted on import (as a person would type them in Excel). */
const HEADER_ALIASES: Record<string, OrgCsvColumn> = {
  行业: 'sector',
  单位: 'unit_path',
  单位路径: 'unit_path',
  窗口编号: 'window_code',
  窗口名称: 'window_name',
  类型: 'window_kind',
  窗口类型: 'window_kind',
  位置: 'location',
  办公时间: 'opening_hours',
  工号: 'staff_no',
  姓名: 'staff_name',
  启用: 'active',
}

const KIND_WORDS: Record<string, WindowKind> = {
  window: 'window',
  窗口: 'window',
  station: 'station',
  站点: 'station',
  team: 'team',
  班组: 'team',
}
const TRUE_WORDS = ['', '1', 'true', 'yes', 'y', '是']
const FALSE_WORDS = ['0', 'false', 'no', 'n', '否']

const segment = z.string().trim().min(1).max(100)
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))

const rowSchema = z.object({
  sector: z.string().trim().min(1).max(50).refine((s) => !s.includes('/'), 'field_no_slash'),
  unit_path: z
    .string()
    .transform((p) => p.split('/').map((s) => s.trim()))
    .pipe(z.array(segment).min(1).max(10)),
  window_code: WindowCode,
  window_name: optional(100),
  window_kind: z
    .string()
    .trim()
    .toLowerCase()
    .transform((k) => (k === '' ? 'window' : k))
    .refine((k) => k in KIND_WORDS, 'field_invalid_value')
    .transform((k) => KIND_WORDS[k]!),
  location: optional(200),
  opening_hours: optional(200),
  staff_no: z.union([z.literal('').transform(() => null), EmployeeNo]),
  staff_name: optional(50),
  active: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE_WORDS.includes(v) || FALSE_WORDS.includes(v), 'field_invalid_value')
    .transform((v) => TRUE_WORDS.includes(v)),
})

export type OrgCsvRow = z.infer<typeof rowSchema> & { row: number }

/** The localised text of a CSV problem. */
export function csvProblemMessage(p: CsvProblem, locale: Locale): string {
  const params = p.field ? { ...p.params, message: message(locale, p.field.key, p.field.params) } : p.params
  return message(locale, p.key, params)
}

const requiredCell = (row: number, column: OrgCsvColumn): CsvProblem => ({
  row,
  key: 'csv_row_field',
  params: { row, column },
  field: { key: 'field_required' },
})

export type OrgCsvParse = { ok: true; rows: OrgCsvRow[] } | { ok: false; problems: CsvProblem[] }

/** Parses and validates an organisation CSV as a whole: every problem of every row, or every row. */
export function parseOrgCsv(input: string): OrgCsvParse {
  const parsed = parseTableCsv(input, { columns: ORG_CSV_COLUMNS, aliases: HEADER_ALIASES, required: ['sector', 'unit_path', 'window_code'], rowSchema })
  if (!parsed.ok) return parsed
  const problems: CsvProblem[] = []
  for (const row of parsed.rows) {
    if (row.staff_no === null && row.window_name === null) problems.push(requiredCell(row.row, 'window_name'))
    else if (row.staff_no !== null && row.staff_name === null) problems.push(requiredCell(row.row, 'staff_name'))
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: parsed.rows }
}

/** One exported window or staff member. */
export interface OrgCsvExportRow {
  sector: string
  unitPath: string[]
  windowCode: string
  windowName: string | null
  windowKind: WindowKind | null
  location: string | null
  openingHours: string | null
  staffNo: string | null
  staffName: string | null
  active: boolean
}

/** The header line of an exported organisation CSV (with the BOM Excel needs). */
export const orgCsvHeader = () => CSV_BOM + csvLine(ORG_CSV_COLUMNS)

/** One line of an exported organisation CSV; importing the export gives the same organisation. */
export function orgCsvLine(r: OrgCsvExportRow): string {
  return csvLine([
    r.sector,
    r.unitPath.join('/'),
    r.windowCode,
    r.windowName,
    r.windowKind,
    r.location,
    r.openingHours,
    r.staffNo,
    r.staffName,
    r.active ? 1 : 0,
  ])
}
