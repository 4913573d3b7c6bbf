import type { Kysely } from 'kysely'
import { flag, isSet, toCount } from '../../db/convention'
import { isUniqueViolation } from '../../db/errors'
import type { Database, UserRow } from '../../db/schema'
import type { Role, User } from '../../shared/schemas/auth'
import { hashPassword } from '../auth/password'
import { invalidateUserSessions } from '../auth/sessions'
import { AppError, conflict, notFound } from '../http/errors'

const toUser = (row: UserRow, unitIds: number[]): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role as Role,
  unitIds,
  active: isSet(row.active),
  mustChangePassword: isSet(row.must_change_password),
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
})

async function unitsOf(db: Kysely<Database>, userIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>()
  if (userIds.length === 0) return map
  const rows = await db.selectFrom('user_units').select(['user_id', 'unit_id']).where('user_id', 'in', userIds).orderBy('unit_id').execute()
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.unit_id])
  return map
}

export async function getUser(db: Kysely<Database>, id: number): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return toUser(row, (await unitsOf(db, [id])).get(id) ?? [])
}

export async function listUsers(
  db: Kysely<Database>,
  q: { q?: string | undefined; role?: Role | undefined; includeInactive: boolean; limit: number; offset: number },
) {
  let query = db.selectFrom('users')
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['username']), 'like', like), eb(eb.fn('lower', ['display_name']), 'like', like)]))
  }
  if (q.role) query = query.where('role', '=', q.role)
  if (!q.includeInactive) query = query.where('active', '=', 1)
  const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('username').limit(q.limit).offset(q.offset).execute()
  const units = await unitsOf(db, rows.map((r) => r.id))
  return { items: rows.map((r) => toUser(r, units.get(r.id) ?? [])), total: toCount(count) }
}

async function checkUnits(db: Kysely<Database>, role: Role, unitIds: number[]) {
  if (role === 'manager' && unitIds.length === 0) throw new AppError(400, 'manager_needs_units')
  if (unitIds.length === 0) return
  const found = await db.selectFrom('units').select('id').where('id', 'in', unitIds).execute()
  if (found.length !== new Set(unitIds).size) throw notFound()
}

export async function createUser(
  db: Kysely<Database>,
  input: { username: string; displayName: string; role: Role; unitIds: number[]; password: string; mustChangePassword?: boolean },
  now: Date,
): Promise<User> {
  const unitIds = input.role === 'admin' || input.role === 'supervisor' ? [] : [...new Set(input.unitIds)]
  await checkUnits(db, input.role, unitIds)
  const passwordHash = await hashPassword(input.password)
  try {
    const id = await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('users')
        .values({
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash,
          active: 1,
          must_change_password: flag(input.mustChangePassword ?? true),
          last_login_at: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (unitIds.length > 0) await trx.insertInto('user_units').values(unitIds.map((unit_id) => ({ user_id: id, unit_id }))).execute()
      return id
    })
    return getUser(db, id)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('username_taken', { username: input.username })
    throw e
  }
}

export async function updateUser(
  db: Kysely<Database>,
  actorId: number,
  id: number,
  patch: { displayName?: string | undefined; role?: Role | undefined; unitIds?: number[] | undefined; active?: boolean | undefined },
  now: Date,
): Promise<User> {
  const current = await getUser(db, id)
  if (id === actorId && (patch.active === false || (patch.role !== undefined && patch.role !== current.role))) {
    throw new AppError(400, 'cannot_disable_self')
  }
  const role = patch.role ?? current.role
  const unitIds = role === 'admin' || role === 'supervisor' ? [] : [...new Set(patch.unitIds ?? current.unitIds)]
  await checkUnits(db, role, unitIds)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.active !== undefined ? { active: flag(patch.active) } : {}),
        role,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute()
    await trx.deleteFrom('user_units').where('user_id', '=', id).execute()
    if (unitIds.length > 0) await trx.insertInto('user_units').values(unitIds.map((unit_id) => ({ user_id: id, unit_id }))).execute()
  })
  if (patch.active === false) await invalidateUserSessions(db, id)
  return getUser(db, id)
}

/** Sets a new password; `mustChange` makes the user pick their own at next sign-in. Ends their other sessions. */
export async function setPassword(db: Kysely<Database>, id: number, password: string, mustChange: boolean, now: Date, keepToken?: string) {
  const result = await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: flag(mustChange), updated_at: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw notFound()
  await invalidateUserSessions(db, id, keepToken)
}
