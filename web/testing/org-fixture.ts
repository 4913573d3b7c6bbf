import type { OrgTree, Sector, Unit, Window } from '../../shared/schemas/org'

const at = '2026-11-21T01:00:00.000Z'
const sector = (id: number, name: string, active = true): Sector => ({ id, name, code: null, active, createdAt: at, updatedAt: at })
const unit = (id: number, sectorId: number, parentId: number | null, name: string, active = true): Unit => ({
  id,
  sectorId,
  parentId,
  name,
  code: null,
  address: null,
  hotline: null,
  active,
  createdAt: at,
  updatedAt: at,
})
const window = (id: number, unitId: number, code: string, name: string, staffCount: number, active = true): Window => ({
  id,
  unitId,
  code,
  name,
  kind: 'window',
  location: null,
  openingHours: null,
  active,
  staffCount,
  createdAt: at,
  updatedAt: at,
})

/** A small organisation as GET /api/org/tree returns it: flat, in no particular order. */
export const orgTree: OrgTree = {
  sectors: [sector(2, '燃气'), sector(1, '供水'), sector(3, '公交', false)],
  units: [
    unit(11, 1, 10, '客户服务中心'),
    unit(10, 1, null, '示范市水务集团（演示）'),
    unit(12, 1, 10, '城东营业所'),
    unit(20, 2, null, '示范市燃气集团（演示）'),
    unit(13, 1, 12, '东湖服务点', false),
  ],
  windows: [
    window(101, 11, 'A-01', '综合受理窗口', 2),
    window(103, 11, 'A-03', '水费缴纳窗口', 3),
    window(121, 12, 'E-01', '维修报修窗口', 1),
    window(201, 20, 'G-01', '开户报装窗口', 0),
    window(102, 11, 'A-02', '用水报装窗口', 1, false),
  ],
}
