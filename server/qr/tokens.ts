import { randomBytes } from 'node:crypto'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { notFound } from '../http/errors'

/** A window token: 80 random bits as 16 URL-safe characters — short enough for a small QR code, too many to guess. */
export const newWindowToken = () => encodeBase32LowerCaseNoPadding(randomBytes(10))

/** The window's current token, made on first use. */
export async function tokenFor(db: Kysely<Database>, windowId: number): Promise<string> {
  const row = await db.selectFrom('windows').select('qr_token').where('id', '=', windowId).executeTakeFirst()
  if (!row) throw notFound()
  if (row.qr_token) return row.qr_token
  await db.updateTable('windows').set({ qr_token: newWindowToken() }).where('id', '=', windowId).where('qr_token', 'is', null).execute()
  const again = await db.selectFrom('windows').select('qr_token').where('id', '=', windowId).executeTakeFirstOrThrow()
  return again.qr_token!
}

/** Gives the window a new token; the old one is remembered so that its QR code says "replaced". */
export async function rotateToken(db: Kysely<Database>, windowId: number, now: Date): Promise<string> {
  const old = await tokenFor(db, windowId)
  const token = newWindowToken()
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('window_token_history').values({ token: old, window_id: windowId, replaced_at: now.toISOString() }).execute()
    await trx.updateTable('windows').set({ qr_token: token, updated_at: now.toISOString() }).where('id', '=', windowId).execute()
  })
  return token
}

export type TokenLookup = { state: 'current'; windowId: number } | { state: 'replaced' } | { state: 'unknown' }

/** What a scanned token points at. */
export async function lookupToken(db: Kysely<Database>, token: string): Promise<TokenLookup> {
  if (!/^[a-z2-7]{16}$/.test(token)) return { state: 'unknown' }
  const current = await db.selectFrom('windows').select('id').where('qr_token', '=', token).executeTakeFirst()
  if (current) return { state: 'current', windowId: current.id }
  const old = await db.selectFrom('window_token_history').select('window_id').where('token', '=', token).executeTakeFirst()
  return old ? { state: 'replaced' } : { state: 'unknown' }
}
