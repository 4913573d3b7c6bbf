import type { CampaignScope } from '../../../shared/schemas/campaign'
import { indexOrg, unitPath, type OrgIndex } from '../org/tree-model'
import { windowsInScope } from './scope-model'

/**
 * The organisation cut down to a campaign's windows (with the units and sectors above them), so that a supervisor
 * can only be assigned to windows the campaign covers.
 */
export function campaignIndex(index: OrgIndex, scope: CampaignScope): OrgIndex {
  const windowIds = windowsInScope(index, scope)
  const windows = [...windowIds].map((id) => index.windows.get(id)!).filter(Boolean)
  const unitIds = new Set<number>()
  for (const w of windows) for (const u of unitPath(index, w.unitId)) unitIds.add(u.id)
  const units = [...unitIds].map((id) => index.units.get(id)!.unit)
  const sectorIds = new Set(units.map((u) => u.sectorId))
  const sectors = [...sectorIds].map((id) => index.sectors.get(id)?.sector).filter((s) => s !== undefined)
  return indexOrg({ sectors, units, windows })
}

/** An assignment's scope in words: the sectors, units and windows it names (a dash for those no longer known). */
export function scopeNames(index: OrgIndex, scope: CampaignScope): string[] {
  return [
    ...scope.sectorIds.map((id) => index.sectors.get(id)?.sector.name ?? `#${id}`),
    ...scope.unitIds.map((id) => index.units.get(id)?.unit.name ?? `#${id}`),
    ...scope.windowIds.map((id) => {
      const w = index.windows.get(id)
      return w ? `${w.code} ${w.name}` : `#${id}`
    }),
  ]
}
