import { isSet } from '../../db/convention'
import type { SectorRow, StaffRow, UnitRow, WindowRow } from '../../db/schema'
import type { Sector, Staff, Unit, Window, WindowKind } from '../../shared/schemas/org'

export const toSector = (r: SectorRow): Sector => ({
  id: r.id,
  name: r.name,
  code: r.code,
  active: isSet(r.active),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  sectorId: r.sector_id,
  parentId: r.parent_id,
  name: r.name,
  code: r.code,
  address: r.address,
  hotline: r.hotline,
  active: isSet(r.active),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const toWindow = (r: WindowRow & { staff_count: number | string | bigint | null }): Window => ({
  id: r.id,
  unitId: r.unit_id,
  code: r.code,
  name: r.name,
  kind: r.kind as WindowKind,
  location: r.location,
  openingHours: r.opening_hours,
  active: isSet(r.active),
  staffCount: Number(r.staff_count ?? 0),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const toStaff = (r: StaffRow): Staff => ({
  id: r.id,
  unitId: r.unit_id,
  windowId: r.window_id,
  employeeNo: r.employee_no,
  name: r.name,
  active: isSet(r.active),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
