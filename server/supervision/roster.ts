import type { Kysely, Transaction } from 'kysely'
import { flag, isSet } from '../../db/convention'
import { isUniqueViolation } from '../../db/errors'
import type { Database } from '../../db/schema'
import { maskPhone } from '../../shared/phone'
import type { SupervisorBody, Supervisor, SupervisorStatus } from '../../shared/schemas/supervision'
import { localDayHour } from '../../shared/time'
import { hashPassword, randomPassword } from '../auth/password'
import { AppError, conflict, FieldsError, notFound } from '../http/errors'

const today = (now: Date, timeZone: string) => localDayHour(now, timeZone).day

/** Where an appointment stands on a day: ended early, not yet begun, over, or running. */
export function termStatus(p: { term_start: string; term_end: string; ended_at: string | null }, day: string): SupervisorStatus {
  if (p.ended_at) return 'ended'
  if (day < p.term_start) return 'upcoming'
  if (day > p.term_end) return 'expired'
  return 'active'
}

const selectSupervisors = (db: Kysely<Database> | Transaction<Database>) =>
  db
    .selectFrom('supervisor_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.active',
      'p.kind',
      'p.organisation',
      'p.phone',
      'p.letter_no',
      'p.term_start',
      'p.term_end',
      'p.ended_at',
      'p.end_reason',
    ])

type Row = Awaited<ReturnType<ReturnType<typeof selectSupervisors>['executeTakeFirstOrThrow']>>

const toSupervisor = (r: Row, day: string, wholePhone: boolean): Supervisor => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  kind: r.kind,
  organisation: r.organisation,
  phone: wholePhone ? r.phone : maskPhone(r.phone),
  letterNo: r.letter_no,
  termStart: r.term_start,
  termEnd: r.term_end,
  endedAt: r.ended_at,
  endReason: r.end_reason,
  status: termStatus(r, day),
  active: isSet(r.active),
})

export async function listSupervisors(db: Kysely<Database>, query: { status: SupervisorStatus | 'all'; q?: string | undefined }, now: Date, timeZone: string) {
  const day = today(now, timeZone)
  let q = selectSupervisors(db).orderBy('u.display_name').orderBy('u.id')
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) => eb.or([eb('u.display_name', 'like', like), eb('u.username', 'like', like), eb('p.organisation', 'like', like), eb('p.letter_no', 'like', like)]))
  }
  const all = (await q.execute()).map((r) => toSupervisor(r, day, false))
  return query.status === 'all' ? all : all.filter((s) => s.status === query.status)
}

export async function getSupervisor(db: Kysely<Database> | Transaction<Database>, id: number, now: Date, timeZone: string, o: { wholePhone?: boolean } = {}) {
  const row = await selectSupervisors(db).where('u.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return toSupervisor(row, today(now, timeZone), o.wholePhone ?? false)
}

/** Creates the sign-in (role supervisor, must change the first password) and the profile in one transaction. */
export async function createSupervisor(db: Kysely<Database>, input: SupervisorBody & { username: string }, now: Date, timeZone: string) {
  const initialPassword = randomPassword()
  const passwordHash = await hashPassword(initialPassword)
  try {
    const id = await db.transaction().execute((trx) => insertSupervisor(trx, input, passwordHash, now))
    return { supervisor: await getSupervisor(db, id, now, timeZone, { wholePhone: true }), initialPassword }
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('username_taken', { username: input.username })
    throw e
  }
}

export async function insertSupervisor(trx: Transaction<Database>, input: SupervisorBody & { username: string }, passwordHash: string, now: Date) {
  const at = now.toISOString()
  const { id } = await trx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      role: 'supervisor',
      password_hash: passwordHash,
      active: 1,
      must_change_password: 1,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('supervisor_profiles')
    .values({ user_id: id, ...profileColumns(input), ended_at: null, end_reason: null, created_at: at, updated_at: at })
    .execute()
  return id
}

const profileColumns = (input: SupervisorBody) => ({
  kind: input.kind,
  organisation: input.organisation,
  phone: input.phone,
  letter_no: input.letterNo,
  term_start: input.termStart,
  term_end: input.termEnd,
})

export async function updateSupervisor(db: Kysely<Database>, id: number, input: SupervisorBody, now: Date, timeZone: string) {
  await db.transaction().execute((trx) => applyProfile(trx, id, input, now))
  return getSupervisor(db, id, now, timeZone, { wholePhone: true })
}

export async function applyProfile(trx: Transaction<Database>, id: number, input: SupervisorBody, now: Date) {
  const at = now.toISOString()
  const updated = await trx.updateTable('supervisor_profiles').set({ ...profileColumns(input), updated_at: at }).where('user_id', '=', id).executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw notFound()
  await trx.updateTable('users').set({ display_name: input.displayName, updated_at: at }).where('id', '=', id).execute()
}

/** A new end of term; an appointment that was ended is resumed (and its sign-in enabled again). */
export async function renewSupervisor(db: Kysely<Database>, id: number, termEnd: string, now: Date, timeZone: string) {
  const current = await getSupervisor(db, id, now, timeZone)
  if (termEnd < current.termStart) throw new FieldsError([{ path: 'termEnd', key: 'field_end_before_start' }])
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('supervisor_profiles').set({ term_end: termEnd, ended_at: null, end_reason: null, updated_at: at }).where('user_id', '=', id).execute()
    await trx.updateTable('users').set({ active: flag(true), updated_at: at }).where('id', '=', id).execute()
  })
  return getSupervisor(db, id, now, timeZone, { wholePhone: true })
}

/**
 * Ends an appointment early. The supervisor can still sign in to see their history (the brief: outside the term they
 * read, never submit); their visits stay.
 */
export async function endSupervisor(db: Kysely<Database>, id: number, reason: string, now: Date, timeZone: string) {
  const current = await getSupervisor(db, id, now, timeZone)
  if (current.status === 'ended') throw new AppError(409, 'supervisor_already_ended')
  await db.updateTable('supervisor_profiles').set({ ended_at: now.toISOString(), end_reason: reason, updated_at: now.toISOString() }).where('user_id', '=', id).execute()
  // Sessions stay: reading their history is allowed; submitting is refused from now on.
  return getSupervisor(db, id, now, timeZone, { wholePhone: true })
}

/** The profile behind a supervisor's sign-in, or 404 (a user without one is not an appointed supervisor). */
export async function profileOf(db: Kysely<Database> | Transaction<Database>, userId: number) {
  const row = await db.selectFrom('supervisor_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
  if (!row) throw notFound()
  return row
}

/** Throws unless the supervisor may submit today: inside the term and not ended. */
export async function requireInTerm(db: Kysely<Database> | Transaction<Database>, userId: number, now: Date, timeZone: string) {
  const profile = await profileOf(db, userId)
  if (termStatus(profile, today(now, timeZone)) !== 'active') throw new AppError(403, 'supervisor_out_of_term')
  return profile
}
