import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { randomBytes, randomInt } from 'node:crypto'
import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../../db/errors'
import type { ApiKeyTable, Database, KioskTable } from '../../db/schema'
import { inScope, subtreeOf, type Scope } from '../access/policy'
import { AppError, notFound } from '../http/errors'

type Db = Kysely<Database>
const hash = (secret: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(secret)))

const toKiosk = (k: Omit<KioskTable, 'id'> & { id: number }) => ({ id: k.id, windowId: k.window_id, name: k.name, createdAt: k.created_at, revokedAt: k.revoked_at, lastSeenAt: k.last_seen_at })
const toApiKey = (k: Omit<ApiKeyTable, 'id'> & { id: number }) => ({ id: k.id, unitId: k.unit_id, name: k.name, prefix: k.prefix, createdAt: k.created_at, revokedAt: k.revoked_at, lastUsedAt: k.last_used_at })

/** A window in the actor's scope (404 otherwise), with its unit. */
export async function windowUnit(db: Db, scope: Scope, windowId: number) {
  const w = await db.selectFrom('windows').select(['id', 'unit_id', 'active']).where('id', '=', windowId).executeTakeFirst()
  if (!w || !inScope(scope, w.unit_id)) throw notFound()
  return w
}

// ---- kiosks (评价器/平板) --------------------------------------------------------------------------------------

export async function listKiosks(db: Db, scope: Scope, windowId: number) {
  await windowUnit(db, scope, windowId)
  return (await db.selectFrom('kiosks').selectAll().where('window_id', '=', windowId).orderBy('id').execute()).map(toKiosk)
}

/** Registers a kiosk; its token is returned once (in the URL) and only its hash is kept. */
export async function createKiosk(db: Db, scope: Scope, windowId: number, name: string, userId: number, now: Date) {
  await windowUnit(db, scope, windowId)
  const token = encodeBase32LowerCaseNoPadding(randomBytes(15))
  const row = await db
    .insertInto('kiosks')
    .values({ window_id: windowId, name, token_hash: hash(token), created_by: userId, created_at: now.toISOString(), revoked_at: null, last_seen_at: null })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { kiosk: toKiosk(row), token }
}

export async function revokeKiosk(db: Db, scope: Scope, id: number, now: Date) {
  const k = await db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst()
  if (!k) throw notFound()
  await windowUnit(db, scope, k.window_id)
  const row = await db.updateTable('kiosks').set({ revoked_at: k.revoked_at ?? now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
  return toKiosk(row)
}

/** The kiosk a token belongs to, unless revoked. */
export async function kioskByToken(db: Db, token: string) {
  if (!/^[a-z2-7]{24}$/.test(token)) return null
  const k = await db.selectFrom('kiosks').select(['id', 'window_id', 'revoked_at']).where('token_hash', '=', hash(token)).executeTakeFirst()
  return k && !k.revoked_at ? k : null
}

// ---- unit API keys ---------------------------------------------------------------------------------------------

export async function listApiKeys(db: Db, unitId: number | undefined) {
  let q = db.selectFrom('api_keys').selectAll()
  if (unitId) q = q.where('unit_id', '=', unitId)
  return (await q.orderBy('id').execute()).map(toApiKey)
}

/** A new key for a unit's counter system, shown once: `mk_` and 32 base32 characters; only its hash is kept. */
export async function createApiKey(db: Db, unitId: number, name: string, userId: number, now: Date) {
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()
  if (!unit) throw notFound()
  const key = `mk_${encodeBase32LowerCaseNoPadding(randomBytes(20))}`
  const row = await db
    .insertInto('api_keys')
    .values({ unit_id: unitId, name, prefix: key.slice(0, 10), key_hash: hash(key), created_by: userId, created_at: now.toISOString(), revoked_at: null, last_used_at: null })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { apiKey: toApiKey(row), key }
}

export async function revokeApiKey(db: Db, id: number, now: Date) {
  const k = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst()
  if (!k) throw notFound()
  const row = await db.updateTable('api_keys').set({ revoked_at: k.revoked_at ?? now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
  return toApiKey(row)
}

/** The unit an `Authorization: Bearer mk_…` header speaks for, or 401. Revoked keys are refused. */
export async function unitOfApiKey(db: Db, authorization: string | undefined, now: Date) {
  const key = /^Bearer\s+(mk_[a-z2-7]{32})$/.exec(authorization ?? '')?.[1]
  if (!key) throw new AppError(401, 'api_key_invalid')
  const row = await db.selectFrom('api_keys').select(['id', 'unit_id', 'revoked_at']).where('key_hash', '=', hash(key)).executeTakeFirst()
  if (!row || row.revoked_at) throw new AppError(401, 'api_key_invalid')
  await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute()
  return { apiKeyId: row.id, unitId: row.unit_id }
}

// ---- one-time codes (一次一评) ----------------------------------------------------------------------------------

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
const newCode = () => Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')

/**
 * A code bound to one service transaction: it accepts one response and expires. Asking again for the same transaction
 * returns the same code while it is unused and valid.
 */
export async function issueCode(
  db: Db,
  r: { unitId: number; windowId: number; transactionId: string; validHours: number; userId: number | null; apiKeyId: number | null },
  now: Date,
) {
  const existing = await db.selectFrom('one_time_codes').selectAll().where('unit_id', '=', r.unitId).where('transaction_id', '=', r.transactionId).executeTakeFirst()
  if (existing) {
    if (existing.used_at || existing.expires_at <= now.toISOString() || existing.window_id !== r.windowId) throw new AppError(409, 'code_transaction_used')
    return existing
  }
  try {
    return await db
      .insertInto('one_time_codes')
      .values({
        code: newCode(),
        unit_id: r.unitId,
        window_id: r.windowId,
        transaction_id: r.transactionId,
        created_by: r.userId,
        api_key_id: r.apiKeyId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + r.validHours * 3600_000).toISOString(),
        used_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError(409, 'code_transaction_used')
    throw e
  }
}

/** The window a code is for, for the unit subtree of a key: by id or by code. */
export async function windowForUnit(db: Db, unitId: number, w: { windowId?: number | undefined; windowCode?: string | undefined }) {
  const units = await db.selectFrom('units').select(['id', 'parent_id']).execute()
  const scope: Scope = { all: false, unitIds: subtreeOf(units, [unitId]) }
  let q = db.selectFrom('windows').select(['id', 'unit_id']).where('active', '=', 1)
  q = w.windowId !== undefined ? q.where('id', '=', w.windowId) : q.where('code', '=', w.windowCode!)
  const found = (await q.execute()).filter((x) => inScope(scope, x.unit_id))
  if (found.length !== 1) throw notFound()
  return found[0]!
}

/** A code's row when it can still be used; 410 when used or expired; 404 when unknown. */
export async function usableCode(db: Db, code: string, now: Date) {
  if (!/^[a-z2-9]{10}$/.test(code)) throw new AppError(404, 'survey_unknown')
  const row = await db.selectFrom('one_time_codes').select(['id', 'window_id', 'used_at', 'expires_at']).where('code', '=', code).executeTakeFirst()
  if (!row) throw new AppError(404, 'survey_unknown')
  if (row.used_at || row.expires_at <= now.toISOString()) throw new AppError(410, 'code_used')
  return row
}
