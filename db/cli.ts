import { openDatabase } from './connect'
import { migrateToLatest } from './migrate'

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (default: the SQLite file under ./data/). */
async function main() {
  const command = process.argv[2]
  if (command !== 'migrate') {
    process.stderr.write('usage: tsx db/cli.ts migrate\n')
    process.exit(2)
  }
  const handle = openDatabase(process.env.DATABASE_URL || undefined)
  try {
    const applied = await migrateToLatest(handle.db)
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : `${handle.describe}: up to date\n`)
  } finally {
    await handle.close()
  }
}

main().catch((e) => {
  process.stderr.write(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
