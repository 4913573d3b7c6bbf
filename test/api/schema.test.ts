import { describe, expect, it } from 'vitest'
import { useHarness } from '../support/harness'

const h = useHarness()

/** The migrated schema, as both dialects must have it: table → column → nullable. */
const EXPECTED: Record<string, Record<string, boolean>> = {
  sectors: { id: false, name: false, code: true, active: false, created_at: false, updated_at: false },
  units: { id: false, sector_id: false, parent_id: true, name: false, code: true, address: true, hotline: true, active: false, created_at: false, updated_at: false },
  windows: { id: false, unit_id: false, code: false, name: false, kind: false, location: true, opening_hours: true, active: false, created_at: false, updated_at: false },
  staff: { id: false, unit_id: false, window_id: false, employee_no: false, name: false, active: false, created_at: false, updated_at: false },
  users: {
    id: false, username: false, display_name: false, role: false, password_hash: false, active: false, must_change_password: false,
    last_login_at: true, created_at: false, updated_at: false,
  },
  user_units: { user_id: false, unit_id: false },
  sessions: { id: false, user_id: false, expires_at: false, created_at: false, renewed_at: false },
  login_throttle: { key: false, failures: false, first_failure_at: false, locked_until: true },
}

describe('migrations', () => {
  it('build the same tables and columns on this dialect', async () => {
    const tables = await h().db.introspection.getTables()
    const actual = Object.fromEntries(
      tables
        .filter((t) => !t.name.startsWith('schema_migrations'))
        .map((t) => [t.name, Object.fromEntries(t.columns.map((c) => [c.name, c.isNullable]))]),
    )
    expect(actual).toEqual(EXPECTED)
  })

  it('keep ids as integer identities and refuse a duplicate window code in one unit', async () => {
    const at = new Date().toISOString()
    const sector = await h().db.insertInto('sectors').values({ name: '测试', code: null, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
    expect(Number.isInteger(sector.id)).toBe(true)
    const unit = await h().db
      .insertInto('units')
      .values({ sector_id: sector.id, parent_id: null, name: 'U', code: null, address: null, hotline: null, active: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    const window = { unit_id: unit.id, code: 'A-1', name: 'W', kind: 'window', location: null, opening_hours: null, active: 1 as const, created_at: at, updated_at: at }
    await h().db.insertInto('windows').values(window).execute()
    await expect(h().db.insertInto('windows').values(window).execute()).rejects.toThrow()
    // foreign keys are enforced on both dialects
    await expect(h().db.insertInto('windows').values({ ...window, unit_id: 999999, code: 'B' }).execute()).rejects.toThrow()
  })
})
