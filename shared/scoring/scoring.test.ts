import { describe, expect, it } from 'vitest'
import { attainment, badReviewRate, satisfactionIndex, satisfactionRate, wilsonInterval } from './rates'
import { compositeScore, rank, stars, weightsProblem } from './ranking'

describe('rates (worked by hand)', () => {
  it('satisfaction rate, index and bad-review rate of 6 × 非常满意, 3 × 满意, 1 × 基本满意', () => {
    const counts = { 5: 6, 4: 3, 3: 1 }
    expect(satisfactionRate(counts)).toEqual({ n: 10, satisfied: 10, rate: 1 })
    expect(satisfactionIndex(counts)).toBe(90) // (6×100 + 3×80 + 1×60) / 10
    expect(badReviewRate(counts)).toBe(0)
  })

  it('1 × 非常满意, 1 × 不满意, 2 × 非常不满意: rate 25%, index 32.5, bad reviews 75%', () => {
    const counts = { 5: 1, 2: 1, 1: 2 }
    expect(satisfactionRate(counts).rate).toBe(0.25)
    expect(satisfactionIndex(counts)).toBe(32.5) // (100 + 30 + 0 + 0) / 4
    expect(badReviewRate(counts)).toBe(0.75)
  })

  it('counts only the campaign’s satisfied levels, and uses its own index mapping', () => {
    expect(satisfactionRate({ 5: 2, 4: 1, 3: 1 }, [5, 4]).rate).toBe(0.75)
    expect(satisfactionIndex({ 5: 1, 3: 1 }, { 5: 100, 4: 75, 3: 50, 2: 25, 1: 0 })).toBe(75)
  })

  it('n = 0: no rate, no index, no interval — never a made-up 0 or 100%', () => {
    expect(satisfactionRate({})).toEqual({ n: 0, satisfied: 0, rate: null })
    expect(satisfactionIndex({})).toBeNull()
    expect(badReviewRate({})).toBeNull()
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(attainment(null, 0, 0.95, 30)).toBe('insufficient')
  })

  it('Wilson interval: 980 of 1,000 is 96.93%–98.70%; 3 of 3 is 43.85%–100%; one response of one', () => {
    const big = wilsonInterval(980, 1000)!
    expect(big.low).toBeCloseTo(0.96931, 4)
    expect(big.high).toBeCloseTo(0.98702, 4)
    const small = wilsonInterval(3, 3)!
    expect(small.low).toBeCloseTo(0.43849, 4)
    expect(small.high).toBe(1)
    expect(wilsonInterval(0, 1)).toEqual({ low: 0, high: expect.closeTo(0.79345, 4) })
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError)
  })

  it('target attainment against 95%, with the minimum sample', () => {
    expect(attainment(0.96, 40, 0.95, 30)).toBe('attained')
    expect(attainment(0.95, 40, 0.95, 30)).toBe('attained') // ≥ target
    expect(attainment(0.94, 40, 0.95, 30)).toBe('not_attained')
    expect(attainment(1, 3, 0.95, 30)).toBe('insufficient')
  })
})

describe('ranking (worked by hand)', () => {
  it('3 of 3 does not outrank 980 of 1,000 by the Wilson lower bound, and is 样本不足 below the minimum', () => {
    const windows = [
      { id: 'small', n: 3, value: wilsonInterval(3, 3)!.low },
      { id: 'big', n: 1000, value: wilsonInterval(980, 1000)!.low },
    ]
    expect(rank(windows, 1).map((w) => [w.id, w.rank])).toEqual([
      ['big', 1],
      ['small', 2],
    ])
    expect(rank(windows, 30).map((w) => [w.id, w.rank])).toEqual([
      ['big', 1],
      ['small', null],
    ])
  })

  it('ties share a rank and the next rank skips (1, 1, 3, 4)', () => {
    const ranked = rank(
      [
        { id: 'c', n: 50, value: 0.9 },
        { id: 'a', n: 50, value: 0.95 },
        { id: 'd', n: 50, value: 0.8 },
        { id: 'b', n: 50, value: 0.95 },
      ],
      30,
    )
    expect(ranked.map((w) => [w.id, w.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
    ])
    expect(rank([], 30)).toEqual([])
  })

  it('composite: citizens 90 and supervisors 80 at 70/30 = 87; deductions, a missing part and the veto cap', () => {
    const parts = { citizenIndex: 90, supervisorMean: 80, inspectionScore: null, caseDeductions: 0 }
    expect(compositeScore(parts)).toBeCloseTo(87, 10) // 0.7 × 90 + 0.3 × 80
    expect(compositeScore({ ...parts, caseDeductions: 5 })).toBeCloseTo(82, 10)
    expect(compositeScore({ ...parts, supervisorMean: null })).toBe(90) // no visit yet: citizens carry the weight
    expect(compositeScore(parts, { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 }, { vetoed: true, cap: 60 })).toBe(60)
    expect(compositeScore({ citizenIndex: null, supervisorMean: null, inspectionScore: null, caseDeductions: 0 })).toBeNull()
    expect(compositeScore({ ...parts, caseDeductions: 200 })).toBe(0)
  })

  it('weights must sum to 100 and not be negative', () => {
    expect(weightsProblem({ citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 })).toBeNull()
    expect(weightsProblem({ citizenIndex: 60, supervisorMean: 20, inspectionScore: 20 })).toBeNull()
    expect(weightsProblem({ citizenIndex: 70, supervisorMean: 20, inspectionScore: 0 })).toBe('weights_not_100')
    expect(weightsProblem({ citizenIndex: 110, supervisorMean: -10, inspectionScore: 0 })).toBe('weights_negative')
    expect(() => compositeScore({ citizenIndex: 90, supervisorMean: 80, inspectionScore: null, caseDeductions: 0 }, { citizenIndex: 50, supervisorMean: 30, inspectionScore: 0 })).toThrow(RangeError)
  })

  it('stars by band: 98 → ★★★★★, 97.9 → ★★★★, 50 → ★, none → 0', () => {
    expect(stars(98)).toBe(5)
    expect(stars(97.9)).toBe(4)
    expect(stars(50)).toBe(1)
    expect(stars(null)).toBe(0)
    expect(stars(85, [{ stars: 3, min: 90 }])).toBe(0)
  })
})
