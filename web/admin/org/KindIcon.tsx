import type { UiKey } from '../../../shared/i18n'
import type { WindowKind } from '../../../shared/schemas/org'

/** 窗口 / 站点 / 班组 */
export const KIND_KEYS: Record<WindowKind, UiKey> = { window: 'kindWindow', station: 'kindStation', team: 'kindTeam' }

const PATHS: Record<WindowKind | 'sector' | 'unit', string> = {
  // stacked layers
  sector: 'M8 2l6 3-6 3-6-3 6-3zM2 8l6 3 6-3M2 11l6 3 6-3',
  // a building
  unit: 'M3 14V3.5h6.5V14M9.5 6.5H13V14M1.5 14h13M5 6h2M5 8.5h2M5 11h2M11 9h.5M11 11.5h.5',
  // a service counter
  window: 'M2 6.5h12M3 6.5V14M13 6.5V14M2 14h12M5 3.5h6v3H5z',
  // a map pin
  station: 'M8 14.5s4.5-4.2 4.5-7.8a4.5 4.5 0 00-9 0c0 3.6 4.5 7.8 4.5 7.8zM8 8.3a1.6 1.6 0 100-3.2 1.6 1.6 0 000 3.2z',
  // people
  team: 'M6 7a2.2 2.2 0 100-4.4A2.2 2.2 0 006 7zM1.8 13.5c0-2.4 1.9-4.2 4.2-4.2s4.2 1.8 4.2 4.2M11 3a2 2 0 010 3.8M12 9.5c1.3.5 2.2 2 2.2 4',
}

/** A small line icon for a sector, unit, window, station or team. */
export function KindIcon({ kind }: { kind: keyof typeof PATHS }) {
  return (
    <svg class={`kind-icon kind-${kind}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={PATHS[kind]} stroke="currentColor" stroke-width="1.3" fill="none" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  )
}
