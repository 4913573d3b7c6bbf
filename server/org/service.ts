import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import { flag, toCount } from '../../db/convention'
import { isUniqueViolation } from '../../db/errors'
import type { Database } from '../../db/schema'
import type { OrgTree, Sector, Staff, Unit, Window, WindowKind } from '../../shared/schemas/org'
import { inScope, requireInScope, subtreeOf, type Scope } from '../access/policy'
import { AppError, conflict, notFound } from '../http/errors'
import { toSector, toStaff, toUnit, toWindow } from './mappers'

type Db = Kysely<Database>
interface ListQuery {
  q?: string | undefined
  includeInactive: boolean
  limit: number
  offset: number
}

const likeOf = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** Restricts a query on a table with unit_id to the scope. */
function scoped<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, column: string, scope: Scope) {
  if (scope.all) return query
  return scope.unitIds.size === 0 ? query.where((eb) => eb.lit(false)) : query.where(sql.ref<number>(column), 'in', [...scope.unitIds])
}

const windowsWithStaffCount = (db: Db) =>
  db
    .selectFrom('windows')
    .selectAll('windows')
    .select((eb) =>
      eb
        .selectFrom('staff')
        .select((eb2) => eb2.fn.countAll().as('n'))
        .whereRef('staff.window_id', '=', 'windows.id')
        .where('staff.active', '=', 1)
        .as('staff_count'),
    )

// ---- sectors --------------------------------------------------------------------------------------------------

export async function listSectors(db: Db, scope: Scope, includeInactive: boolean): Promise<Sector[]> {
  let query = db.selectFrom('sectors').selectAll()
  if (!includeInactive) query = query.where('active', '=', 1)
  if (!scope.all) {
    const ids = [...scope.unitIds]
    if (ids.length === 0) return []
    query = query.where('id', 'in', db.selectFrom('units').select('sector_id').where('id', 'in', ids))
  }
  return (await query.orderBy('name').execute()).map(toSector)
}

export async function getSector(db: Db, scope: Scope, id: number): Promise<Sector> {
  const sectors = await listSectors(db, scope, true)
  const sector = sectors.find((s) => s.id === id)
  if (!sector) throw notFound()
  return sector
}

export async function createSector(db: Db, input: { name: string; code: string | null }, now: Date): Promise<Sector> {
  try {
    const row = await db
      .insertInto('sectors')
      .values({ name: input.name, code: input.code, active: 1, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toSector(row)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('sector_name_taken')
    throw e
  }
}

export async function updateSector(db: Db, id: number, patch: { name?: string | undefined; code?: string | null | undefined }, now: Date): Promise<Sector> {
  try {
    const row = await db
      .updateTable('sectors')
      .set({ ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.code !== undefined ? { code: patch.code } : {}), updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw notFound()
    return toSector(row)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('sector_name_taken')
    throw e
  }
}

export async function setSectorActive(db: Db, id: number, active: boolean, now: Date): Promise<Sector> {
  const row = await db.updateTable('sectors').set({ active: flag(active), updated_at: now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirst()
  if (!row) throw notFound()
  return toSector(row)
}

// ---- units ----------------------------------------------------------------------------------------------------

export async function listUnits(
  db: Db,
  scope: Scope,
  q: ListQuery & { sectorId?: number | undefined; parentId?: number | undefined },
): Promise<{ items: Unit[]; total: number }> {
  let query = scoped(db.selectFrom('units'), 'id', scope)
  if (!q.includeInactive) query = query.where('active', '=', 1)
  if (q.sectorId) query = query.where('sector_id', '=', q.sectorId)
  if (q.parentId) query = query.where('parent_id', '=', q.parentId)
  if (q.q) query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', likeOf(q.q!)))
  const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('name').orderBy('id').limit(q.limit).offset(q.offset).execute()
  return { items: rows.map(toUnit), total: toCount(count) }
}

export async function getUnit(db: Db, scope: Scope, id: number): Promise<Unit> {
  requireInScope(scope, id)
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return toUnit(row)
}

async function assertUniqueUnitName(db: Db, parentId: number | null, sectorId: number, name: string, exceptId?: number) {
  let query = db.selectFrom('units').select('id').where('name', '=', name)
  query = parentId === null ? query.where('parent_id', 'is', null).where('sector_id', '=', sectorId) : query.where('parent_id', '=', parentId)
  if (exceptId) query = query.where('id', '!=', exceptId)
  if (await query.executeTakeFirst()) throw conflict('unit_name_taken')
}

/** Works out a unit's sector from its parent: a sub-unit always shares its parent's sector. */
async function placement(db: Db, parentId: number | null, sectorId: number | undefined) {
  if (parentId !== null) {
    const parent = await db.selectFrom('units').select(['sector_id', 'active']).where('id', '=', parentId).executeTakeFirst()
    if (!parent) throw notFound()
    if (sectorId !== undefined && sectorId !== parent.sector_id) throw new AppError(400, 'unit_sector_mismatch')
    if (parent.active !== 1) throw new AppError(400, 'parent_inactive')
    return parent.sector_id
  }
  const sector = await db.selectFrom('sectors').select(['id', 'active']).where('id', '=', sectorId!).executeTakeFirst()
  if (!sector) throw notFound()
  if (sector.active !== 1) throw new AppError(400, 'parent_inactive')
  return sector.id
}

export async function createUnit(
  db: Db,
  input: { sectorId?: number | undefined; parentId?: number | null | undefined; name: string; code: string | null; address: string | null; hotline: string | null },
  now: Date,
): Promise<Unit> {
  const parentId = input.parentId ?? null
  const sectorId = await placement(db, parentId, input.sectorId)
  await assertUniqueUnitName(db, parentId, sectorId, input.name)
  const row = await db
    .insertInto('units')
    .values({ sector_id: sectorId, parent_id: parentId, name: input.name, code: input.code, address: input.address, hotline: input.hotline, active: 1, created_at: now.toISOString(), updated_at: now.toISOString() })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toUnit(row)
}

export async function updateUnit(
  db: Db,
  id: number,
  patch: { name?: string | undefined; code?: string | null | undefined; address?: string | null | undefined; hotline?: string | null | undefined; parentId?: number | null | undefined; sectorId?: number | undefined },
  now: Date,
): Promise<Unit> {
  const current = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound()
  const parentId = patch.parentId === undefined ? current.parent_id : patch.parentId
  const moving = parentId !== current.parent_id || (patch.sectorId !== undefined && patch.sectorId !== current.sector_id)
  let sectorId = current.sector_id
  let subtree = new Set([id])
  if (moving) {
    const all = await db.selectFrom('units').select(['id', 'parent_id']).execute()
    subtree = subtreeOf(all, [id])
    if (parentId !== null && subtree.has(parentId)) throw new AppError(400, 'unit_cycle')
    sectorId = await placement(db, parentId, parentId === null ? (patch.sectorId ?? current.sector_id) : patch.sectorId)
  }
  const name = patch.name ?? current.name
  await assertUniqueUnitName(db, parentId, sectorId, name, id)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('units')
      .set({
        name,
        parent_id: parentId,
        sector_id: sectorId,
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.address !== undefined ? { address: patch.address } : {}),
        ...(patch.hotline !== undefined ? { hotline: patch.hotline } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    // The whole subtree moves to the new sector with it.
    if (sectorId !== current.sector_id) {
      await trx.updateTable('units').set({ sector_id: sectorId, updated_at: now.toISOString() }).where('id', 'in', [...subtree]).execute()
    }
    return toUnit(row)
  })
}

/**
 * Deactivating a unit takes its sub-units, windows and staff out of service with it (nothing is deleted);
 * activating brings back only the unit itself, under an active parent.
 */
export async function setUnitActive(db: Db, id: number, active: boolean, now: Date): Promise<Unit> {
  const current = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound()
  const at = now.toISOString()
  return db.transaction().execute(async (trx) => {
    if (active) {
      if (current.parent_id !== null) {
        const parent = await trx.selectFrom('units').select('active').where('id', '=', current.parent_id).executeTakeFirstOrThrow()
        if (parent.active !== 1) throw new AppError(400, 'parent_inactive')
      }
    } else {
      const all = await trx.selectFrom('units').select(['id', 'parent_id']).execute()
      const ids = [...subtreeOf(all, [id])]
      await trx.updateTable('units').set({ active: 0, updated_at: at }).where('id', 'in', ids).where('active', '=', 1).execute()
      await trx.updateTable('windows').set({ active: 0, updated_at: at }).where('unit_id', 'in', ids).where('active', '=', 1).execute()
      await trx.updateTable('staff').set({ active: 0, updated_at: at }).where('unit_id', 'in', ids).where('active', '=', 1).execute()
    }
    const row = await trx.updateTable('units').set({ active: flag(active), updated_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
    return toUnit(row)
  })
}

// ---- windows --------------------------------------------------------------------------------------------------

export async function listWindows(
  db: Db,
  scope: Scope,
  q: ListQuery & { unitId?: number | undefined; sectorId?: number | undefined },
): Promise<{ items: Window[]; total: number }> {
  let query = scoped(db.selectFrom('windows'), 'windows.unit_id', scope)
  if (!q.includeInactive) query = query.where('windows.active', '=', 1)
  if (q.unitId) query = query.where('windows.unit_id', '=', q.unitId)
  if (q.sectorId) query = query.where('windows.unit_id', 'in', db.selectFrom('units').select('id').where('sector_id', '=', q.sectorId))
  if (q.q) {
    const like = likeOf(q.q)
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['windows.name']), 'like', like), eb(eb.fn('lower', ['windows.code']), 'like', like)]))
  }
  const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  const ids = await query.select('windows.id').orderBy('windows.unit_id').orderBy('windows.code').limit(q.limit).offset(q.offset).execute()
  if (ids.length === 0) return { items: [], total: toCount(count) }
  const rows = await windowsWithStaffCount(db).where('windows.id', 'in', ids.map((r) => r.id)).orderBy('windows.unit_id').orderBy('windows.code').execute()
  return { items: rows.map(toWindow), total: toCount(count) }
}

export async function getWindow(db: Db, scope: Scope, id: number): Promise<Window> {
  const row = await windowsWithStaffCount(db).where('windows.id', '=', id).executeTakeFirst()
  if (!row || !inScope(scope, row.unit_id)) throw notFound()
  return toWindow(row)
}

async function activeUnitInScope(db: Db, scope: Scope, unitId: number) {
  requireInScope(scope, unitId)
  const unit = await db.selectFrom('units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst()
  if (!unit) throw notFound()
  if (unit.active !== 1) throw new AppError(400, 'parent_inactive')
}

export async function createWindow(
  db: Db,
  scope: Scope,
  input: { unitId: number; code: string; name: string; kind: WindowKind; location: string | null; openingHours: string | null },
  now: Date,
): Promise<Window> {
  await activeUnitInScope(db, scope, input.unitId)
  try {
    const row = await db
      .insertInto('windows')
      .values({ unit_id: input.unitId, code: input.code, name: input.name, kind: input.kind, location: input.location, opening_hours: input.openingHours, active: 1, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return getWindow(db, scope, row.id)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('window_code_taken', { code: input.code })
    throw e
  }
}

export async function updateWindow(
  db: Db,
  scope: Scope,
  id: number,
  patch: { unitId?: number | undefined; code?: string | undefined; name?: string | undefined; kind?: WindowKind | undefined; location?: string | null | undefined; openingHours?: string | null | undefined },
  now: Date,
): Promise<Window> {
  const current = await getWindow(db, scope, id)
  const unitId = patch.unitId ?? current.unitId
  if (unitId !== current.unitId) await activeUnitInScope(db, scope, unitId)
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('windows')
        .set({
          unit_id: unitId,
          ...(patch.code !== undefined ? { code: patch.code } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
          ...(patch.location !== undefined ? { location: patch.location } : {}),
          ...(patch.openingHours !== undefined ? { opening_hours: patch.openingHours } : {}),
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute()
      // Staff belong to the window's unit, so they move with it.
      if (unitId !== current.unitId) await trx.updateTable('staff').set({ unit_id: unitId, updated_at: now.toISOString() }).where('window_id', '=', id).execute()
    })
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('window_code_taken', { code: patch.code ?? current.code })
    throw e
  }
  return getWindow(db, scope, id)
}

/** Deactivating a window takes its staff out of service too; activating needs an active unit. */
export async function setWindowActive(db: Db, scope: Scope, id: number, active: boolean, now: Date): Promise<Window> {
  const current = await getWindow(db, scope, id)
  if (active) await activeUnitInScope(db, scope, current.unitId)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('windows').set({ active: flag(active), updated_at: now.toISOString() }).where('id', '=', id).execute()
    if (!active) await trx.updateTable('staff').set({ active: 0, updated_at: now.toISOString() }).where('window_id', '=', id).where('active', '=', 1).execute()
  })
  return getWindow(db, scope, id)
}

// ---- staff ----------------------------------------------------------------------------------------------------

export async function listStaff(
  db: Db,
  scope: Scope,
  q: ListQuery & { windowId?: number | undefined; unitId?: number | undefined },
): Promise<{ items: Staff[]; total: number }> {
  let query = scoped(db.selectFrom('staff'), 'unit_id', scope)
  if (!q.includeInactive) query = query.where('active', '=', 1)
  if (q.windowId) query = query.where('window_id', '=', q.windowId)
  if (q.unitId) query = query.where('unit_id', '=', q.unitId)
  if (q.q) {
    const like = likeOf(q.q)
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['employee_no']), 'like', like)]))
  }
  const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  const rows = await query.selectAll().orderBy('employee_no').limit(q.limit).offset(q.offset).execute()
  return { items: rows.map(toStaff), total: toCount(count) }
}

export async function getStaff(db: Db, scope: Scope, id: number): Promise<Staff> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !inScope(scope, row.unit_id)) throw notFound()
  return toStaff(row)
}

async function activeWindowInScope(db: Db, scope: Scope, windowId: number) {
  const window = await getWindow(db, scope, windowId)
  if (!window.active) throw new AppError(400, 'parent_inactive')
  return window
}

export async function createStaff(db: Db, scope: Scope, input: { windowId: number; employeeNo: string; name: string }, now: Date): Promise<Staff> {
  const window = await activeWindowInScope(db, scope, input.windowId)
  try {
    const row = await db
      .insertInto('staff')
      .values({ unit_id: window.unitId, window_id: window.id, employee_no: input.employeeNo, name: input.name, active: 1, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toStaff(row)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('staff_no_taken', { employeeNo: input.employeeNo })
    throw e
  }
}

export async function updateStaff(
  db: Db,
  scope: Scope,
  id: number,
  patch: { windowId?: number | undefined; employeeNo?: string | undefined; name?: string | undefined },
  now: Date,
): Promise<Staff> {
  const current = await getStaff(db, scope, id)
  const window = patch.windowId !== undefined && patch.windowId !== current.windowId ? await activeWindowInScope(db, scope, patch.windowId) : null
  try {
    const row = await db
      .updateTable('staff')
      .set({
        ...(window ? { window_id: window.id, unit_id: window.unitId } : {}),
        ...(patch.employeeNo !== undefined ? { employee_no: patch.employeeNo } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    return toStaff(row)
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('staff_no_taken', { employeeNo: patch.employeeNo ?? current.employeeNo })
    throw e
  }
}

export async function setStaffActive(db: Db, scope: Scope, id: number, active: boolean, now: Date): Promise<Staff> {
  const current = await getStaff(db, scope, id)
  if (active) await activeWindowInScope(db, scope, current.windowId)
  const row = await db.updateTable('staff').set({ active: flag(active), updated_at: now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
  return toStaff(row)
}

// ---- tree -----------------------------------------------------------------------------------------------------

/** Everything in the actor's scope, flat (the client nests it with buildOrgTree). */
export async function orgTree(db: Db, scope: Scope, includeInactive: boolean): Promise<OrgTree> {
  const sectors = await listSectors(db, scope, includeInactive)
  let units = scoped(db.selectFrom('units').selectAll(), 'id', scope)
  let windows = scoped(windowsWithStaffCount(db), 'windows.unit_id', scope)
  if (!includeInactive) {
    units = units.where('active', '=', 1)
    windows = windows.where('windows.active', '=', 1)
  }
  return {
    sectors,
    units: (await units.execute()).map(toUnit),
    windows: (await windows.execute()).map(toWindow),
  }
}
