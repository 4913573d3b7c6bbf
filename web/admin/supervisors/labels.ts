import type { UiKey } from '../../../shared/i18n'
import type { RosterCsvColumn } from '../../../shared/roster-csv'
import type { SUPERVISOR_KINDS, SupervisorStatus } from '../../../shared/schemas/supervision'

// shared/schemas/supervision.ts (SUPERVISOR_KINDS) and shared/roster-csv.ts (KIND_NAMES) load zod, which the staff
// bundle must not (the CSP refuses its eval probe), so only their types are imported here. The records are typed
// against those types, and labels.test.ts checks that the Chinese names are the same as KIND_NAMES.

export type BuiltInKind = (typeof SUPERVISOR_KINDS)[number]

/** 人大代表 / 政协委员 / 效能监督员 / 行风监督员 / 市民督察员 / 社会监督员 */
export const KIND_KEYS: Record<BuiltInKind, UiKey> = {
  npc_deputy: 'svKindNpcDeputy',
  cppcc_member: 'svKindCppccMember',
  efficiency: 'svKindEfficiency',
  conduct: 'svKindConduct',
  citizen_inspector: 'svKindCitizenInspector',
  social: 'svKindSocial',
}

/** The built-in kinds, in the order they are offered. */
export const BUILT_IN_KINDS = Object.keys(KIND_KEYS) as BuiltInKind[]

export const isBuiltInKind = (kind: string): kind is BuiltInKind => Object.prototype.hasOwnProperty.call(KIND_KEYS, kind)

/** A supervisor's kind in words: a built-in kind in the reader's language, a custom kind as it was written. */
export const kindLabel = (kind: string, t: (key: UiKey) => string) => (isBuiltInKind(kind) ? t(KIND_KEYS[kind]) : kind)

/** 在任 / 未到任期 / 已期满 / 已终止 */
export const STATUS_KEYS: Record<SupervisorStatus, UiKey> = {
  active: 'svStatusActive',
  upcoming: 'svStatusUpcoming',
  expired: 'svStatusExpired',
  ended: 'svStatusEnded',
}

/** The status filter's choices, "all" first. */
export const STATUS_FILTERS: readonly ('all' | SupervisorStatus)[] = ['all', 'active', 'upcoming', 'expired', 'ended']

/** What each column of the roster CSV holds, in the export's order. */
export const CSV_COLUMN_KEYS: Record<RosterCsvColumn, UiKey> = {
  username: 'svCsvColUsername',
  display_name: 'svCsvColDisplayName',
  kind: 'svCsvColKind',
  organisation: 'svCsvColOrganisation',
  phone: 'svCsvColPhone',
  letter_no: 'svCsvColLetterNo',
  term_start: 'svCsvColTermStart',
  term_end: 'svCsvColTermEnd',
}

/** Today in the deployment's zone (Asia/Shanghai), as YYYY-MM-DD. */
export const todayLocal = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

/** A YYYY-MM-DD date some whole years later (29 February becomes 28 February). */
export function addYears(date: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const year = Number(m[1]) + years
  const day = m[2] === '02' && m[3] === '29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? '28' : m[3]
  return `${year}-${m[2]}-${day}`
}
