import type { Locale } from '../../../shared/i18n/locale'
import { percent, score } from '../../../shared/scoring/format'
import type { PublicationContent } from '../../../shared/schemas/publication'
import { count, interval } from '../format'
import type { Translate } from '../i18n'

/** The period's headline figures: 满意率 with its interval and n against the target, 指数, 差评率, windows by attainment. */
export function Headline({ t, locale, content }: { t: Translate; locale: Locale; content: PublicationContent }) {
  const { overall, windows, target } = content
  // The same rule as a window's attainment (rate ≥ target), on the API's figures.
  const met = overall.rate === null ? null : overall.rate >= target
  return (
    <div class="figures">
      <div class={met === false ? 'figure figure-main below' : 'figure figure-main'}>
        <h3 class="figure-label">{t('satisfaction')}</h3>
        <p class="figure-value">{percent(overall.rate)}</p>
        <p class="figure-note">
          {t('interval')} {interval(overall.interval)}
        </p>
        <p class="figure-note">{t('sampleN', { n: count(overall.n, locale) })}</p>
        <p class="figure-target">
          {met === null ? null : <span class={met ? 'attain attain-attained' : 'attain attain-not_attained'}>{t(met ? 'aboveTarget' : 'belowTargetShort')}</span>}{' '}
          {t('targetValue', { target: percent(target) })}
        </p>
      </div>
      <div class="figure">
        <h3 class="figure-label">{t('index')}</h3>
        <p class="figure-value">{score(overall.index)}</p>
        <p class="figure-note">{t('indexNote')}</p>
      </div>
      <div class="figure">
        <h3 class="figure-label">{t('badRate')}</h3>
        <p class="figure-value">{percent(overall.badRate)}</p>
        <p class="figure-note">{t('badRateNote')}</p>
      </div>
      <div class="figure">
        <h3 class="figure-label">{t('windowsTitle')}</h3>
        <dl class="windows">
          <div>
            <dt>{t('attained')}</dt>
            <dd>{t('windowCount', { n: count(windows.attained, locale) })}</dd>
          </div>
          <div class={windows.notAttained ? 'below' : undefined}>
            <dt>{t('notAttained')}</dt>
            <dd>{t('windowCount', { n: count(windows.notAttained, locale) })}</dd>
          </div>
          <div class="muted">
            <dt>{t('insufficient')}</dt>
            <dd>{t('windowCount', { n: count(windows.insufficient, locale) })}</dd>
          </div>
        </dl>
      </div>
    </div>
  )
}
