import { parentPort, workerData } from 'node:worker_threads'
import { openSqlite } from '../../db/connect-sqlite'
import { ResponseWriter } from './response-writer'
import { sqliteWriteStore } from './write-store'
import { sendError, type FromWriter, type Outcome, type ToWriter } from './writer-thread'

// The writer thread (see writer-thread.ts): its own connection, the same ResponseWriter as the in-thread path.
const { databaseUrl, timeZone } = workerData as { databaseUrl: string; timeZone: string }
// The writer thread serves SQLite files only (see main.ts), and runs only the submit path's small statements.
const handle = openSqlite(databaseUrl, { tempStoreInMemory: true })
// The thread owns its connection, so the writer runs its statements on it directly (see sqliteWriteStore).
const writer = new ResponseWriter(handle.db, timeZone, sqliteWriteStore(handle.sqlite!))
const port = parentPort!
port.postMessage({ ready: true } satisfies FromWriter)
let inFlight = 0
let stopRequested = false

const stopWhenIdle = async () => {
  if (!stopRequested || inFlight > 0) return
  await handle.close()
  port.postMessage({ stopped: true } satisfies FromWriter)
  port.close()
}

port.on('message', (message: ToWriter) => {
  if ('stop' in message) {
    stopRequested = true
    void stopWhenIdle()
    return
  }
  inFlight++
  // Every job of the message joins the same group commit (GroupCommitter starts it after this turn).
  void Promise.all(
    message.jobs.map(([id, job]) =>
      writer.write(job).then(
        (ok): [number, Outcome] => [id, { ok }],
        (e: unknown): [number, Outcome] => [id, { error: sendError(e) }],
      ),
    ),
  ).then((results) => {
    port.postMessage({ results } satisfies FromWriter)
    inFlight--
    void stopWhenIdle()
  })
})
