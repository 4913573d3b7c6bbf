import { describe, expect, it } from 'vitest'
import { buildOrgTree } from './org-tree'
import type { Sector, Unit, Window } from './schemas/org'

const t = '2026-01-01T00:00:00.000Z'
const sector = (id: number, name: string): Sector => ({ id, name, code: null, active: true, createdAt: t, updatedAt: t })
const unit = (id: number, sectorId: number, parentId: number | null, name: string): Unit => ({
  id, sectorId, parentId, name, code: null, address: null, hotline: null, active: true, createdAt: t, updatedAt: t,
})
const win = (id: number, unitId: number, code: string): Window => ({
  id, unitId, code, name: code, kind: 'window', location: null, openingHours: null, active: true, staffCount: 0, createdAt: t, updatedAt: t,
})

describe('buildOrgTree', () => {
  it('nests units to any depth and sorts windows by code naturally', () => {
    const tree = buildOrgTree({
      sectors: [sector(1, '供水'), sector(2, '公交')],
      units: [unit(10, 1, null, '供水集团'), unit(11, 1, 10, '城东营业所'), unit(12, 1, 11, '一班')],
      windows: [win(1, 11, 'A-10'), win(2, 11, 'A-2'), win(3, 12, 'B-1')],
    })
    const water = tree.find((s) => s.sector.name === '供水')!
    expect(water.units[0]!.unit.name).toBe('供水集团')
    const east = water.units[0]!.children[0]!
    expect(east.windows.map((w) => w.code)).toEqual(['A-2', 'A-10'])
    expect(east.children[0]!.windows[0]!.code).toBe('B-1')
    expect(tree.find((s) => s.sector.name === '公交')!.units).toEqual([])
  })

  it('shows a scoped unit as a root when its parent is out of view', () => {
    const tree = buildOrgTree({ sectors: [sector(1, '供水')], units: [unit(11, 1, 10, '城东营业所')], windows: [] })
    expect(tree[0]!.units.map((u) => u.unit.name)).toEqual(['城东营业所'])
  })
})
