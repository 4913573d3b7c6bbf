import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Locale } from '../../shared/i18n'
import { csvProblemMessage, type CsvProblem } from '../../shared/org-csv'
import { parseRosterCsv, rosterCsvHeader, rosterCsvLine } from '../../shared/roster-csv'
import type { SupervisorImportReport } from '../../shared/schemas/supervision'
import { hashPassword, randomPassword } from '../auth/password'
import { AppError } from '../http/errors'
import { applyProfile, insertSupervisor } from './roster'

const csvError = (problems: CsvProblem[], locale: Locale) =>
  new AppError(400, 'csv_invalid', { count: problems.length }, { rows: problems.map((p) => ({ row: p.row, message: csvProblemMessage(p, locale) })) })

/**
 * Imports the roster like the organisation import: the whole file is checked first, then every row is written in one
 * transaction, or none. A known username updates that supervisor; a new one is appointed with a first password.
 */
export async function importRosterCsv(db: Kysely<Database>, csv: string, dryRun: boolean, locale: Locale, now: Date): Promise<SupervisorImportReport> {
  const parsed = parseRosterCsv(csv)
  if (!parsed.ok) throw csvError(parsed.problems, locale)
  const existing = new Map(
    (await db.selectFrom('users').leftJoin('supervisor_profiles', 'supervisor_profiles.user_id', 'users.id').select(['users.id', 'users.username', 'supervisor_profiles.user_id as profile']).execute()).map(
      (u) => [u.username, u],
    ),
  )
  const problems: CsvProblem[] = parsed.rows
    .filter((r) => existing.has(r.username) && existing.get(r.username)!.profile === null)
    .map((r) => ({ row: r.row, key: 'csv_row_not_supervisor' as const, params: { row: r.row, username: r.username } }))
  if (problems.length > 0) throw csvError(problems, locale)

  const fresh = parsed.rows.filter((r) => !existing.has(r.username))
  // Hashing is slow on purpose; done before the transaction so that it holds the write lock briefly.
  const passwords = dryRun ? [] : fresh.map(() => randomPassword())
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)))
  const report: SupervisorImportReport = {
    dryRun,
    rows: parsed.rows.length,
    created: fresh.length,
    updated: parsed.rows.length - fresh.length,
    initialPasswords: dryRun ? [] : fresh.map((r, i) => ({ username: r.username, password: passwords[i]! })),
  }
  if (dryRun) return report
  await db.transaction().execute(async (trx) => {
    let next = 0
    for (const r of parsed.rows) {
      const profile = { displayName: r.display_name, kind: r.kind, organisation: r.organisation, phone: r.phone, letterNo: r.letter_no, termStart: r.term_start, termEnd: r.term_end }
      const known = existing.get(r.username)
      if (known) await applyProfile(trx, known.id, profile, now)
      else await insertSupervisor(trx, { ...profile, username: r.username }, hashes[next++]!, now)
    }
  })
  return report
}

export async function exportRosterCsv(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom('supervisor_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.username', 'u.display_name', 'p.kind', 'p.organisation', 'p.phone', 'p.letter_no', 'p.term_start', 'p.term_end'])
    .orderBy('u.username')
    .execute()
  return [rosterCsvHeader(), ...rows.map((r) => rosterCsvLine(r))].join('\r\n') + '\r\n'
}
