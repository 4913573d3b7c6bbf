import type { Answers } from './answers'
import { visibleQuestions } from './answers'
import type { Definition } from './definition'

/** How a five-level answer counts on 0–100 (the satisfaction index mapping). */
const LEVEL_POINTS: Record<number, number> = { 5: 100, 4: 80, 3: 60, 2: 30, 1: 0 }

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * A supervisor's appraisal score on 0–100: the weighted mean of the scored items shown and answered (0–100 scores as
 * they are, 0–10 scales × 10, five-level answers by the index mapping). Null when no scored item was answered.
 */
export function appraisalScore(def: Definition, answers: Answers): number | null {
  let sum = 0
  let weights = 0
  for (const q of visibleQuestions(def, answers)) {
    const value = answers[q.key]
    if (typeof value !== 'number' || q.weight <= 0) continue
    const points = q.type === 'score100' ? value : q.type === 'scale10' ? value * 10 : q.type === 'satisfaction5' ? LEVEL_POINTS[value] : undefined
    if (points === undefined) continue
    sum += q.weight * points
    weights += q.weight
  }
  return weights > 0 ? round2(sum / weights) : null
}

export interface InspectionResult {
  /** 0–100: points earned by "yes" answers over the points of the items shown; null when the form has no checklist item. */
  score: number | null
  /** A veto item (一票否决) answered "no". */
  vetoed: boolean
  /** The items answered "no": the findings. */
  failed: { key: string; text: string; veto: boolean }[]
}

/**
 * The inspection score of a checklist. An item without points counts 1. An unanswered item earns nothing but still
 * counts towards what was possible, so leaving an item out never raises the score.
 */
export function inspectionResult(def: Definition, answers: Answers): InspectionResult {
  let earned = 0
  let possible = 0
  let vetoed = false
  const failed: InspectionResult['failed'] = []
  for (const q of visibleQuestions(def, answers)) {
    if (q.type !== 'check') continue
    const points = q.points ?? 1
    possible += points
    const value = answers[q.key]
    if (value === true) earned += points
    if (value === false) {
      failed.push({ key: q.key, text: q.text.zh, veto: q.veto === true })
      if (q.veto) vetoed = true
    }
  }
  return { score: possible > 0 ? round2((100 * earned) / possible) : null, vetoed, failed }
}
