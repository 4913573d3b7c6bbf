import type { z } from 'zod'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { RankingLevel, RankingMethod, ResponseChannel } from '../../../shared/schemas/scoring'
import { TIME_ZONE } from '../../app/dates'

// The dashboard's filters live in the address (shareable, and the back button steps through them). This module reads
// and writes that address and turns the filters into API queries; it holds no figures.

export type Channel = z.infer<typeof ResponseChannel>
export type Level = z.infer<typeof RankingLevel>
export type Method = z.infer<typeof RankingMethod>
/** 本月 / 上月 / 近7天 / 近30天 / 整个活动 / 自定义 */
export type PeriodPreset = 'month' | 'lastMonth' | 'last7' | 'last30' | 'campaign' | 'custom'
export type Grain = 'day' | 'week' | 'month'
/** Whose figures: everyone's, the citizens' responses only, or the supervisors' visits only. */
export type Respondents = 'all' | 'citizens' | 'supervisors'

export const CHANNELS: readonly Channel[] = ['qr', 'kiosk', 'hotline', 'paper']
export const PERIODS: readonly PeriodPreset[] = ['month', 'lastMonth', 'last7', 'last30', 'campaign', 'custom']
export const GRAINS: readonly Grain[] = ['day', 'week', 'month']
export const METHODS: readonly Method[] = ['wilson', 'rate', 'index', 'composite']
const RESPONDENTS: readonly Respondents[] = ['all', 'citizens', 'supervisors']

export interface DashboardFilters {
  campaignId: number | null
  /** null: the default for the campaign (本月 while it runs, else 整个活动). */
  period: PeriodPreset | null
  /** Only with the custom period. */
  from: string | null
  to: string | null
  grain: Grain
  sectorId: number | null
  unitId: number | null
  windowId: number | null
  channel: Channel | null
  respondents: Respondents
  method: Method
}

export const NO_FILTERS: DashboardFilters = {
  campaignId: null,
  period: null,
  from: null,
  to: null,
  grain: 'day',
  sectorId: null,
  unitId: null,
  windowId: null,
  channel: null,
  respondents: 'all',
  method: 'wilson',
}

const id = (v: string | null) => (v !== null && /^\d{1,10}$/.test(v) && Number(v) > 0 ? Number(v) : null)
const date = (v: string | null) => (v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : null)
const oneOf = <T extends string>(v: string | null, options: readonly T[]): T | null => (options as readonly string[]).includes(v ?? '') ? (v as T) : null

/** The filters the address holds; anything unreadable falls back to its default. */
export function readFilters(search: URLSearchParams): DashboardFilters {
  const period = oneOf(search.get('period'), PERIODS)
  return {
    campaignId: id(search.get('campaign')),
    period,
    from: period === 'custom' ? date(search.get('from')) : null,
    to: period === 'custom' ? date(search.get('to')) : null,
    grain: oneOf(search.get('grain'), GRAINS) ?? 'day',
    sectorId: id(search.get('sector')),
    unitId: id(search.get('unit')),
    windowId: id(search.get('window')),
    channel: oneOf(search.get('channel'), CHANNELS),
    respondents: oneOf(search.get('who'), RESPONDENTS) ?? 'all',
    method: oneOf(search.get('sort'), METHODS) ?? 'wilson',
  }
}

/** The query string for these filters (defaults left out, so that a plain /dashboard stays plain). */
export function filtersQuery(f: DashboardFilters, options: { omitWindow?: boolean } = {}): URLSearchParams {
  const q = new URLSearchParams()
  if (f.campaignId !== null) q.set('campaign', String(f.campaignId))
  if (f.period !== null) q.set('period', f.period)
  if (f.period === 'custom' && f.from) q.set('from', f.from)
  if (f.period === 'custom' && f.to) q.set('to', f.to)
  if (f.grain !== 'day') q.set('grain', f.grain)
  if (f.sectorId !== null) q.set('sector', String(f.sectorId))
  if (f.unitId !== null) q.set('unit', String(f.unitId))
  if (f.windowId !== null && !options.omitWindow) q.set('window', String(f.windowId))
  if (f.channel !== null) q.set('channel', f.channel)
  if (f.respondents !== 'all') q.set('who', f.respondents)
  if (f.method !== 'wilson') q.set('sort', f.method)
  return q
}

const withQuery = (path: string, q: URLSearchParams) => (q.size > 0 ? `${path}?${q}` : path)

/** The dashboard's address for these filters. */
export const dashboardHref = (f: DashboardFilters) => withQuery('/dashboard', filtersQuery(f))

/** A window's page with the same campaign, period and channel (the window itself is in the path). */
export const windowHref = (windowId: number, f: DashboardFilters) => withQuery(`/dashboard/windows/${windowId}`, filtersQuery({ ...f, windowId: null }))

// ---- periods ------------------------------------------------------------------------------------------------------

/** Today in the deployment's zone (YYYY-MM-DD). */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

const utc = (d: string) => new Date(`${d}T00:00:00Z`)
const iso = (d: Date) => d.toISOString().slice(0, 10)
/** A calendar date moved by whole days. */
export const addDays = (d: string, days: number) => iso(new Date(utc(d).getTime() + days * 86_400_000))
const monthStart = (d: string) => `${d.slice(0, 7)}-01`
const monthEnd = (d: string) => {
  const next = utc(monthStart(d))
  next.setUTCMonth(next.getUTCMonth() + 1)
  return addDays(iso(next), -1)
}

/** The period shown when the address names none: this month while the campaign runs, else the whole campaign. */
export function defaultPeriod(campaign: Pick<Campaign, 'status' | 'startsOn' | 'endsOn'> | null, on = today()): PeriodPreset {
  if (campaign && campaign.status === 'active' && campaign.startsOn <= on && on <= campaign.endsOn) return 'month'
  return 'campaign'
}

/**
 * The dates a period asks the API for. Calendar months are whole months (so that the server compares month with
 * month); the whole campaign sends no dates (the server uses the campaign's own).
 */
export function periodRange(period: PeriodPreset, custom: { from: string | null; to: string | null }, on = today()): { from?: string; to?: string } {
  switch (period) {
    case 'month':
      return { from: monthStart(on), to: monthEnd(on) }
    case 'lastMonth': {
      const last = addDays(monthStart(on), -1)
      return { from: monthStart(last), to: last }
    }
    case 'last7':
      return { from: addDays(on, -6), to: on }
    case 'last30':
      return { from: addDays(on, -29), to: on }
    case 'campaign':
      return {}
    case 'custom':
      return { ...(custom.from ? { from: custom.from } : {}), ...(custom.to ? { to: custom.to } : {}) }
  }
}

// ---- API queries --------------------------------------------------------------------------------------------------

export type ScopeQuery = { from?: string; to?: string; sectorId?: string; unitId?: string; windowId?: string; channel?: Channel }

/** The query of the overview (and of a ranking, with its level and method): period, place and channel. */
export function scopeQuery(f: DashboardFilters, campaign: Campaign | null, on = today()): ScopeQuery {
  const q: ScopeQuery = { ...periodRange(f.period ?? defaultPeriod(campaign, on), f, on) }
  if (f.sectorId !== null) q.sectorId = String(f.sectorId)
  if (f.unitId !== null) q.unitId = String(f.unitId)
  if (f.windowId !== null) q.windowId = String(f.windowId)
  if (f.channel !== null) q.channel = f.channel
  return q
}

/** What the drill-down lists at these filters: the sectors, a sector's units, a unit's windows, a window's staff. */
export function drillLevel(f: Pick<DashboardFilters, 'sectorId' | 'unitId' | 'windowId'>, org: { sectors: number; units: number }): Level {
  if (f.windowId !== null) return 'staff'
  if (f.unitId !== null) return 'window'
  if (f.sectorId !== null) return 'unit'
  // A manager of one unit starts at its windows; of one sector, at its units.
  if (org.units === 1) return 'window'
  if (org.sectors === 1) return 'unit'
  return 'sector'
}
