import { describe, expect, it } from 'vitest'
import { can, inScope, subtreeOf, type Actor } from './policy'

const actor = (role: Actor['role']): Actor => ({ id: 1, username: 'u', role, unitIds: [] })

describe('policy', () => {
  it('gives each role exactly its actions', () => {
    expect(can(actor('admin'), 'users.manage')).toBe(true)
    expect(can(actor('manager'), 'org.write.windows')).toBe(true)
    expect(can(actor('manager'), 'org.write.structure')).toBe(false)
    expect(can(actor('manager'), 'users.manage')).toBe(false)
    expect(can(actor('viewer'), 'org.read')).toBe(true)
    expect(can(actor('viewer'), 'org.write.windows')).toBe(false)
    expect(can(actor('supervisor'), 'org.read')).toBe(false)
  })

  it('scopes a unit to its whole subtree, and nothing beside it', () => {
    const units = [
      { id: 1, parent_id: null },
      { id: 2, parent_id: 1 },
      { id: 3, parent_id: 2 },
      { id: 4, parent_id: null },
      { id: 5, parent_id: 4 },
    ]
    const scope = { all: false as const, unitIds: subtreeOf(units, [2]) }
    expect([1, 2, 3, 4, 5].filter((id) => inScope(scope, id))).toEqual([2, 3])
    expect(inScope({ all: true }, 5)).toBe(true)
  })
})
