import type { z } from 'zod'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { RankingLevel, RankingMethod, ResponseChannel } from '../../../shared/schemas/scoring'
import { lastMonth, monthEnd } from '../../../shared/scoring/period'
import { TIME_ZONE } from '../../app/dates'

// The rankings page keeps its choices in the address (shareable; the back button steps through them). This module
// reads and writes that address and turns the choices into API queries and download links; it holds no figures.

export type Level = z.infer<typeof RankingLevel>
export type Method = z.infer<typeof RankingMethod>
export type Channel = z.infer<typeof ResponseChannel>
/** 本月 / 上月 / 整个活动 / 自定义 */
export type PeriodPreset = 'month' | 'lastMonth' | 'campaign' | 'custom'

export const LEVELS: readonly Level[] = ['window', 'unit', 'sector', 'staff']
export const METHODS: readonly Method[] = ['wilson', 'rate', 'index', 'composite']
export const CHANNELS: readonly Channel[] = ['qr', 'kiosk', 'hotline', 'paper']
export const PERIODS: readonly PeriodPreset[] = ['month', 'lastMonth', 'campaign', 'custom']

export interface RankingChoices {
  campaignId: number | null
  /** null: the default for the campaign (本月 while it runs, else 整个活动). */
  period: PeriodPreset | null
  /** Only with the custom period. */
  from: string | null
  to: string | null
  level: Level
  method: Method
  sectorId: number | null
  unitId: number | null
  channel: Channel | null
}

export const NO_CHOICES: RankingChoices = { campaignId: null, period: null, from: null, to: null, level: 'window', method: 'wilson', sectorId: null, unitId: null, channel: null }

const id = (v: string | null) => (v !== null && /^\d{1,10}$/.test(v) && Number(v) > 0 ? Number(v) : null)
const date = (v: string | null) => (v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : null)
const oneOf = <T extends string>(v: string | null, options: readonly T[]): T | null => ((options as readonly string[]).includes(v ?? '') ? (v as T) : null)

/** The choices an address holds; anything unreadable falls back to its default. */
export function readChoices(search: URLSearchParams): RankingChoices {
  const period = oneOf(search.get('period'), PERIODS)
  return {
    campaignId: id(search.get('campaign')),
    period,
    from: period === 'custom' ? date(search.get('from')) : null,
    to: period === 'custom' ? date(search.get('to')) : null,
    level: oneOf(search.get('level'), LEVELS) ?? 'window',
    method: oneOf(search.get('method'), METHODS) ?? 'wilson',
    sectorId: id(search.get('sector')),
    unitId: id(search.get('unit')),
    channel: oneOf(search.get('channel'), CHANNELS),
  }
}

/** The address of these choices (defaults left out, so that a plain /rankings stays plain). */
export function rankingsHref(c: RankingChoices): string {
  const q = new URLSearchParams()
  if (c.campaignId !== null) q.set('campaign', String(c.campaignId))
  if (c.period !== null) q.set('period', c.period)
  if (c.period === 'custom' && c.from) q.set('from', c.from)
  if (c.period === 'custom' && c.to) q.set('to', c.to)
  if (c.level !== 'window') q.set('level', c.level)
  if (c.method !== 'wilson') q.set('method', c.method)
  if (c.sectorId !== null) q.set('sector', String(c.sectorId))
  if (c.unitId !== null) q.set('unit', String(c.unitId))
  if (c.channel !== null) q.set('channel', c.channel)
  return q.size > 0 ? `/rankings?${q}` : '/rankings'
}

// ---- periods ------------------------------------------------------------------------------------------------------

/** Today in the deployment's zone (YYYY-MM-DD). */
export const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

/** The period shown when the address names none: this month while the campaign runs, else the whole campaign. */
export function defaultPeriod(campaign: Pick<Campaign, 'status' | 'startsOn' | 'endsOn'> | null, on = today()): PeriodPreset {
  return campaign && campaign.status === 'active' && campaign.startsOn <= on && on <= campaign.endsOn ? 'month' : 'campaign'
}

/**
 * The dates a period asks the API for. Calendar months are whole months, so that the server compares a month with the
 * month before (环比); the whole campaign sends no dates (the server uses the campaign's own).
 */
export function periodRange(period: PeriodPreset, custom: { from: string | null; to: string | null }, on = today()): { from?: string; to?: string } {
  switch (period) {
    case 'month':
      return { from: `${on.slice(0, 7)}-01`, to: monthEnd(on) }
    case 'lastMonth':
      return lastMonth(on)
    case 'campaign':
      return {}
    case 'custom':
      return { ...(custom.from ? { from: custom.from } : {}), ...(custom.to ? { to: custom.to } : {}) }
  }
}

// ---- API queries and downloads ------------------------------------------------------------------------------------

export type PlaceQuery = { from?: string; to?: string; sectorId?: string; unitId?: string; channel?: Channel }
export type RankingQuery = PlaceQuery & { level: Level; method: Method }

/** Period, place and channel, as every ranking, export and dashboard query takes them. */
export function placeQuery(c: RankingChoices, campaign: Campaign | null, on = today()): PlaceQuery {
  const q: PlaceQuery = { ...periodRange(c.period ?? defaultPeriod(campaign, on), c, on) }
  if (c.sectorId !== null) q.sectorId = String(c.sectorId)
  if (c.unitId !== null) q.unitId = String(c.unitId)
  if (c.channel !== null) q.channel = c.channel
  return q
}

/** The ranking's query: the place plus level and method. */
export const rankingQuery = (c: RankingChoices, campaign: Campaign | null, on = today()): RankingQuery => ({ level: c.level, method: c.method, ...placeQuery(c, campaign, on) })

const download = (path: string, query: Record<string, string | undefined>) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v)
  return `${path}?${q}`
}

/** The ranking as a file, with the same level, method, period and filters as on screen. */
export const rankingExportHref = (campaignId: number, q: RankingQuery, format: 'csv' | 'xlsx') => download(`/api/campaigns/${campaignId}/rankings/export`, { ...q, format })

/** The raw responses behind the ranking (same period and filters) as a file; level and method do not apply. */
export function responsesExportHref(campaignId: number, q: RankingQuery, format: 'csv' | 'xlsx') {
  const { level: _level, method: _method, ...place } = q
  return download(`/api/campaigns/${campaignId}/responses/export`, { ...place, format })
}

/** A window's dashboard page for the same campaign and period. */
export function windowDashboardHref(windowId: number, campaignId: number, q: PlaceQuery): string {
  const search = new URLSearchParams({ campaign: String(campaignId) })
  if (q.from && q.to) {
    search.set('period', 'custom')
    search.set('from', q.from)
    search.set('to', q.to)
  }
  if (q.channel) search.set('channel', q.channel)
  return `/dashboard/windows/${windowId}?${search}`
}

/**
 * Whether the previous period (环比) can say anything: not when it lies wholly before the campaign started (there were
 * no responses then, so every rank would read as "new").
 */
export const hasPrevious = (previous: { from: string; to: string }, campaign: Pick<Campaign, 'startsOn'>) => previous.to >= campaign.startsOn
