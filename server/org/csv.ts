import type { Kysely, Transaction } from 'kysely'
import { flag } from '../../db/convention'
import type { Database } from '../../db/schema'
import type { Locale } from '../../shared/i18n'
import { csvProblemMessage, orgCsvHeader, orgCsvLine, parseOrgCsv, type CsvProblem, type OrgCsvRow } from '../../shared/org-csv'
import type { ImportReport } from '../../shared/schemas/org'
import { inScope, type Scope } from '../access/policy'
import { AppError } from '../http/errors'

const key = (...parts: (string | number)[]) => parts.join('\u0000')

/** Rolls a dry run back after counting. */
class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run')
  }
}

/**
 * Imports an organisation CSV: creates missing sectors and units (by path), creates or updates windows (by unit and
 * code) and staff (by unit and employee number). The whole file is checked first; one bad row and nothing is written.
 */
export async function importOrgCsv(db: Kysely<Database>, csv: string, dryRun: boolean, locale: Locale, now: Date): Promise<ImportReport> {
  const parsed = parseOrgCsv(csv)
  if (!parsed.ok) throw csvError(parsed.problems, locale)
  try {
    return await db.transaction().execute(async (trx) => {
      const report = await apply(trx, parsed.rows, dryRun, locale, now)
      if (dryRun) throw new DryRun(report)
      return report
    })
  } catch (e) {
    if (e instanceof DryRun) return e.report
    throw e
  }
}

function csvError(problems: CsvProblem[], locale: Locale) {
  const rows = problems.map((p) => ({ row: p.row, message: csvProblemMessage(p, locale) }))
  return new AppError(400, 'csv_invalid', { count: problems.length }, { rows })
}

async function apply(trx: Transaction<Database>, rows: OrgCsvRow[], dryRun: boolean, locale: Locale, now: Date): Promise<ImportReport> {
  const at = now.toISOString()
  const report: ImportReport = { dryRun, rows: rows.length, sectorsCreated: 0, unitsCreated: 0, windowsCreated: 0, windowsUpdated: 0, staffCreated: 0, staffUpdated: 0 }
  const problems: CsvProblem[] = []

  const sectors = new Map((await trx.selectFrom('sectors').select(['id', 'name']).execute()).map((s) => [s.name, s.id]))
  const units = await trx.selectFrom('units').select(['id', 'sector_id', 'parent_id', 'name']).execute()
  const unitByKey = new Map(units.map((u) => [key(u.sector_id, u.parent_id ?? 0, u.name), u.id]))
  const windows = new Map((await trx.selectFrom('windows').select(['id', 'unit_id', 'code']).execute()).map((w) => [key(w.unit_id, w.code), w.id]))
  const staff = new Map((await trx.selectFrom('staff').select(['id', 'unit_id', 'employee_no']).execute()).map((s) => [key(s.unit_id, s.employee_no), s.id]))

  // Pass 1: every check, no writes. New things get negative placeholder ids.
  let placeholder = 0
  const sectorId = (name: string) => {
    if (!sectors.has(name)) sectors.set(name, --placeholder)
    return sectors.get(name)!
  }
  const unitId = (sector: number, path: string[]) => {
    let parent = 0
    for (const name of path) {
      const k = key(sector, parent, name)
      if (!unitByKey.has(k)) unitByKey.set(k, --placeholder)
      parent = unitByKey.get(k)!
    }
    return parent
  }
  const windowRows = new Map<string, number>()
  const staffRows = new Map<string, number>()
  for (const row of rows.filter((r) => r.staff_no === null)) {
    const k = key(row.sector, row.unit_path.join('/'), row.window_code)
    const first = windowRows.get(k)
    if (first !== undefined) problems.push({ row: row.row, key: 'csv_row_duplicate_window', params: { row: row.row, code: row.window_code, first } })
    else windowRows.set(k, row.row)
  }
  for (const row of rows.filter((r) => r.staff_no !== null)) {
    const unit = unitId(sectorId(row.sector), row.unit_path)
    const inFile = windowRows.has(key(row.sector, row.unit_path.join('/'), row.window_code))
    if (!inFile && !windows.has(key(unit, row.window_code))) {
      problems.push({ row: row.row, key: 'csv_row_window_missing', params: { row: row.row, code: row.window_code } })
    }
    const k = key(row.sector, row.unit_path.join('/'), row.staff_no!)
    const first = staffRows.get(k)
    if (first !== undefined) problems.push({ row: row.row, key: 'csv_row_duplicate_staff', params: { row: row.row, employeeNo: row.staff_no!, first } })
    else staffRows.set(k, row.row)
  }
  if (problems.length > 0) throw csvError(problems.sort((a, b) => a.row - b.row), locale)

  // Pass 2: write, in file order (windows before their staff).
  const realSector = new Map<string, number>()
  const sectorFor = async (name: string) => {
    const known = sectors.get(name)!
    if (known > 0) return known
    if (!realSector.has(name)) {
      const { id } = await trx.insertInto('sectors').values({ name, code: null, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
      realSector.set(name, id)
      report.sectorsCreated++
    }
    return realSector.get(name)!
  }
  const realUnits = new Map(units.map((u) => [key(u.sector_id, u.parent_id ?? 0, u.name), u.id]))
  const unitFor = async (sector: number, path: string[]) => {
    let parent = 0
    for (const name of path) {
      const k = key(sector, parent, name)
      let id = realUnits.get(k)
      if (id === undefined) {
        ;({ id } = await trx
          .insertInto('units')
          .values({ sector_id: sector, parent_id: parent || null, name, code: null, address: null, hotline: null, active: 1, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow())
        realUnits.set(k, id)
        report.unitsCreated++
      }
      parent = id
    }
    return parent
  }
  const ordered = [...rows.filter((r) => r.staff_no === null), ...rows.filter((r) => r.staff_no !== null)]
  for (const row of ordered) {
    const unit = await unitFor(await sectorFor(row.sector), row.unit_path)
    const windowKey = key(unit, row.window_code)
    if (row.staff_no === null) {
      const values = { name: row.window_name!, kind: row.window_kind, location: row.location, opening_hours: row.opening_hours, active: flag(row.active), updated_at: at }
      const existing = windows.get(windowKey)
      if (existing) {
        await trx.updateTable('windows').set(values).where('id', '=', existing).execute()
        report.windowsUpdated++
      } else {
        const { id } = await trx.insertInto('windows').values({ ...values, unit_id: unit, code: row.window_code, created_at: at }).returning('id').executeTakeFirstOrThrow()
        windows.set(windowKey, id)
        report.windowsCreated++
      }
    } else {
      const windowId = windows.get(windowKey)!
      const values = { window_id: windowId, name: row.staff_name!, active: flag(row.active), updated_at: at }
      const existing = staff.get(key(unit, row.staff_no))
      if (existing) {
        await trx.updateTable('staff').set(values).where('id', '=', existing).execute()
        report.staffUpdated++
      } else {
        await trx.insertInto('staff').values({ ...values, unit_id: unit, employee_no: row.staff_no, created_at: at }).execute()
        report.staffCreated++
      }
    }
  }
  return report
}

/** The organisation in the scope as CSV, importable as is. Inactive entries are kept, marked active=0. */
export async function exportOrgCsv(db: Kysely<Database>, scope: Scope): Promise<string> {
  const sectors = new Map((await db.selectFrom('sectors').select(['id', 'name']).execute()).map((s) => [s.id, s.name]))
  const units = new Map((await db.selectFrom('units').select(['id', 'parent_id', 'sector_id', 'name']).execute()).map((u) => [u.id, u]))
  const pathOf = (id: number): string[] => {
    const u = units.get(id)!
    return u.parent_id === null ? [u.name] : [...pathOf(u.parent_id), u.name]
  }
  const windows = (await db.selectFrom('windows').selectAll().orderBy('unit_id').orderBy('code').execute()).filter((w) => inScope(scope, w.unit_id))
  const staffByWindow = new Map<number, { employee_no: string; name: string; active: number }[]>()
  for (const s of await db.selectFrom('staff').select(['window_id', 'unit_id', 'employee_no', 'name', 'active']).orderBy('employee_no').execute()) {
    if (inScope(scope, s.unit_id)) staffByWindow.set(s.window_id, [...(staffByWindow.get(s.window_id) ?? []), s])
  }
  let out = orgCsvHeader()
  for (const w of windows) {
    const unit = units.get(w.unit_id)!
    const base = { sector: sectors.get(unit.sector_id)!, unitPath: pathOf(w.unit_id), windowCode: w.code }
    out += orgCsvLine({ ...base, windowName: w.name, windowKind: w.kind as 'window', location: w.location, openingHours: w.opening_hours, staffNo: null, staffName: null, active: w.active === 1 })
    for (const s of staffByWindow.get(w.id) ?? []) {
      out += orgCsvLine({ ...base, windowName: null, windowKind: null, location: null, openingHours: null, staffNo: s.employee_no, staffName: s.name, active: s.active === 1 })
    }
  }
  return out
}
