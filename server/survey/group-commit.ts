import type { WriteStore, WriteTx } from './write-store'

type Run<T, B> = (tx: WriteTx, batch: B) => Promise<T>
interface Job<B> {
  run: Run<unknown, B>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * Runs write jobs in shared transactions: whatever arrives while one transaction commits goes into the next, so
 * one durable commit (one fsync) serves many citizens under load, and a lone submission is not delayed at all.
 * Each job's promise settles only after its own commit. If a batch fails, its jobs are retried one by one, so one bad
 * job never takes others down with it.
 */
export class GroupCommitter<B> {
  private queue: Job<B>[] = []
  private flushing = false
  /** Commits made and jobs carried, for benchmarks and logs. */
  readonly stats = { commits: 0, jobs: 0 }

  constructor(
    private readonly store: WriteStore,
    /** A fresh per-transaction accumulator (e.g. aggregate increments), written by `finish` before commit. */
    private readonly newBatch: () => B,
    private readonly finish: (tx: WriteTx, batch: B) => Promise<void>,
    private readonly maxBatch = 256,
  ) {}

  private scheduled = false

  run<T>(job: Run<T, B>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: job, resolve: resolve as (v: unknown) => void, reject })
      if (!this.flushing && !this.scheduled) {
        // Start after the current round of I/O, so that every request already read joins this commit. (better-sqlite3
        // blocks while it commits, so requests queue up in the socket meanwhile and arrive together.)
        this.scheduled = true
        setImmediate(() => {
          this.scheduled = false
          void this.flush()
        })
      }
    })
  }

  private async flush() {
    if (this.flushing) return
    this.flushing = true
    try {
      while (this.queue.length > 0) {
        const jobs = this.queue.splice(0, this.maxBatch)
        try {
          const results = await this.store.transaction(async (tx) => {
            const batch = this.newBatch()
            const out: unknown[] = []
            for (const job of jobs) out.push(await job.run(tx, batch))
            await this.finish(tx, batch)
            return out
          })
          this.stats.commits++
          this.stats.jobs += jobs.length
          jobs.forEach((job, i) => job.resolve(results[i]))
        } catch {
          for (const job of jobs) await this.runAlone(job)
        }
      }
    } finally {
      this.flushing = false
    }
  }

  private async runAlone(job: Job<B>) {
    try {
      const result = await this.store.transaction(async (tx) => {
        const batch = this.newBatch()
        const out = await job.run(tx, batch)
        await this.finish(tx, batch)
        return out
      })
      job.resolve(result)
    } catch (e) {
      job.reject(e)
    }
  }
}
