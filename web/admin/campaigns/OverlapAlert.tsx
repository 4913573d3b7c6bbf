import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'

interface Clash {
  code: string
  name: string
}

const isClash = (v: unknown): v is Clash => typeof v === 'object' && v !== null && typeof (v as Clash).code === 'string' && typeof (v as Clash).name === 'string'

/** The windows of a 409 campaign_window_overlap (code and the campaign they are in), from the error's details. */
export function clashesOf(error: ApiError): Clash[] {
  if (error.code !== 'campaign_window_overlap') return []
  const windows = typeof error.details === 'object' && error.details !== null ? (error.details as { windows?: unknown }).windows : undefined
  return Array.isArray(windows) ? windows.filter(isClash) : []
}

/** A failed campaign action; for overlapping windows, every clashing window with the campaign that holds it. */
export function OverlapAlert({ error }: { error: ApiError }) {
  const t = useT()
  const clashes = clashesOf(error)
  return (
    <div class="alert alert-error" role="alert">
      <p class="alert-title">{clashes.length > 0 ? t('overlapTitle', { count: clashes.length }) : error.message}</p>
      {clashes.length > 0 ? (
        <>
          <ul class="overlap-list">
            {clashes.map((c) => (
              <li>
                <span class="tree-code">{c.code}</span> <span>{t('overlapIn', { campaign: c.name })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
