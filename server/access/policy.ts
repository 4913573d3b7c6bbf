import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../../shared/schemas/auth'
import { AppError, forbidden, notFound } from '../http/errors'

/** The signed-in user as far as permissions are concerned. */
export interface Actor {
  id: number
  username: string
  role: Role
  /** Units assigned to a manager or a scoped viewer (each with its whole subtree). Empty = none for a manager, all for a viewer. */
  unitIds: number[]
}

/** Everything a role may do; the one place that says who may do what. Unit scope is checked separately. */
export type Action =
  | 'org.read'
  | 'org.write.structure' // sectors and units
  | 'org.write.windows' // windows and staff, inside the actor's scope
  | 'org.import'
  | 'users.manage'
  | 'surveys.read' // questionnaires and campaigns
  | 'surveys.manage'
  | 'qr.manage' // rotate tokens, print cards, kiosks, one-time codes — for windows in scope
  | 'responses.enter' // operator entry of hotline calls and paper forms, in scope
  | 'responses.review' // the flagged-response queue
  | 'apikeys.manage'
  | 'supervisors.manage' // the roster of appointed supervisors
  | 'visits.record' // a supervisor's own visits to the windows assigned to them
  | 'visits.read' // visits and their scores, for windows in scope (undercover ones hidden from managers until the campaign ends)
  | 'visits.annul'
  | 'results.publish' // publish a period's rankings as an immutable snapshot; withdraw it

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: [
    'org.read',
    'org.write.structure',
    'org.write.windows',
    'org.import',
    'users.manage',
    'surveys.read',
    'surveys.manage',
    'qr.manage',
    'responses.enter',
    'responses.review',
    'apikeys.manage',
    'supervisors.manage',
    'visits.read',
    'visits.annul',
    'results.publish',
  ],
  manager: ['org.read', 'org.write.windows', 'surveys.read', 'qr.manage', 'responses.enter', 'visits.read'],
  viewer: ['org.read', 'surveys.read', 'visits.read'],
  supervisor: ['visits.record'],
}

/** True when the role allows the action (before unit scope). */
export const can = (actor: Actor, action: Action) => ROLE_ACTIONS[actor.role].includes(action)

/** The signed-in actor, or 401. */
export function requireActor(actor: Actor | null, problem: 'session_expired' | null = null): Actor {
  if (!actor) throw new AppError(401, problem ?? 'not_authenticated')
  return actor
}

/** Throws 403 unless the actor's role allows the action. */
export function requireAction(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden()
}

/** Which units an actor may see: all, or an explicit set (assigned units and every unit below them). */
export type Scope = { all: true } | { all: false; unitIds: ReadonlySet<number> }

/** Resolves an actor's unit scope from the unit tree. */
export async function loadScope(db: Kysely<Database>, actor: Actor): Promise<Scope> {
  if (actor.role === 'admin' || (actor.role === 'viewer' && actor.unitIds.length === 0)) return { all: true }
  if (actor.unitIds.length === 0) return { all: false, unitIds: new Set() }
  const units = await db.selectFrom('units').select(['id', 'parent_id']).execute()
  return { all: false, unitIds: subtreeOf(units, actor.unitIds) }
}

/** The given units and all their descendants. */
export function subtreeOf(units: readonly { id: number; parent_id: number | null }[], roots: readonly number[]): Set<number> {
  const children = new Map<number, number[]>()
  for (const u of units) {
    if (u.parent_id !== null) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id])
  }
  const result = new Set<number>()
  const stack = [...roots]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (result.has(id)) continue
    result.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  return result
}

/** True when the unit is inside the scope. */
export const inScope = (scope: Scope, unitId: number) => scope.all || scope.unitIds.has(unitId)

/** Throws 404 (not 403: another unit's data does not exist for this actor) unless the unit is in scope. */
export function requireInScope(scope: Scope, unitId: number): void {
  if (!inScope(scope, unitId)) throw notFound()
}
