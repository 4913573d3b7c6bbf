import type { SurveyInfo } from '../../../shared/schemas/survey'
import type { Translate } from '../i18n'

/** Which window the citizen is rating: the unit, the window's name and its code, as on the table card. */
export function WindowHeader({ window: w, t }: { window: SurveyInfo['window']; t: Translate }) {
  return (
    <section class="window" aria-label={t('youAreRating')}>
      <p class="window-unit">{w.unitName}</p>
      <p class="window-name">
        {w.name}
        <span class="window-code">
          <span class="sr-only">{t('windowCode', { code: '' })}</span>
          {w.code}
        </span>
      </p>
    </section>
  )
}
