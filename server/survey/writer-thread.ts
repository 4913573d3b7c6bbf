import { Worker } from 'node:worker_threads'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { MessageKey } from '../../shared/i18n'
import { AppError } from '../http/app-error'
import type { Receipt, ResponseSink, WriteJob } from './response-writer'

/** What crosses between the server's thread and the writer thread. */
export type ToWriter = { jobs: [id: number, job: WriteJob][] } | { stop: true }
export type FromWriter = { ready: true } | { results: [id: number, outcome: Outcome][] } | { stopped: true }
export type Outcome = { ok: Receipt } | { error: SentError }
/** An error, reduced to what survives the crossing: an AppError's status and code, or a database error's code. */
export interface SentError {
  message: string
  status?: number
  code?: string
}

export function sendError(e: unknown): SentError {
  if (e instanceof AppError) return { message: e.message, status: e.status, code: e.code }
  const code = (e as { code?: unknown } | null)?.code
  return { message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) }
}

function receiveError(sent: SentError): Error {
  if (sent.status !== undefined && sent.code) return new AppError(sent.status as ContentfulStatusCode, sent.code as MessageKey)
  return Object.assign(new Error(sent.message), sent.code ? { code: sent.code } : {})
}

// The entry as built (dist/server/writer-thread-entry.mjs beside main.mjs), or as source run by tsx, whose loader a
// thread does not inherit.
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const ENTRY = new URL(FROM_SOURCE ? './writer-thread-entry.ts' : './writer-thread-entry.mjs', import.meta.url)
/**
 * The writer holds little (a batch of jobs, prepared statements): a small young generation keeps its memory low, which
 * matters because the server's whole resident size is budgeted.
 */
/** Jobs sent to the writer at the latest once this many are waiting (see write). */
const SEND_EVERY = 8
const WRITER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 }
const newThread = (workerData: unknown) =>
  FROM_SOURCE
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(ENTRY.href)}, ${JSON.stringify(import.meta.url)}))`, {
        eval: true,
        workerData,
        resourceLimits: WRITER_LIMITS,
      })
    : new Worker(ENTRY, { workerData, resourceLimits: WRITER_LIMITS })

/**
 * Stores responses from a second thread with its own SQLite connection. better-sqlite3 is synchronous: in the server's
 * thread every commit (an fsync) and every insert would stop all HTTP work meanwhile. Here the server keeps reading and
 * checking requests while the writer commits; each request is still answered only once its response is durable.
 * Jobs are sent once per turn of the event loop, so one message carries everything that arrived together.
 */
export class ThreadedResponseWriter implements ResponseSink {
  private worker: Worker
  private readonly pending = new Map<number, { resolve: (r: Receipt) => void; reject: (e: Error) => void }>()
  private outbox: [number, WriteJob][] = []
  private nextId = 1
  private stopping = false
  /** Settles once the thread has opened the database (or failed to). */
  readonly ready: Promise<void>

  constructor(private readonly options: { databaseUrl: string; timeZone: string; onError?: (e: Error) => void }) {
    let started!: () => void
    let failed!: (e: Error) => void
    this.ready = new Promise((resolve, reject) => {
      started = resolve
      failed = reject
    })
    this.worker = this.start(started, failed)
  }

  private start(started?: () => void, failed?: (e: Error) => void): Worker {
    const worker = newThread({ databaseUrl: this.options.databaseUrl, timeZone: this.options.timeZone })
    let up = false
    worker.on('message', (message: FromWriter) => {
      if ('ready' in message) {
        up = true
        worker.unref() // from now on the HTTP server keeps the process alive, and close() stops the thread
        started?.()
      }
      if (!('results' in message)) return
      for (const [id, outcome] of message.results) {
        const waiting = this.pending.get(id)
        if (!waiting) continue
        this.pending.delete(id)
        if ('ok' in outcome) waiting.resolve(outcome.ok)
        else waiting.reject(receiveError(outcome.error))
      }
    })
    worker.on('error', (e) => {
      if (up) this.options.onError?.(e)
      else failed?.(e)
    })
    worker.on('exit', () => {
      // Whatever it still held was not acknowledged as stored: those citizens' pages keep their answers and send again.
      for (const waiting of this.pending.values()) waiting.reject(new Error('the response writer stopped'))
      this.pending.clear()
      if (!up) failed?.(new Error('the response writer thread did not start'))
      // A thread that ran and then failed is replaced; one that cannot start is not retried in a loop.
      else if (!this.stopping) this.worker = this.start()
    })
    return worker
  }

  write(job: WriteJob): Promise<Receipt> {
    if (this.stopping) return Promise.reject(new Error('the response writer is stopping'))
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      if (this.outbox.length === 0) setImmediate(() => this.send())
      this.outbox.push([id, job])
      // Under load one turn of the event loop reads many requests; sending them in small groups as they come lets the
      // writer commit the first while this thread still reads the rest, instead of the two threads taking turns.
      if (this.outbox.length >= SEND_EVERY) this.send()
    })
  }

  private send() {
    const jobs = this.outbox
    this.outbox = []
    if (jobs.length > 0) this.worker.postMessage({ jobs } satisfies ToWriter)
  }

  /** Waits for what was sent to be written, then stops the thread. */
  async close() {
    if (this.stopping) return
    this.send()
    this.stopping = true
    const worker = this.worker
    worker.ref() // the process waits for it
    const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    worker.postMessage({ stop: true } satisfies ToWriter)
    await stopped
  }
}
