import { describe, expect, it } from 'vitest'
import { addDays, isWholeMonth, lastMonth, monthEnd, previousPeriod, splitByMonths } from './period'

describe('periods of local days', () => {
  it('knows month ends, leap years included', () => {
    expect(monthEnd('2026-02-10')).toBe('2026-02-28')
    expect(monthEnd('2028-02-01')).toBe('2028-02-29')
    expect(monthEnd('2026-12-31')).toBe('2026-12-31')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('compares a month with the month before, any other period with as many days just before', () => {
    expect(isWholeMonth({ from: '2026-10-01', to: '2026-10-31' })).toBe(true)
    expect(previousPeriod({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-09-01', to: '2026-09-30' })
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-16' })).toEqual({ from: '2026-11-03', to: '2026-11-09' })
    expect(lastMonth('2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(lastMonth('2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('reads whole months from monthly counters and only the edges day by day', () => {
    const campaign = { from: '2026-08-23', to: '2026-12-31' }
    // The whole campaign: every month is whole once clipped to the campaign (no data exists outside it).
    expect(splitByMonths(campaign, campaign)).toEqual({ months: ['2026-08', '2026-09', '2026-10', '2026-11', '2026-12'], days: [] })
    // A custom period: partial months at both ends.
    expect(splitByMonths({ from: '2026-09-15', to: '2026-11-10' }, campaign)).toEqual({
      months: ['2026-10'],
      days: [
        { from: '2026-09-15', to: '2026-09-30' },
        { from: '2026-11-01', to: '2026-11-10' },
      ],
    })
    // Inside one month: days only.
    expect(splitByMonths({ from: '2026-10-03', to: '2026-10-09' }, campaign)).toEqual({ months: [], days: [{ from: '2026-10-03', to: '2026-10-09' }] })
    // Outside the campaign: nothing to read.
    expect(splitByMonths({ from: '2026-06-01', to: '2026-07-31' }, campaign)).toEqual({ months: [], days: [] })
    // Starting before the campaign: August is whole from the campaign's first day.
    expect(splitByMonths({ from: '2026-08-01', to: '2026-08-31' }, campaign)).toEqual({ months: ['2026-08'], days: [] })
  })
})
