import { createHmac, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'

const KEY = 'server_secret'
let cached: Buffer | null = null

/**
 * The deployment's secret for device markers and address hashes: made once, kept in the database so that every
 * server process signs and hashes alike.
 */
export async function serverSecret(db: Kysely<Database>): Promise<Buffer> {
  if (cached) return cached
  const existing = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst()
  if (!existing) {
    await db
      .insertInto('settings')
      .values({ key: KEY, value: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
  }
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirstOrThrow()
  cached = Buffer.from(row.value, 'base64')
  return cached
}

/** Forgets the cached secret (tests open many databases in one process). */
export const forgetSecret = () => {
  cached = null
}

/** A keyed, truncated hash: the same input gives the same value, which reveals nothing without the secret. */
export const keyedHash = (secret: Buffer, purpose: string, value: string, hexChars = 32) =>
  createHmac('sha256', secret).update(`${purpose}:${value}`).digest('hex').slice(0, hexChars)
