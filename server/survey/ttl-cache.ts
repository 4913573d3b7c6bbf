import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

/** A small per-process cache whose entries live `ttlMs`; the hot submit path reads through it. */
export class TtlCache<K, V> {
  // The promise is kept, not the value: many requests missing the same key at once share one load.
  private readonly entries = new Map<K, { at: number; value: Promise<V> }>()

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: K, now: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key)
    if (hit && now - hit.at < this.ttlMs) return hit.value
    const value = load()
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { at: now, value })
    // A failed load is not kept.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }

  clear() {
    this.entries.clear()
  }
}

/**
 * The submit path's per-process caches: token → window, window → collecting campaign, and published versions. Every
 * citizen at a window asks the same thing, so this keeps a submission to a few statements. Changes made through this
 * process (rotating a token, activating or closing a campaign) clear it at once; other server processes see them
 * within `ttlMs`.
 */
export class SurveyCache {
  readonly tokens: TtlCache<string, unknown>
  readonly windows: TtlCache<string, unknown>
  /** Published versions never change: kept until cleared. */
  readonly versions = new Map<string, { id: number; definition: string }>()

  constructor(ttlMs = 60_000) {
    this.tokens = new TtlCache(ttlMs)
    this.windows = new TtlCache(ttlMs)
  }

  clear() {
    this.tokens.clear()
    this.windows.clear()
  }
}

/** Clears the survey caches after any successful change made through a router (windows, units, tokens, campaigns). */
export const clearSurveyCacheAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (c.req.method !== 'GET' && c.res.status < 400) c.get('survey').cache.clear()
}
