import type { UnitNode } from '../../../shared/org-tree'
import type { CampaignScope } from '../../../shared/schemas/campaign'
import type { OrgIndex } from '../org/tree-model'

export type Scope = CampaignScope

export const EMPTY_SCOPE: Scope = { sectorIds: [], unitIds: [], windowIds: [] }

/** Every active window in a unit and the units below it. */
export function activeWindowsIn(node: UnitNode): number[] {
  return [...node.windows.filter((w) => w.active).map((w) => w.id), ...node.children.flatMap(activeWindowsIn)]
}

/**
 * The windows a scope takes in, as the server counts them: the active windows of chosen sectors and of chosen units
 * with their sub-units, and chosen windows that are active.
 */
export function windowsInScope(index: OrgIndex, scope: Scope): Set<number> {
  const ids = new Set<number>()
  for (const sectorId of scope.sectorIds) for (const unit of index.sectors.get(sectorId)?.units ?? []) activeWindowsIn(unit).forEach((id) => ids.add(id))
  for (const unitId of scope.unitIds) {
    const node = index.units.get(unitId)
    if (node) activeWindowsIn(node).forEach((id) => ids.add(id))
  }
  for (const windowId of scope.windowIds) if (index.windows.get(windowId)?.active) ids.add(windowId)
  return ids
}

/** The units from the top of the sector down to this one (ids). */
function unitChain(index: OrgIndex, unitId: number): number[] {
  const chain: number[] = []
  let node = index.units.get(unitId)
  while (node) {
    chain.unshift(node.unit.id)
    node = node.unit.parentId === null ? undefined : index.units.get(node.unit.parentId)
  }
  return chain
}

/** True when a unit is already in scope through its sector or a unit above it (so choosing it adds nothing). */
export function unitCovered(index: OrgIndex, scope: Scope, unitId: number): boolean {
  const sectorId = index.units.get(unitId)?.unit.sectorId
  if (sectorId !== undefined && scope.sectorIds.includes(sectorId)) return true
  return unitChain(index, unitId)
    .slice(0, -1)
    .some((id) => scope.unitIds.includes(id))
}

/** True when a window is in scope through its sector or one of its units. */
export function windowCovered(index: OrgIndex, scope: Scope, windowId: number): boolean {
  const unitId = index.windows.get(windowId)?.unitId
  if (unitId === undefined) return false
  return scope.unitIds.includes(unitId) || unitCovered(index, scope, unitId)
}

type Kind = 'sectorIds' | 'unitIds' | 'windowIds'

/** Adds or removes one sector, unit or window. */
export function toggleScope(scope: Scope, kind: Kind, id: number, on: boolean): Scope {
  const list = scope[kind].filter((x) => x !== id)
  return { ...scope, [kind]: on ? [...list, id] : list }
}
