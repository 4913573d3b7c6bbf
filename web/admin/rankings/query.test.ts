import { describe, expect, it } from 'vitest'
import { campaign } from './ranking-fixture'
import { defaultPeriod, hasPrevious, periodRange, rankingsHref, readChoices, NO_CHOICES } from './query'

describe('rankings address and periods', () => {
  it('reads back what it writes, and ignores what it cannot read', () => {
    const choices = { ...NO_CHOICES, campaignId: 7, period: 'custom' as const, from: '2026-09-10', to: '2026-10-09', level: 'staff' as const, method: 'index' as const, sectorId: 1, unitId: 12, channel: 'paper' as const }
    const href = rankingsHref(choices)
    expect(readChoices(new URL(href, 'http://x').searchParams)).toEqual(choices)
    expect(rankingsHref(NO_CHOICES)).toBe('/rankings')
    expect(readChoices(new URLSearchParams('campaign=x&period=week&level=city&method=best&sector=-1&from=2026-13-45&channel=fax'))).toEqual(NO_CHOICES)
    // dates only count with the custom period
    expect(readChoices(new URLSearchParams('period=month&from=2026-09-10')).from).toBeNull()
  })

  it('asks for whole calendar months, last month across a new year', () => {
    expect(periodRange('month', { from: null, to: null }, '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(periodRange('lastMonth', { from: null, to: null }, '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodRange('campaign', { from: '2026-01-01', to: null })).toEqual({})
  })

  it('starts on this month while the campaign runs, else on the whole campaign', () => {
    expect(defaultPeriod(campaign(), '2026-11-21')).toBe('month')
    expect(defaultPeriod(campaign({ status: 'closed' }), '2026-11-21')).toBe('campaign')
    expect(defaultPeriod(campaign(), '2027-01-02')).toBe('campaign')
  })

  it('has no movement to show when the previous period is before the campaign', () => {
    expect(hasPrevious({ from: '2026-08-01', to: '2026-08-31' }, campaign())).toBe(false)
    expect(hasPrevious({ from: '2026-08-25', to: '2026-09-05' }, campaign())).toBe(true)
  })
})
