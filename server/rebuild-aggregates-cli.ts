import { openDatabase } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import { ConfigError, loadConfig } from './config'
import { rebuildAggregates } from './survey/rebuild-aggregates'

/** `npm run db:rebuild-aggregates`: recomputes the response counters of DATABASE_URL from the raw responses. */
async function main() {
  const config = loadConfig()
  const handle = openDatabase(config.DATABASE_URL)
  try {
    await migrateToLatest(handle.db)
    const started = Date.now()
    const { responses } = await rebuildAggregates(handle.db)
    process.stdout.write(`Rebuilt the counters from ${responses} valid responses in ${((Date.now() - started) / 1000).toFixed(1)} s / 已根据 ${responses} 条有效评价重建统计\n`)
  } finally {
    await handle.close()
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`manyi: ${e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
