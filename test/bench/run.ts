import { mkdirSync, writeFileSync } from 'node:fs'
import { ingestBenchmark } from './ingest.bench'
import { orgTreeBenchmark } from './org-tree.bench'
import { scoringBenchmark } from './scoring.bench'

/** A benchmark's result: figures to print and keep, and whether it stayed within its budget. */
export interface BenchResult {
  name: string
  figures: Record<string, number | string>
  budget: string
  /** Within the engineering brief's budget. */
  ok: boolean
  /** Correct, and not worse than the floor that guards against regressions (what CI's short mode enforces). */
  noRegression: boolean
  floor: string
}

const short = process.argv.includes('--short')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const benchmarks = [orgTreeBenchmark, ingestBenchmark, scoringBenchmark].filter((b) => !only || b.name.toLowerCase().includes(only))

let failed = 0
mkdirSync('bench-results', { recursive: true })
for (const bench of benchmarks) {
  const result = await bench({ short })
  writeFileSync(`bench-results/${result.name}.json`, JSON.stringify({ ...result, short, at: new Date().toISOString(), node: process.version }, null, 2) + '\n')
  console.log(`${result.name}: ${result.ok ? 'budget met' : 'BUDGET MISSED'} (budget: ${result.budget})`)
  for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k}: ${v}`)
  console.log(`  regression floor (${result.floor}): ${result.noRegression ? 'held' : 'BROKEN'}`)
  // The short mode (CI) fails on a regression or a wrong result; the full run also on a missed budget.
  if (!result.noRegression || (!short && !result.ok)) failed++
}
console.log(`${benchmarks.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
