import { describe, expect, it } from 'vitest'
import type { SectorNode, UnitNode } from '../../../shared/org-tree'
import { orgTree } from '../../testing/org-fixture'
import { ancestorKeys, breadcrumb, filterTree, indexOrg, windowTotal } from './tree-model'

/** The tree as indented names, the way the page shows it fully opened. */
function outline(roots: SectorNode[]): string[] {
  const lines: string[] = []
  const unit = (u: UnitNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${u.unit.name}`)
    u.children.forEach((c) => unit(c, depth + 1))
    u.windows.forEach((w) => lines.push(`${'  '.repeat(depth + 1)}${w.code} ${w.name}`))
  }
  for (const s of roots) {
    lines.push(s.sector.name)
    s.units.forEach((u) => unit(u, 1))
  }
  return lines
}

describe('tree model', () => {
  const index = indexOrg(orgTree)

  it('leaves deactivated items out unless asked', () => {
    expect(outline(filterTree(index.roots, { query: '', showInactive: false }))).toEqual([
      '供水',
      '  示范市水务集团（演示）',
      '    城东营业所',
      '      E-01 维修报修窗口',
      '    客户服务中心',
      '      A-01 综合受理窗口',
      '      A-03 水费缴纳窗口',
      '燃气',
      '  示范市燃气集团（演示）',
      '    G-01 开户报装窗口',
    ])
    const all = outline(filterTree(index.roots, { query: '', showInactive: true }))
    expect(all).toContain('公交')
    expect(all).toContain('      东湖服务点')
    expect(all).toContain('      A-02 用水报装窗口')
  })

  it('keeps a matching unit with everything in it, and only the branches that lead to other matches', () => {
    expect(outline(filterTree(index.roots, { query: '客户', showInactive: false }))).toEqual([
      '供水',
      '  示范市水务集团（演示）',
      '    客户服务中心',
      '      A-01 综合受理窗口',
      '      A-03 水费缴纳窗口',
    ])
    expect(outline(filterTree(index.roots, { query: '  e-0 ', showInactive: false }))).toEqual(['供水', '  示范市水务集团（演示）', '    城东营业所', '      E-01 维修报修窗口'])
  })

  it('knows what to open to reveal a node, and its path', () => {
    expect(ancestorKeys(index, 'w103')).toEqual(['s1', 'u10', 'u11'])
    expect(ancestorKeys(index, 'u13')).toEqual(['s1', 'u10', 'u12'])
    expect(ancestorKeys(index, 's2')).toEqual([])
    expect(breadcrumb(index, 1, 13)).toEqual(['供水', '示范市水务集团（演示）', '城东营业所', '东湖服务点'])
    expect(windowTotal(index.units.get(10)!)).toBe(3)
    expect(windowTotal(index.units.get(10)!, true)).toBe(4)
  })
})
