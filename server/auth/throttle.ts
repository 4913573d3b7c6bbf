import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../../db/errors'
import type { Database } from '../../db/schema'

/** Failures are counted within this window; a quiet window starts the count again. */
const WINDOW_MS = 15 * 60 * 1000
/** Per account: the 5th failure locks for 30 s, each further one doubles it, up to 15 min. */
const ACCOUNT = { free: 5, baseMs: 30_000, maxMs: 15 * 60 * 1000 }
/** Per client address: generous, since a whole office may share one address. */
const CLIENT = { free: 30, baseMs: 60_000, maxMs: 15 * 60 * 1000 }

export const accountKey = (username: string) => `user:${username}`
/** The address is stored only as a hash. */
export const clientKey = (address: string) => `client:${encodeHexLowerCase(sha256(new TextEncoder().encode(`manyi:${address}`))).slice(0, 32)}`

/** Seconds until the first of the keys is unlocked, or 0 when none is locked. */
export async function lockedFor(db: Kysely<Database>, keys: string[], now: Date): Promise<number> {
  const rows = await db.selectFrom('login_throttle').select(['locked_until']).where('key', 'in', keys).execute()
  const until = Math.max(0, ...rows.map((r) => (r.locked_until ? new Date(r.locked_until).getTime() : 0)))
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0
}

/** Counts a failed login against the account and the client; locks them once past their free attempts. */
export async function recordFailure(db: Kysely<Database>, username: string, address: string, now: Date) {
  await bump(db, accountKey(username), ACCOUNT, now)
  await bump(db, clientKey(address), CLIENT, now)
}

/** A successful login clears the account's count (the client's stays: it may be guessing many accounts). */
export async function recordSuccess(db: Kysely<Database>, username: string) {
  await db.deleteFrom('login_throttle').where('key', '=', accountKey(username)).execute()
}

async function bump(db: Kysely<Database>, key: string, rule: typeof ACCOUNT, now: Date, retried = false): Promise<void> {
  try {
    await countFailure(db, key, rule, now)
  } catch (e) {
    // Two failures at once may both try to create the row; the loser counts again on the row that now exists.
    if (!retried && isUniqueViolation(e)) return bump(db, key, rule, now, true)
    throw e
  }
}

async function countFailure(db: Kysely<Database>, key: string, rule: typeof ACCOUNT, now: Date) {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst()
    const fresh = !row || now.getTime() - new Date(row.first_failure_at).getTime() > WINDOW_MS
    const failures = fresh ? 1 : row.failures + 1
    const lockMs = failures >= rule.free ? Math.min(rule.maxMs, rule.baseMs * 2 ** (failures - rule.free)) : 0
    const values = {
      failures,
      first_failure_at: fresh ? now.toISOString() : row.first_failure_at,
      locked_until: lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null,
    }
    if (row) await trx.updateTable('login_throttle').set(values).where('key', '=', key).execute()
    else await trx.insertInto('login_throttle').values({ key, ...values }).execute()
  })
}

/** Forgets counts whose window has passed and whose lock has ended. */
export async function purgeThrottle(db: Kysely<Database>, now: Date) {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString()
  await db
    .deleteFrom('login_throttle')
    .where('first_failure_at', '<', windowStart)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]))
    .execute()
}
