import type { Translate } from '../i18n'
import { listHref } from '../route'

export type MessageKind = 'notFound' | 'loadFailed'

/** A friendly page instead of an error: a withdrawn or unknown publication, or no connection. */
export function Message({ t, kind, onRetry }: { t: Translate; kind: MessageKind; onRetry?: (() => void) | undefined }) {
  return (
    <section class="message" aria-labelledby="message-title">
      <h1 id="message-title">{t(kind === 'notFound' ? 'notFoundTitle' : 'loadFailedTitle')}</h1>
      <p>{t(kind === 'notFound' ? 'notFoundText' : 'loadFailedText')}</p>
      <p class="message-actions">
        {kind === 'loadFailed' && onRetry ? (
          <button type="button" class="button" onClick={onRetry}>
            {t('retry')}
          </button>
        ) : null}
        <a class="button button-quiet" href={listHref()}>
          {t('backToList')}
        </a>
      </p>
    </section>
  )
}
