import type { Translate } from '../i18n'
import { Heading } from '../components/Heading'
import { Hotline } from './Hotline'

export type MessageKind = 'unknown' | 'replaced' | 'closed' | 'codeUsed' | 'codeUnknown' | 'kioskUnknown' | 'loadFailed' | 'notFound' | 'signIn'

const TEXTS = {
  unknown: ['unknownTitle', 'unknownText'],
  replaced: ['replacedTitle', 'replacedText'],
  closed: ['closedTitle', 'closedText'],
  codeUsed: ['codeUsedTitle', 'codeUsedText'],
  codeUnknown: ['codeUnknownTitle', 'codeUsedText'],
  kioskUnknown: ['kioskUnknownTitle', 'kioskUnknownText'],
  loadFailed: ['loadFailedTitle', 'loadFailedText'],
  notFound: ['notFoundTitle', 'notFoundText'],
  signIn: ['previewBanner', 'previewSignIn'],
} as const

export const messageTitle = (t: Translate, kind: MessageKind) => t(TEXTS[kind][0])

interface Props {
  kind: MessageKind
  t: Translate
  hotline?: string | null | undefined
  onRetry?: (() => void) | undefined
}

/** A friendly full page instead of an error: what happened, what to do, and the hotline when we know it. */
export function MessagePage({ kind, t, hotline, onRetry }: Props) {
  const [title, text] = TEXTS[kind]
  return (
    <div class={`message message-${kind}`}>
      <span class="message-icon" aria-hidden="true">
        {kind === 'replaced' ? '↻' : kind === 'loadFailed' ? '!' : 'i'}
      </span>
      <Heading>{t(title)}</Heading>
      <p class="message-text">{t(text)}</p>
      {onRetry ? (
        <button type="button" class="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
      <Hotline hotline={hotline} t={t} />
    </div>
  )
}
