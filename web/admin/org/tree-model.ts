import { buildOrgTree, type SectorNode, type UnitNode } from '../../../shared/org-tree'
import type { OrgTree, Sector, Unit, Window } from '../../../shared/schemas/org'

/** Addresses a node of the tree: s12 (sector), u34 (unit), w56 (window). */
export type NodeKey = `s${number}` | `u${number}` | `w${number}`
export const sectorKey = (id: number): NodeKey => `s${id}`
export const unitKey = (id: number): NodeKey => `u${id}`
export const windowKey = (id: number): NodeKey => `w${id}`

/** The nested organisation plus lookups by id. */
export interface OrgIndex {
  roots: SectorNode[]
  sectors: Map<number, SectorNode>
  units: Map<number, UnitNode>
  windows: Map<number, Window>
}

export function indexOrg(tree: OrgTree): OrgIndex {
  const roots = buildOrgTree(tree)
  const index: OrgIndex = { roots, sectors: new Map(), units: new Map(), windows: new Map() }
  const walk = (node: UnitNode) => {
    index.units.set(node.unit.id, node)
    for (const w of node.windows) index.windows.set(w.id, w)
    node.children.forEach(walk)
  }
  for (const s of roots) {
    index.sectors.set(s.sector.id, s)
    s.units.forEach(walk)
  }
  return index
}

/** The units from the top of the sector down to this one. */
export function unitPath(index: OrgIndex, unitId: number): Unit[] {
  const path: Unit[] = []
  let node = index.units.get(unitId)
  while (node) {
    path.unshift(node.unit)
    node = node.unit.parentId === null ? undefined : index.units.get(node.unit.parentId)
  }
  return path
}

/** The keys to expand so that the node is visible (its sector and every unit above it). */
export function ancestorKeys(index: OrgIndex, key: NodeKey): NodeKey[] {
  const id = Number(key.slice(1))
  const unitId = key.startsWith('w') ? index.windows.get(id)?.unitId : key.startsWith('u') ? index.units.get(id)?.unit.parentId : undefined
  const path = unitId === undefined || unitId === null ? [] : unitPath(index, unitId)
  const sectorId = key.startsWith('u') ? index.units.get(id)?.unit.sectorId : path[0]?.sectorId
  return [...(sectorId === undefined ? [] : [sectorKey(sectorId)]), ...path.map((u) => unitKey(u.id))]
}

/** Sector, then the unit path, as names: 燃气 / 示范市燃气集团 / 燃气营业厅. */
export function breadcrumb(index: OrgIndex, sectorId: number, unitId?: number): string[] {
  const sector: Sector | undefined = index.sectors.get(sectorId)?.sector
  return [...(sector ? [sector.name] : []), ...(unitId === undefined ? [] : unitPath(index, unitId).map((u) => u.name))]
}

/** Case-insensitive substring match on a name or code. */
export const matches = (query: string, ...texts: (string | null)[]) => texts.some((t) => t !== null && t.toLowerCase().includes(query))

export interface TreeFilter {
  query: string
  showInactive: boolean
}

/**
 * The part of the tree to show. Deactivated items are left out unless asked for. With a search, a sector or unit
 * whose name or code matches is shown with everything in it; otherwise only the branches leading to matches stay.
 */
export function filterTree(roots: SectorNode[], filter: TreeFilter): SectorNode[] {
  const query = filter.query.trim().toLowerCase()
  const visible = <T extends { active: boolean }>(item: T) => filter.showInactive || item.active

  const keepAll = (node: UnitNode): UnitNode => ({
    unit: node.unit,
    windows: node.windows.filter(visible),
    children: node.children.filter((c) => visible(c.unit)).map(keepAll),
  })
  const search = (node: UnitNode): UnitNode | null => {
    if (matches(query, node.unit.name, node.unit.code)) return keepAll(node)
    const children = node.children.filter((c) => visible(c.unit)).flatMap((c) => search(c) ?? [])
    const windows = node.windows.filter((w) => visible(w) && matches(query, w.name, w.code))
    return children.length > 0 || windows.length > 0 ? { unit: node.unit, children, windows } : null
  }

  return roots
    .filter((s) => visible(s.sector))
    .flatMap((s) => {
      const units = s.units.filter((u) => visible(u.unit))
      if (!query || matches(query, s.sector.name, s.sector.code)) return [{ sector: s.sector, units: units.map(keepAll) }]
      const found = units.flatMap((u) => search(u) ?? [])
      return found.length > 0 ? [{ sector: s.sector, units: found }] : []
    })
}

/** How many windows a unit has, itself and below (active ones, or all). */
export function windowTotal(node: UnitNode, includeInactive = false): number {
  const own = node.windows.filter((w) => includeInactive || w.active).length
  return own + node.children.filter((c) => includeInactive || c.unit.active).reduce((sum, c) => sum + windowTotal(c, includeInactive), 0)
}
