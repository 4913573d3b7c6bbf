import { DEFAULT_INDEX_MAPPING } from './rates'

/** A rated answer on a 0–100 scale: five levels through the index mapping, 0–10 scales × 10; null for unrated types. */
export function answerScore(type: string, value: string | number): number | null {
  const x = Number(value)
  if (!Number.isFinite(x)) return null
  if (type === 'satisfaction5') return DEFAULT_INDEX_MAPPING[x as 1 | 2 | 3 | 4 | 5] ?? null
  if (type === 'score100') return x >= 0 && x <= 100 ? x : null
  if (type === 'scale10') return x >= 0 && x <= 10 ? x * 10 : null
  return null
}

export interface DimensionAnswers {
  dimension: string
  type: string
  /** The question's weight within its dimension. */
  weight: number
  value: string | number
  /** How many answers gave this value. */
  n: number
}

/**
 * Dimension scores (服务态度, 服务效率 …): per dimension, the weighted mean on 0–100 of the rated answers of questions
 * tagged with it; n is the number of answers. Dimensions in first-seen order; score null when nothing counts.
 */
export function dimensionScores(answers: readonly DimensionAnswers[]): { dimension: string; n: number; score: number | null }[] {
  const out = new Map<string, { n: number; sum: number; weights: number }>()
  for (const a of answers) {
    const s = answerScore(a.type, a.value)
    const d = out.get(a.dimension) ?? { n: 0, sum: 0, weights: 0 }
    out.set(a.dimension, d)
    if (s === null || a.n <= 0) continue
    d.n += a.n
    d.sum += s * a.weight * a.n
    d.weights += a.weight * a.n
  }
  return [...out].map(([dimension, d]) => ({ dimension, n: d.n, score: d.weights > 0 ? d.sum / d.weights : null }))
}
