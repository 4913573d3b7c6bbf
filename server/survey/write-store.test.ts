import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompiledQuery } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { openSqlite } from '../../db/connect-sqlite'
import type { DatabaseHandle } from '../../db/connect'
import { sqliteWriteStore } from './write-store'

let handle: DatabaseHandle | undefined
let dir: string | undefined
afterEach(async () => {
  await handle?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** The writer's store on a new database file with one table of page-sized rows. */
function openWriter() {
  dir = mkdtempSync(join(tmpdir(), 'manyi-wal-'))
  const file = join(dir, 'writer.sqlite')
  handle = openSqlite(`sqlite:${file}`)
  handle.sqlite!.prepare('create table pages (id integer primary key, body blob)').run()
  return { file, sqlite: handle.sqlite!, store: sqliteWriteStore(handle.sqlite!) }
}
const insertPage = CompiledQuery.raw('insert into pages (body) values (randomblob(3000))', [])

it('the writer checkpoints the WAL after a commit has been answered, not inside the commit', async () => {
  const { file, sqlite, store } = openWriter()
  const before = statSync(file).size

  // About 1,200 pages: past the 1,000 frames at which SQLite would checkpoint inside the COMMIT on its own.
  await store.transaction(async (tx) => {
    for (let i = 0; i < 1200; i++) tx.rows(insertPage)
  })
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(1200 * 3000) // durable in the WAL: the commit is done
  expect(statSync(file).size).toBe(before) // and nothing copied into the database file yet

  await nextTurn()
  expect(statSync(file).size).toBeGreaterThan(1200 * 3000) // checkpointed on the thread's next turn
  const [wal] = sqlite.prepare('pragma wal_checkpoint(PASSIVE)').all() as { log: number; checkpointed: number }[]
  expect(wal!.checkpointed).toBe(wal!.log) // nothing left behind in the WAL
})

it('a steady stream of small commits keeps the WAL from growing without end', async () => {
  const { file, store } = openWriter()
  // 3,000 commits of one page each, with the thread's turns in between, as under a steady load.
  for (let i = 0; i < 3000; i++) {
    await store.transaction(async (tx) => tx.rows(insertPage))
    await nextTurn()
  }
  // The WAL is reused from its start after each checkpoint: it stays near 1,000 frames (4 MB), not 3,000 pages and more.
  expect(statSync(`${file}-wal`).size).toBeLessThan(2000 * 4120)
})
