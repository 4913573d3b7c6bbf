import { z } from 'zod'
import { CSV_BOM, csvLine } from './csv'
import { parseTableCsv, type TableCsvParse } from './csv-table'
import { isIsoDate } from './time'
import { Username } from './schemas/auth'
import { SUPERVISOR_KINDS } from './schemas/supervision'

/** Columns of the supervisor roster CSV, in export order. */
export const ROSTER_CSV_COLUMNS = ['username', 'display_name', 'kind', 'organisation', 'phone', 'letter_no', 'term_start', 'term_end'] as const
export type RosterCsvColumn = (typeof ROSTER_CSV_COLUMNS)[number]

const HEADER_ALIASES: Record<string, RosterCsvColumn> = {
  用户名: 'username',
  账号: 'username',
  姓名: 'display_name',
  类别: 'kind',
  身份: 'kind',
  工作单位: 'organisation',
  单位: 'organisation',
  选区: 'organisation',
  手机: 'phone',
  手机号: 'phone',
  聘书编号: 'letter_no',
  任期开始: 'term_start',
  任期结束: 'term_end',
}

/** The Chinese name of each built-in kind, as people write it in a spreadsheet (and as the export writes it). */
export const KIND_NAMES: Record<(typeof SUPERVISOR_KINDS)[number], string> = {
  npc_deputy: '人大代表',
  cppcc_member: '政协委员',
  efficiency: '效能监督员',
  conduct: '行风监督员',
  citizen_inspector: '市民督察员',
  social: '社会监督员',
}
const KIND_WORDS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(KIND_NAMES).map(([k, zh]) => [zh, k])),
  ...Object.fromEntries(SUPERVISOR_KINDS.map((k) => [k, k])),
  政风行风监督员: 'conduct',
  市民督察团: 'citizen_inspector',
}

const date = z.string().trim().refine(isIsoDate, 'field_invalid_format')
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))

const rowSchema = z
  .object({
    username: Username,
    display_name: z.string().trim().min(1).max(50),
    kind: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .transform((k) => KIND_WORDS[k] ?? k),
    organisation: optional(100),
    phone: z
      .string()
      .trim()
      .refine((p) => p === '' || /^1[3-9]\d{9}$/.test(p), 'field_phone')
      .transform((p) => (p === '' ? null : p)),
    letter_no: optional(40),
    term_start: date,
    term_end: date,
  })
  .refine((r) => r.term_end >= r.term_start, { message: 'field_end_before_start', path: ['term_end'] })

export type RosterCsvRow = z.infer<typeof rowSchema> & { row: number }

/** Parses and validates a roster CSV as a whole (every problem by row, or every row); usernames must not repeat. */
export function parseRosterCsv(input: string): TableCsvParse<z.infer<typeof rowSchema>> {
  const parsed = parseTableCsv(input, { columns: ROSTER_CSV_COLUMNS, aliases: HEADER_ALIASES, required: ['username', 'display_name', 'kind', 'term_start', 'term_end'], rowSchema })
  if (!parsed.ok) return parsed
  const first = new Map<string, number>()
  const problems = []
  for (const row of parsed.rows) {
    const seen = first.get(row.username)
    if (seen !== undefined) problems.push({ row: row.row, key: 'csv_row_duplicate_username' as const, params: { row: row.row, username: row.username, first: seen } })
    else first.set(row.username, row.row)
  }
  return problems.length > 0 ? { ok: false, problems } : parsed
}

export const rosterCsvHeader = () => CSV_BOM + csvLine(ROSTER_CSV_COLUMNS)

export const rosterCsvLine = (r: Omit<RosterCsvRow, 'row'>) =>
  csvLine([r.username, r.display_name, KIND_NAMES[r.kind as keyof typeof KIND_NAMES] ?? r.kind, r.organisation, r.phone, r.letter_no, r.term_start, r.term_end])
