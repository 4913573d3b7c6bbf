import { randomBytes } from 'node:crypto'
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { AppError } from '../http/errors'
import { cleanImage } from './image'

export const MAX_PHOTOS = 6
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

/** The address a photo is served at (to whoever may see its visit). */
export const photoUrl = (id: number) => `/api/photos/${id}`

/** Checks, cleans and stores a photo for a draft visit; the file goes to the upload directory under a random name. */
export async function storePhoto(db: Kysely<Database>, uploadDir: string, visitId: number, bytes: Uint8Array, now: Date) {
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError(413, 'photo_too_large', { limit: '10 MB' })
  const { n } = await db.selectFrom('visit_photos').select((eb) => eb.fn.countAll().as('n')).where('visit_id', '=', visitId).executeTakeFirstOrThrow()
  if (Number(n) >= MAX_PHOTOS) throw new AppError(409, 'photo_too_many', { max: MAX_PHOTOS })
  const checked = cleanImage(bytes)
  if (!checked.ok) throw new AppError(checked.problem === 'photo_type' ? 415 : 400, checked.problem)
  const file = `${randomBytes(16).toString('hex')}.${EXTENSION[checked.type]}`
  await mkdir(uploadDir, { recursive: true })
  await writeFile(join(uploadDir, file), checked.bytes, { mode: 0o600 })
  try {
    const { id } = await db
      .insertInto('visit_photos')
      .values({ visit_id: visitId, file, mime: checked.type, bytes: checked.bytes.length, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id, url: photoUrl(id), bytes: checked.bytes.length, mime: checked.type }
  } catch (e) {
    await unlink(join(uploadDir, file)).catch(() => {})
    throw e
  }
}

/** A stored photo's bytes; the name comes from the database, never from a request. */
export const readPhoto = (uploadDir: string, file: string) => readFile(join(uploadDir, file))

export const deletePhotoFile = (uploadDir: string, file: string) => unlink(join(uploadDir, file)).catch(() => {})
