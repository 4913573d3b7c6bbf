import { mkdirSync, writeFileSync } from 'node:fs'
import { ingestBenchmark } from './ingest.bench'
import { orgTreeBenchmark } from './org-tree.bench'

/** A benchmark's result: figures to print and keep, and whether it stayed within its budget. */
export interface BenchResult {
  name: string
  figures: Record<string, number | string>
  budget: string
  ok: boolean
}

const short = process.argv.includes('--short')
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const benchmarks = [orgTreeBenchmark, ingestBenchmark].filter((b) => !only || b.name.toLowerCase().includes(only))

let failed = 0
mkdirSync('bench-results', { recursive: true })
for (const bench of benchmarks) {
  const result = await bench({ short })
  writeFileSync(`bench-results/${result.name}.json`, JSON.stringify({ ...result, short, at: new Date().toISOString(), node: process.version }, null, 2) + '\n')
  console.log(`${result.ok ? 'PASS' : 'FAIL'} ${result.name} (budget: ${result.budget})`)
  for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k}: ${v}`)
  if (!result.ok) failed++
}
console.log(`${benchmarks.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
