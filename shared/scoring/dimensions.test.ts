import { describe, expect, it } from 'vitest'
import { answerScore, dimensionScores } from './dimensions'

describe('dimension scores', () => {
  it('puts every rated type on 0–100', () => {
    expect(answerScore('satisfaction5', '5')).toBe(100)
    expect(answerScore('satisfaction5', '2')).toBe(30)
    expect(answerScore('score100', '85')).toBe(85)
    expect(answerScore('scale10', '7')).toBe(70)
    expect(answerScore('single', 'a')).toBeNull()
    expect(answerScore('scale10', '11')).toBeNull()
  })

  it('averages the answers of a dimension, weighting questions by their weight', () => {
    // 服务态度: 3 × 非常满意 (100) and 1 × 不满意 (30) = 330 / 4 = 82.5.
    // 服务效率: question A weight 1: 2 answers of 60; question B weight 3: 1 answer of 100 → (120 + 300) / (2 + 3) = 84.
    const scores = dimensionScores([
      { dimension: 'attitude', type: 'satisfaction5', weight: 1, value: '5', n: 3 },
      { dimension: 'attitude', type: 'satisfaction5', weight: 1, value: '2', n: 1 },
      { dimension: 'efficiency', type: 'satisfaction5', weight: 1, value: '3', n: 2 },
      { dimension: 'efficiency', type: 'score100', weight: 3, value: '100', n: 1 },
      { dimension: 'environment', type: 'text', weight: 1, value: 'text', n: 4 },
    ])
    expect(scores).toEqual([
      { dimension: 'attitude', n: 4, score: 82.5 },
      { dimension: 'efficiency', n: 3, score: 84 },
      { dimension: 'environment', n: 0, score: null },
    ])
  })

  it('gives no score, not zero, when nothing was answered', () => {
    expect(dimensionScores([])).toEqual([])
    expect(dimensionScores([{ dimension: 'attitude', type: 'satisfaction5', weight: 1, value: '5', n: 0 }])).toEqual([{ dimension: 'attitude', n: 0, score: null }])
  })
})
