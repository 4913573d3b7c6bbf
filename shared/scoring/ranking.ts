// Rankings, composite scores and stars (the product brief, "The numbers").

/** What a ranking orders by: the Wilson lower bound of the rate (default), the raw rate, the index, or the composite. */
export type RankMethod = 'wilson' | 'rate' | 'index' | 'composite'

export interface Rankable {
  n: number
  /** The value the method orders by; null when there is nothing to order by. */
  value: number | null
}

/** A rank (1 = best) or null for 样本不足 (shown, not ranked). */
export type Ranked<T> = T & { rank: number | null }

/**
 * Ranks items by value, best first. Items below the minimum sample (or without a value) are not ranked. Ties share a
 * rank and the next rank skips (1, 2, 2, 4). Values equal to within 1e-12 count as ties (floating-point noise).
 */
export function rank<T extends Rankable>(items: readonly T[], minSample: number): Ranked<T>[] {
  const eligible = items.filter((i) => i.n >= minSample && i.value !== null).sort((a, b) => b.value! - a.value!)
  const ranks = new Map<T, number>()
  eligible.forEach((item, index) => {
    const previous = eligible[index - 1]
    ranks.set(item, previous && Math.abs(previous.value! - item.value!) < 1e-12 ? ranks.get(previous)! : index + 1)
  })
  const ranked = eligible.map((i) => ({ ...i, rank: ranks.get(i)! }))
  const unranked = items.filter((i) => !ranks.has(i)).map((i) => ({ ...i, rank: null }))
  return [...ranked, ...unranked]
}

/** The parts of a composite score, each on 0–100 (null: not available for this window). */
export interface CompositeParts {
  citizenIndex: number | null
  supervisorMean: number | null
  inspectionScore: number | null
  /** Points taken off for overdue or upheld cases (0 until cases exist). */
  caseDeductions: number
}

/** Per-campaign weights of the composite; they must sum to 100. Default citizens 70 / supervisors 30. */
export interface CompositeWeights {
  citizenIndex: number
  supervisorMean: number
  inspectionScore: number
}
export const DEFAULT_WEIGHTS: CompositeWeights = { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 }

/** Why a set of weights is refused (campaigns are refused on save), or null when it is fine. */
export function weightsProblem(w: CompositeWeights): 'weights_negative' | 'weights_not_100' | null {
  const values = [w.citizenIndex, w.supervisorMean, w.inspectionScore]
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return 'weights_negative'
  return Math.abs(values.reduce((a, b) => a + b, 0) - 100) > 1e-9 ? 'weights_not_100' : null
}

/**
 * 综合得分 = Σ weight × part / 100, minus case deductions, floored at 0. A part that is missing (no supervisor visit yet)
 * has its weight shared among the parts present, so a window is not punished for a visit nobody made; null when no part
 * is present. A veto (一票否决) caps the result at `vetoCap`.
 */
export function compositeScore(parts: CompositeParts, weights: CompositeWeights = DEFAULT_WEIGHTS, veto: { vetoed: boolean; cap: number } = { vetoed: false, cap: 60 }): number | null {
  if (weightsProblem(weights)) throw new RangeError(`invalid weights: ${weightsProblem(weights)}`)
  const present = (
    [
      [parts.citizenIndex, weights.citizenIndex],
      [parts.supervisorMean, weights.supervisorMean],
      [parts.inspectionScore, weights.inspectionScore],
    ] as const
  ).filter(([value, weight]) => value !== null && weight > 0)
  const weightSum = present.reduce((s, [, w]) => s + w, 0)
  if (weightSum === 0) return null
  const raw = present.reduce((s, [value, w]) => s + value! * w, 0) / weightSum - parts.caseDeductions
  const score = Math.max(0, raw)
  return veto.vetoed ? Math.min(score, veto.cap) : score
}

/** Star bands on the composite, highest first: e.g. [{ stars: 5, min: 98 }, { stars: 4, min: 95 }, …]. */
export type StarBands = readonly { stars: number; min: number }[]
export const DEFAULT_STAR_BANDS: StarBands = [
  { stars: 5, min: 98 },
  { stars: 4, min: 95 },
  { stars: 3, min: 90 },
  { stars: 2, min: 80 },
  { stars: 1, min: 0 },
]

/** The stars a composite earns (0 when it meets no band, or there is no composite). */
export function stars(composite: number | null, bands: StarBands = DEFAULT_STAR_BANDS): number {
  if (composite === null) return 0
  return [...bands].sort((a, b) => b.min - a.min).find((b) => composite >= b.min)?.stars ?? 0
}

/** 十佳: the ten best-ranked items, in rank order; more than ten when several share the tenth rank. */
export function topTen<T extends { rank: number | null }>(items: readonly T[]): T[] {
  return items.filter((i) => i.rank !== null && i.rank <= 10).sort((a, b) => a.rank! - b.rank!)
}

/** Items with enough responses whose rate is below the target, worst first. */
export function belowTarget<T extends { attainment: string; rate: number | null }>(items: readonly T[]): T[] {
  return items.filter((i) => i.attainment === 'not_attained').sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
}
