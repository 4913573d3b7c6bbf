import { useT } from '../app/i18n'
import type { ApiError } from '../app/api-error'

/** A quiet "loading" line for content that is on its way. */
export function Loading() {
  const t = useT()
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('loading')}
    </p>
  )
}

/** A failed load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT()
  return (
    <div class="alert alert-error" role="alert">
      <p class="alert-title">{error.message}</p>
      {onRetry ? (
        <button type="button" class="btn btn-small" onClick={() => onRetry()}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  )
}

/** The "已停用 / Deactivated" label. */
export function InactiveBadge() {
  const t = useT()
  return <span class="badge badge-muted">{t('inactive')}</span>
}
