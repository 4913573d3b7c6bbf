import { describe, expect, it } from 'vitest'
import { isIsoDate, localDayHour } from './time'

describe('localDayHour', () => {
  it('buckets in the deployment time zone, not UTC', () => {
    // 2026-11-20 17:30 UTC is already 01:30 on the 21st in Shanghai.
    expect(localDayHour(new Date('2026-11-20T17:30:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-11-21', hour: 1 })
    expect(localDayHour(new Date('2026-11-20T17:30:00Z'), 'UTC')).toEqual({ day: '2026-11-20', hour: 17 })
    expect(localDayHour(new Date('2026-11-20T16:00:00Z'), 'Asia/Shanghai')).toEqual({ day: '2026-11-21', hour: 0 })
  })
})

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-2-3')).toBe(false)
  })
})
