import type { OrgTree, Sector, Unit, Window } from './schemas/org'

export interface UnitNode {
  unit: Unit
  children: UnitNode[]
  windows: Window[]
}
export interface SectorNode {
  sector: Sector
  units: UnitNode[]
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN')

/** Nests the flat organisation into sector → unit → sub-unit → window; units whose parent is out of view become roots. */
export function buildOrgTree(tree: OrgTree): SectorNode[] {
  const nodes = new Map<number, UnitNode>(tree.units.map((u) => [u.id, { unit: u, children: [], windows: [] }]))
  for (const w of tree.windows) nodes.get(w.unitId)?.windows.push(w)
  const roots = new Map<number, UnitNode[]>()
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId)
    if (parent) parent.children.push(node)
    else roots.set(node.unit.sectorId, [...(roots.get(node.unit.sectorId) ?? []), node])
  }
  const sortNode = (n: UnitNode) => {
    n.children.sort((a, b) => byName(a.unit, b.unit))
    n.windows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    n.children.forEach(sortNode)
  }
  return [...tree.sectors].sort(byName).map((sector) => {
    const units = (roots.get(sector.id) ?? []).sort((a, b) => byName(a.unit, b.unit))
    units.forEach(sortNode)
    return { sector, units }
  })
}
