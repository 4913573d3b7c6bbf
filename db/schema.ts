import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Conventions for both dialects: instants are ISO-8601 UTC text ("2026-11-21T08:30:00.000Z", sortable as text),
// booleans are integers 0/1, ids are integer identities.

/** 0 or 1: how booleans are stored. */
export type Flag = 0 | 1

export interface SectorTable {
  id: Generated<number>
  name: string
  code: string | null
  active: Flag
  created_at: string
  updated_at: string
}

export interface UnitTable {
  id: Generated<number>
  sector_id: number
  parent_id: number | null
  name: string
  code: string | null
  address: string | null
  hotline: string | null
  active: Flag
  created_at: string
  updated_at: string
}

export interface WindowTable {
  id: Generated<number>
  unit_id: number
  code: string
  name: string
  kind: string
  location: string | null
  opening_hours: string | null
  active: Flag
  created_at: string
  updated_at: string
}

export interface StaffTable {
  id: Generated<number>
  unit_id: number
  window_id: number
  employee_no: string
  name: string
  active: Flag
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  role: string
  password_hash: string
  active: Flag
  must_change_password: Flag
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export interface UserUnitTable {
  user_id: number
  unit_id: number
}

export interface SessionTable {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  id: string
  user_id: number
  expires_at: string
  created_at: string
  renewed_at: string
}

export interface LoginThrottleTable {
  /** "user:<name>" or "client:<hashed address>" */
  key: string
  failures: number
  first_failure_at: string
  locked_until: string | null
}

export interface Database {
  sectors: SectorTable
  units: UnitTable
  windows: WindowTable
  staff: StaffTable
  users: UserTable
  user_units: UserUnitTable
  sessions: SessionTable
  login_throttle: LoginThrottleTable
}

export type SectorRow = Selectable<SectorTable>
export type UnitRow = Selectable<UnitTable>
export type WindowRow = Selectable<WindowTable>
export type StaffRow = Selectable<StaffTable>
export type UserRow = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
