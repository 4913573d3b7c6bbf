import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../../shared/schemas/auth'
import type { Actor } from '../access/policy'

/** A session ends after this much inactivity. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000
/** An active session is extended at most this often. */
export const SESSION_RENEW_AFTER_MS = 60 * 60 * 1000
export const SESSION_COOKIE = 'manyi_session'

/** A new session token: 160 random bits, base32. Only the browser ever holds it. */
export const generateSessionToken = () => encodeBase32LowerCaseNoPadding(randomBytes(20))
/** The id stored for a token: its SHA-256, hex. */
export const sessionIdOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)))

export async function createSession(db: Kysely<Database>, userId: number, now: Date) {
  const token = generateSessionToken()
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS)
  await db
    .insertInto('sessions')
    .values({ id: sessionIdOf(token), user_id: userId, created_at: now.toISOString(), renewed_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .execute()
  return { token, expiresAt }
}

export type SessionCheck =
  | { status: 'valid'; actor: Actor; expiresAt: Date; renewed: boolean }
  | { status: 'expired' }
  | { status: 'unknown' }

/** Looks a token up: refuses expired sessions and disabled users, and slides the expiry at most once an hour. */
export async function validateSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionCheck> {
  const id = sessionIdOf(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'sessions.renewed_at', 'users.id as user_id', 'users.username', 'users.role', 'users.active'])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row) return { status: 'unknown' }
  if (row.expires_at <= now.toISOString() || row.active !== 1) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return { status: row.active === 1 ? 'expired' : 'unknown' }
  }
  let expiresAt = new Date(row.expires_at)
  let renewed = false
  if (now.getTime() - new Date(row.renewed_at).getTime() >= SESSION_RENEW_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_IDLE_MS)
    await db.updateTable('sessions').set({ expires_at: expiresAt.toISOString(), renewed_at: now.toISOString() }).where('id', '=', id).execute()
    renewed = true
  }
  const units = await db.selectFrom('user_units').select('unit_id').where('user_id', '=', row.user_id).execute()
  const actor: Actor = { id: row.user_id, username: row.username, role: row.role as Role, unitIds: units.map((u) => u.unit_id) }
  return { status: 'valid', actor, expiresAt, renewed }
}

export async function invalidateSession(db: Kysely<Database>, token: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionIdOf(token)).execute()
}

/** Ends every session of a user (password change, reset, account disabled), optionally keeping one. */
export async function invalidateUserSessions(db: Kysely<Database>, userId: number, keepToken?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepToken) q = q.where('id', '!=', sessionIdOf(keepToken))
  await q.execute()
}

/** Removes expired sessions; called now and then so the table stays small. */
export async function purgeExpiredSessions(db: Kysely<Database>, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute()
}
