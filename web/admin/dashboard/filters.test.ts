import { describe, expect, it } from 'vitest'
import { satisfactionRate, wilsonInterval } from '../../../shared/scoring/rates'
import { campaign, overview } from './dashboard-fixture'
import { dashboardHref, defaultPeriod, drillLevel, filtersQuery, NO_FILTERS, periodRange, readFilters, scopeQuery, windowHref } from './filters'
import { bucketTrend } from './trend'

const q = (s: string) => new URLSearchParams(s)

describe('dashboard filters in the address', () => {
  it('reads every filter back as it was written, and leaves defaults out of the address', () => {
    const search = 'campaign=7&period=custom&from=2026-11-02&to=2026-11-15&grain=week&sector=1&unit=11&window=103&channel=kiosk&who=supervisors&sort=composite'
    const f = readFilters(q(search))
    expect(f).toEqual({
      campaignId: 7,
      period: 'custom',
      from: '2026-11-02',
      to: '2026-11-15',
      grain: 'week',
      sectorId: 1,
      unitId: 11,
      windowId: 103,
      channel: 'kiosk',
      respondents: 'supervisors',
      method: 'composite',
    })
    expect(filtersQuery(f).toString()).toBe(search)
    expect(dashboardHref(NO_FILTERS)).toBe('/dashboard')
    expect(windowHref(103, f)).toBe('/dashboard/windows/103?campaign=7&period=custom&from=2026-11-02&to=2026-11-15&grain=week&sector=1&unit=11&channel=kiosk&who=supervisors&sort=composite')
  })

  it('ignores what it cannot read (a forged or stale address still opens the page)', () => {
    const f = readFilters(q('campaign=abc&period=year&from=2026-13-40&sector=-1&channel=fax&who=robots&grain=hour&sort=random'))
    expect(f).toEqual(NO_FILTERS)
    // dates only count with the custom period
    expect(readFilters(q('period=month&from=2026-11-02')).from).toBeNull()
  })
})

describe('periods', () => {
  const on = '2026-03-15'
  it('asks for whole calendar months, the last 7 or 30 days including today, or the campaign’s own dates', () => {
    expect(periodRange('month', { from: null, to: null }, on)).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    expect(periodRange('lastMonth', { from: null, to: null }, on)).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodRange('lastMonth', { from: null, to: null }, '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(periodRange('last7', { from: null, to: null }, on)).toEqual({ from: '2026-03-09', to: '2026-03-15' })
    expect(periodRange('last30', { from: null, to: null }, on)).toEqual({ from: '2026-02-14', to: '2026-03-15' })
    expect(periodRange('campaign', { from: null, to: null }, on)).toEqual({})
    expect(periodRange('custom', { from: '2026-01-05', to: null }, on)).toEqual({ from: '2026-01-05' })
  })

  it('opens on this month while the campaign runs, else on the whole campaign', () => {
    expect(defaultPeriod(campaign(), '2026-11-21')).toBe('month')
    expect(defaultPeriod(campaign({ status: 'closed' }), '2026-11-21')).toBe('campaign')
    expect(defaultPeriod(campaign(), '2027-02-01')).toBe('campaign')
  })

  it('sends the place, channel and period to the API', () => {
    const f = { ...NO_FILTERS, campaignId: 7, sectorId: 1, unitId: 11, channel: 'qr' as const, period: 'last7' as const }
    expect(scopeQuery(f, campaign(), '2026-11-21')).toEqual({ from: '2026-11-15', to: '2026-11-21', sectorId: '1', unitId: '11', channel: 'qr' })
  })
})

describe('drill-down level', () => {
  it('goes sector → unit → window → staff, and starts lower for someone who sees one sector or one unit', () => {
    const org = { sectors: 3, units: 9 }
    expect(drillLevel({ sectorId: null, unitId: null, windowId: null }, org)).toBe('sector')
    expect(drillLevel({ sectorId: 1, unitId: null, windowId: null }, org)).toBe('unit')
    expect(drillLevel({ sectorId: 1, unitId: 11, windowId: null }, org)).toBe('window')
    expect(drillLevel({ sectorId: 1, unitId: 11, windowId: 103 }, org)).toBe('staff')
    expect(drillLevel({ sectorId: null, unitId: null, windowId: null }, { sectors: 1, units: 4 })).toBe('unit')
    expect(drillLevel({ sectorId: null, unitId: null, windowId: null }, { sectors: 1, units: 1 })).toBe('window')
  })
})

describe('trend buckets', () => {
  it('sums days into weeks (Monday first) and months with the shared scoring functions, never averaging daily rates', () => {
    const { trend } = overview()
    const weeks = bucketTrend(trend, 'week')
    expect(weeks.map((w) => [w.start, w.end, w.n, w.satisfied])).toEqual([
      ['2026-11-16', '2026-11-18', 300, 284],
      ['2026-11-23', '2026-11-23', 40, 38],
    ])
    expect(weeks[0]!.rate).toBe(satisfactionRate({ 5: 284, 1: 16 }, [5]).rate)
    expect(weeks[0]!.rate).toBeCloseTo(284 / 300, 12)
    expect(weeks[0]!.interval).toEqual(wilsonInterval(284, 300))
    const months = bucketTrend(trend, 'month')
    expect(months.map((m) => [m.start, m.n, m.satisfied])).toEqual([['2026-11-01', 340, 322]])
    // a day keeps the server's rate
    expect(bucketTrend(trend, 'day').map((d) => d.rate)).toEqual([0.95, 0.9, 0.975, 0.95])
  })
})
