import { describe, expect, it } from 'vitest'
import { newTrackingCode } from './response-writer'

describe('tracking codes (查询码)', () => {
  it('reads as XXXXX-XXXXX without the characters people confuse (0/O, 1/I)', () => {
    for (let i = 0; i < 1000; i++) expect(newTrackingCode()).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/)
  })

  it('uses every character in every position about equally often, so that no code is likelier than another', () => {
    const n = 32_000
    const counts = Array.from({ length: 10 }, () => new Map<string, number>())
    for (let i = 0; i < n; i++) {
      const code = newTrackingCode().replace('-', '')
      for (let p = 0; p < 10; p++) counts[p]!.set(code[p]!, (counts[p]!.get(code[p]!) ?? 0) + 1)
    }
    for (const position of counts) {
      expect(position.size).toBe(32)
      // 1,000 expected per character; a bias of a fifth would be far outside chance (σ ≈ 31).
      for (const count of position.values()) expect(Math.abs(count - n / 32)).toBeLessThan(200)
    }
  })

  it('does not repeat in a day’s worth of submissions', () => {
    const codes = new Set(Array.from({ length: 100_000 }, newTrackingCode))
    expect(codes.size).toBe(100_000)
  })
})
