// The numbers of the product brief ("The numbers"), as pure functions: every screen, export and published page
// works them out here, so the same thing always shows the same figure. Full precision; rounding is for display.

/** Counts of valid responses by overall level (1–5). Missing levels count 0. */
export type LevelCounts = Partial<Record<1 | 2 | 3 | 4 | 5, number>>

/** The default satisfied levels: 非常满意, 满意, 基本满意. */
export const DEFAULT_SATISFIED_LEVELS: readonly number[] = [5, 4, 3]
/** The default index mapping: 5→100, 4→80, 3→60, 2→30, 1→0. */
export const DEFAULT_INDEX_MAPPING: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = { 5: 100, 4: 80, 3: 60, 2: 30, 1: 0 }
const LEVELS = [1, 2, 3, 4, 5] as const

/** How many responses the counts hold. */
export const total = (counts: LevelCounts) => LEVELS.reduce((n, l) => n + (counts[l] ?? 0), 0)

/** 满意率: satisfied / total on the overall rating; null when there is no response (never a made-up 0 or 100%). */
export function satisfactionRate(counts: LevelCounts, satisfiedLevels: readonly number[] = DEFAULT_SATISFIED_LEVELS): { n: number; satisfied: number; rate: number | null } {
  const n = total(counts)
  const satisfied = LEVELS.filter((l) => satisfiedLevels.includes(l)).reduce((s, l) => s + (counts[l] ?? 0), 0)
  return { n, satisfied, rate: n > 0 ? satisfied / n : null }
}

/** 满意度指数: the mean of the overall rating mapped to 0–100; null when there is no response. */
export function satisfactionIndex(counts: LevelCounts, mapping: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> = DEFAULT_INDEX_MAPPING): number | null {
  const n = total(counts)
  if (n === 0) return null
  return LEVELS.reduce((s, l) => s + (counts[l] ?? 0) * mapping[l], 0) / n
}

/** 差评率: levels 1 and 2 over the total; null when there is no response. */
export function badReviewRate(counts: LevelCounts): number | null {
  const n = total(counts)
  return n > 0 ? ((counts[1] ?? 0) + (counts[2] ?? 0)) / n : null
}

/** The 95% Wilson score interval of a proportion (z = 1.96); null for n = 0. */
export function wilsonInterval(successes: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n <= 0) return null
  if (successes < 0 || successes > n) throw new RangeError(`successes ${successes} outside 0…${n}`)
  const p = successes / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const denominator = 1 + z2 / n
  return { low: Math.max(0, (centre - margin) / denominator), high: Math.min(1, (centre + margin) / denominator) }
}

/** Whether a window reaches the target: attained, not attained, or 样本不足 below the minimum sample. */
export type Attainment = 'attained' | 'not_attained' | 'insufficient'
export function attainment(rate: number | null, n: number, target: number, minSample: number): Attainment {
  if (n < minSample || rate === null) return 'insufficient'
  return rate >= target ? 'attained' : 'not_attained'
}
