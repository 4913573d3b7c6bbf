import { describe, expect, it } from 'vitest'
import { appraisalScore, inspectionResult } from '../../shared/survey/appraisal'
import type { Definition } from '../../shared/survey/definition'
import { templateByKey } from './templates'

const form = (key: string) => templateByKey(key)!.definition as Definition

describe('scoring the supervisor templates (worked by hand)', () => {
  it('五个有: four of five facilities present = 4 × 20 = 80, the missing one is the finding', () => {
    const r = inspectionResult(form('five-haves-check'), { environment: true, areas: true, process: false, conveniences: true, uniform: true })
    expect(r).toEqual({ score: 80, vetoed: false, failed: [{ key: 'process', text: '有醒目详细的办事流程', veto: false }] })
    expect(appraisalScore(form('five-haves-check'), { environment: true })).toBeNull() // a checklist has no scored items
  })

  it('五个有: an item left unanswered earns nothing (3 yes of 5 = 60)', () => {
    expect(inspectionResult(form('five-haves-check'), { environment: true, areas: true, process: true }).score).toBe(60)
  })

  it('五个好: scores 90, 85, 80, 95, 70 with equal weights → (90+85+80+95+70) / 5 = 84', () => {
    const answers = { quality: 90, integrity: 85, attitude: 80, skills: 95, efficiency: 70 }
    expect(appraisalScore(form('five-goods-appraisal'), answers)).toBe(84)
    expect(inspectionResult(form('five-goods-appraisal'), answers)).toEqual({ score: null, vetoed: false, failed: [] })
  })

  it('四查四看: complaints not handled = 75, no veto', () => {
    expect(inspectionResult(form('four-checks'), { rules: true, civility: true, hygiene: true, complaints: false })).toMatchObject({ score: 75, vetoed: false })
  })

  it('六项承诺: all kept but 纪律严 = 80 and vetoed; all kept = 100', () => {
    const kept = { disclosure: true, preparation: true, uniform: true, tidy: true, service: true, discipline: true }
    expect(inspectionResult(form('six-commitments-check'), kept)).toEqual({ score: 100, vetoed: false, failed: [] })
    const r = inspectionResult(form('six-commitments-check'), { ...kept, discipline: false })
    expect(r.score).toBe(80) // 15 × 4 + 20 earned of 100
    expect(r.vetoed).toBe(true)
    expect(r.failed.map((f) => f.key)).toEqual(['discipline'])
  })

  it('weights and scales: a 0–10 scale counts × 10, five levels by the index mapping, weights respected', () => {
    const def: Definition = {
      title: { zh: '混合', en: undefined },
      questions: [
        { key: 'a', type: 'score100', text: { zh: 'A', en: undefined }, required: true, weight: 3, overall: false },
        { key: 'b', type: 'scale10', text: { zh: 'B', en: undefined }, required: true, weight: 1, overall: false },
        { key: 'c', type: 'satisfaction5', text: { zh: 'C', en: undefined }, required: true, weight: 1, overall: false },
      ],
    }
    // (3 × 60 + 1 × 90 + 1 × 80) / 5 = 350 / 5 = 70
    expect(appraisalScore(def, { a: 60, b: 9, c: 4 })).toBe(70)
    // Only A answered: 60.
    expect(appraisalScore(def, { a: 60 })).toBe(60)
  })
})
