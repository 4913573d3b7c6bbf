import { describe, expect, it } from 'vitest'
import { orgTree } from '../../testing/org-fixture'
import { indexOrg } from '../org/tree-model'
import { EMPTY_SCOPE, toggleScope, unitCovered, windowCovered, windowsInScope } from './scope-model'

const index = indexOrg(orgTree)

describe('campaign scope', () => {
  it('counts the active windows the server will take in', () => {
    expect(windowsInScope(index, EMPTY_SCOPE).size).toBe(0)
    // 供水: 客户服务中心 A-01, A-03 (A-02 is deactivated) and 城东营业所 E-01
    expect([...windowsInScope(index, { ...EMPTY_SCOPE, sectorIds: [1] })].sort()).toEqual([101, 103, 121])
    expect([...windowsInScope(index, { ...EMPTY_SCOPE, unitIds: [12] })]).toEqual([121])
    // a window chosen on its own and again through its unit counts once; a deactivated window never
    expect(windowsInScope(index, { sectorIds: [], unitIds: [11], windowIds: [101, 102, 201] }).size).toBe(3)
  })

  it('marks what a chosen sector or unit already includes', () => {
    const scope = toggleScope(EMPTY_SCOPE, 'unitIds', 10, true)
    expect(unitCovered(index, scope, 11)).toBe(true)
    expect(unitCovered(index, scope, 10)).toBe(false)
    expect(windowCovered(index, scope, 103)).toBe(true)
    expect(windowCovered(index, scope, 201)).toBe(false)
    expect(unitCovered(index, { ...EMPTY_SCOPE, sectorIds: [2] }, 20)).toBe(true)
    expect(toggleScope(scope, 'unitIds', 10, false)).toEqual(EMPTY_SCOPE)
  })
})
