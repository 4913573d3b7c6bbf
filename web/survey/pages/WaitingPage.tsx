import type { Translate } from '../i18n'
import { Heading } from '../components/Heading'

interface Props {
  t: Translate
  /** Sending right now (first attempt, a resend from an earlier visit, or "try now"). */
  sending: boolean
  /** This visit opened with answers saved earlier. */
  earlier: boolean
  onRetry: () => void
}

/** Honest about a network drop: the answers are safe on this phone and will go by themselves; nothing to redo. */
export function WaitingPage({ t, sending, earlier, onRetry }: Props) {
  return (
    <div class="message message-waiting">
      <span class="message-icon" aria-hidden="true">
        ↻
      </span>
      <Heading>{t('offlineTitle')}</Heading>
      <p class="message-text" role="status">
        {sending ? t(earlier ? 'resending' : 'sending') : t('offlineSaved')}
      </p>
      <p class="message-note">{t('offlineKeepOpen')}</p>
      <button type="button" class="button" disabled={sending} onClick={onRetry}>
        {sending ? t('sending') : t('retryNow')}
      </button>
    </div>
  )
}
