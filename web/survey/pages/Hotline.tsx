import type { Translate } from '../i18n'

/** The unit's service hotline as a phone link (one tap to call), when the unit has one. */
export function Hotline({ hotline, t }: { hotline?: string | null | undefined; t: Translate }) {
  if (!hotline) return null
  return (
    <p class="hotline">
      {t('hotline')}{' '}
      <a href={`tel:${hotline.replace(/[^\d+]/g, '')}`} aria-label={t('hotlineCall', { hotline })}>
        {hotline}
      </a>
    </p>
  )
}
