import type { Translate } from '../i18n'
import { Heading } from '../components/Heading'
import { Hotline } from './Hotline'

interface Props {
  t: Translate
  /** The tracking code (查询码); none on a kiosk whose answers are still waiting for the network. */
  code: string | null
  hotline?: string | null | undefined
  /** Kiosk: seconds until the fresh screen. */
  countdown?: number | undefined
  onBack?: (() => void) | undefined
}

/** Big thanks, the tracking code large and explained, and the hotline. */
export function ThanksPage({ t, code, hotline, countdown, onBack }: Props) {
  return (
    <div class="message message-thanks">
      <span class="message-icon" aria-hidden="true">
        ✓
      </span>
      <Heading>{t('thanksTitle')}</Heading>
      <p class="message-text">{code ? t('thanksText') : t('kioskSaved')}</p>
      {code ? (
        <div class="tracking">
          <p class="tracking-label">{t('trackingCode')}</p>
          <p class="tracking-code" translate="no">
            {code}
          </p>
          <p class="tracking-explain">{t('trackingExplain')}</p>
        </div>
      ) : null}
      <Hotline hotline={hotline} t={t} />
      {countdown !== undefined ? <p class="message-note">{t('kioskBack', { seconds: countdown })}</p> : null}
      {onBack ? (
        <button type="button" class="button button-quiet" onClick={onBack}>
          {t('startAgain')}
        </button>
      ) : null}
    </div>
  )
}
