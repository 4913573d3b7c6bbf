import { useId } from 'hono/jsx'
import type { z } from 'zod'
import type { Photo as PhotoSchema } from '../../shared/schemas/supervision'
import { api, call, rawHeaders } from '../app/api'
import { useT } from '../app/i18n'

export type Photo = z.infer<typeof PhotoSchema>

/** At most this many photos per visit, and this many bytes each (as the server enforces). */
export const MAX_PHOTOS = 6
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
const ACCEPT = 'image/jpeg,image/png,image/webp'

/** Sends one image to a draft visit as the raw request body; the server checks its content and strips its metadata. */
export const uploadPhoto = (visitId: number, file: File) =>
  call(api.visits[':id'].photos.$post({ param: { id: String(visitId) } }, { init: { body: file, headers: rawHeaders(file.type || 'application/octet-stream') } }))

export const removePhoto = (visitId: number, photoId: number) => call(api.visits[':id'].photos[':photoId'].$delete({ param: { id: String(visitId), photoId: String(photoId) } }))

/** Thumbnails; each opens the full picture. */
export function PhotoGrid({ photos, onRemove, busy }: { photos: readonly Photo[]; onRemove?: (photo: Photo) => void; busy?: boolean }) {
  const t = useT()
  return (
    <ul class="spv-photos">
      {photos.map((p, i) => (
        <li class="spv-photo">
          <a href={p.url} target="_blank" rel="noopener" class="spv-photo-link">
            <img src={p.url} alt={t('spvPhotoAlt', { n: i + 1 })} loading="lazy" />
          </a>
          {onRemove ? (
            <button type="button" class="spv-photo-remove" aria-label={t('spvRemovePhoto', { n: i + 1 })} disabled={busy} onClick={() => onRemove(p)}>
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="2" stroke-linecap="round" fill="none" />
              </svg>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

interface PickerProps {
  photos: readonly Photo[]
  busy: boolean
  error: string | null
  onAdd: (files: File[]) => void
  onRemove: (photo: Photo) => void
}

/** The photos of a draft: the camera or the gallery, thumbnails with a remove button, and "2/6". */
export function PhotoPicker({ photos, busy, error, onAdd, onRemove }: PickerProps) {
  const t = useT()
  const id = useId()
  const full = photos.length >= MAX_PHOTOS
  const onPick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement
    const files = [...(input.files ?? [])]
    input.value = '' // the same picture may be chosen again after a failure
    if (files.length > 0) onAdd(files)
  }
  return (
    <section class="spv-card" aria-labelledby={`${id}-title`}>
      <div class="spv-card-head">
        <h2 class="spv-card-title" id={`${id}-title`}>
          {t('spvPhotos')}
        </h2>
        <span class="spv-photo-count" aria-label={`${t('spvPhotos')} ${t('spvPhotoCount', { count: photos.length, max: MAX_PHOTOS })}`}>
          {t('spvPhotoCount', { count: photos.length, max: MAX_PHOTOS })}
        </span>
      </div>
      <p class="spv-q-hint" id={`${id}-hint`}>
        {full ? t('spvPhotoFull', { max: MAX_PHOTOS }) : t('spvPhotoHint', { max: MAX_PHOTOS })}
      </p>
      {photos.length > 0 ? <PhotoGrid photos={photos} onRemove={onRemove} busy={busy} /> : null}
      {busy ? (
        <p class="loading" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('spvUploading')}
        </p>
      ) : null}
      {error ? (
        <p class="q-error spv-photo-error" role="alert">
          <span class="q-error-icon" aria-hidden="true">
            !
          </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        class="sr-only spv-photo-input"
        type="file"
        accept={ACCEPT}
        capture="environment"
        multiple
        disabled={full || busy}
        aria-describedby={`${id}-hint`}
        onChange={onPick}
      />
      <label class={`btn spv-photo-add${full || busy ? ' is-disabled' : ''}`} for={id}>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M3 6.5h3l1.5-2h5l1.5 2h3v9H3z" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linejoin="round" />
          <circle cx="10" cy="10.5" r="3" stroke="currentColor" stroke-width="1.5" fill="none" />
        </svg>
        {t('spvAddPhoto')}
      </label>
    </section>
  )
}
