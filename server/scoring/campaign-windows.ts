import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { inScope, type Scope } from '../access/policy'

/** A window of a campaign with where it sits. */
export interface CampaignWindow {
  id: number
  name: string
  code: string
  unitId: number
  unitName: string
  sectorId: number
  sectorName: string
}

/** Where a dashboard looks: a sector, a unit or a window (each optional). */
export interface Place {
  sectorId?: number | undefined
  unitId?: number | undefined
  windowId?: number | undefined
}

/** Every window in a campaign's scope, with its unit and sector. */
export async function campaignWindows(db: Kysely<Database>, campaignId: number): Promise<CampaignWindow[]> {
  const rows = await db
    .selectFrom('campaign_windows as cw')
    .innerJoin('windows as w', 'w.id', 'cw.window_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .innerJoin('sectors as s', 's.id', 'u.sector_id')
    .select(['w.id', 'w.name', 'w.code', 'w.unit_id', 'u.name as unit_name', 'u.sector_id', 's.name as sector_name'])
    .where('cw.campaign_id', '=', campaignId)
    .orderBy('s.name')
    .orderBy('u.name')
    .orderBy('w.code')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, unitId: r.unit_id, unitName: r.unit_name, sectorId: r.sector_id, sectorName: r.sector_name }))
}

/** The windows a viewer looks at: inside their units and the chosen place. */
export const windowsAt = (windows: readonly CampaignWindow[], scope: Scope, place: Place) =>
  windows.filter(
    (w) =>
      inScope(scope, w.unitId) &&
      (place.sectorId === undefined || w.sectorId === place.sectorId) &&
      (place.unitId === undefined || w.unitId === place.unitId) &&
      (place.windowId === undefined || w.id === place.windowId),
  )

/** Whether a viewer looks at the whole campaign (so the campaign-wide counters answer). */
export const wholeCampaign = (scope: Scope, place: Place) => scope.all && place.sectorId === undefined && place.unitId === undefined && place.windowId === undefined
