import type { SubmissionBody } from '../../shared/schemas/survey'
import type { ApiProblem, SendResult } from './api'

/**
 * The pending queue: answers are written to this device before they are sent and leave it only once the server has
 * stored them (a 2xx). A refusal (a 4xx other than 408/429) is kept too, marked, so the page can put the answers back
 * in front of the citizen instead of resending them for ever.
 */
export interface PendingEntry {
  /** The API base the answers go to, e.g. /api/s/<token>. */
  target: string
  body: SubmissionBody
  savedAt: number
  refused?: { code: string; message: string; answers?: ApiProblem['answers'] }
}

const STORAGE_KEY = 'manyi.survey.pending'
/** Refused entries are only kept to put answers back on screen; after a week nobody is coming back for them. */
const REFUSED_KEPT_MS = 7 * 86_400_000

/** Every saved entry, oldest first (an unreadable store reads as empty). */
export function readPending(): PendingEntry[] {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as PendingEntry[]
    if (!Array.isArray(list)) return []
    return list.filter((e) => e && typeof e.target === 'string' && typeof e.body?.clientKey === 'string' && !(e.refused && Date.now() - e.savedAt > REFUSED_KEPT_MS))
  } catch {
    return []
  }
}

function write(list: PendingEntry[]) {
  try {
    if (list.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(list))
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Storage full or blocked (private mode): the answers still go out now, they just cannot wait for a later visit.
  }
}

/** Saves (or replaces, by client key) one entry. */
export function savePending(entry: PendingEntry) {
  write([...readPending().filter((e) => e.body.clientKey !== entry.body.clientKey), entry])
}

/** Drops an entry: only ever after the server has stored it. */
export function removePending(clientKey: string) {
  write(readPending().filter((e) => e.body.clientKey !== clientKey))
}

function markRefused(clientKey: string, problem: ApiProblem) {
  write(readPending().map((e) => (e.body.clientKey === clientKey ? { ...e, refused: { code: problem.code, message: problem.message, answers: problem.answers } } : e)))
}

/** Entries for this target still to be sent, oldest first. */
export const waitingFor = (target: string) => readPending().filter((e) => e.target === target && !e.refused)

/** The latest entry for this target that the server refused, if any. */
export const refusedFor = (target: string) => readPending().filter((e) => e.target === target && e.refused).pop()

/** Waits between attempts: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const RETRY_DELAYS_MS = [2000, 4000, 8000, 16000, 30000]
export const retryDelay = (attempt: number) => RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!

export interface Delivery {
  /** Settles once the entry is stored or refused (or with the last failure when stopped). */
  done: Promise<SendResult>
  /** Skips the wait and tries again now. */
  retryNow(): void
  /** Stops trying; the entry stays saved for the next visit. */
  stop(): void
}

/**
 * Saves an entry and sends it until the server stores or refuses it, waiting longer after each failure and trying at
 * once when the browser comes back online. The same body (and so the same client key) goes every time, which makes the
 * server store exactly one response however many copies arrive.
 */
export function deliver(entry: PendingEntry, send: (entry: PendingEntry) => Promise<SendResult>, onWaiting: (delayMs: number, problem: ApiProblem) => void = () => {}): Delivery {
  savePending(entry)
  let stopped = false
  let wake = () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const retryNow = () => {
    clearTimeout(timer)
    wake()
  }
  addEventListener('online', retryNow)
  const run = async (): Promise<SendResult> => {
    for (let attempt = 0; ; attempt++) {
      const result = await send(entry)
      if (result.kind === 'stored') removePending(entry.body.clientKey)
      if (result.kind === 'refused') markRefused(entry.body.clientKey, result.problem)
      if (result.kind !== 'retry' || stopped) return result
      const delay = retryDelay(attempt)
      onWaiting(delay, result.problem)
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, delay)
      })
      if (stopped) return result
    }
  }
  const done = run().finally(() => removeEventListener('online', retryNow))
  return {
    done,
    retryNow,
    stop() {
      stopped = true
      retryNow()
    },
  }
}
