import { useState } from 'hono/jsx'
import { percent } from '../../../shared/scoring/format'
import type { Publication } from '../../../shared/schemas/publication'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'

/** How much of the SHA-256 shows; the whole of it is in the tooltip and copied by the button. */
const SHORT_HASH = 12

function HashLine({ sha256 }: { sha256: string }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha256)
      setCopied(true)
      setTimeout(() => setCopied(false), 2000)
    } catch {
      setCopied(false)
    }
  }
  return (
    <p class="pub-hash">
      <span class="pub-hash-label">SHA-256</span>
      <code class="pub-hash-value" title={sha256}>
        {sha256.slice(0, SHORT_HASH)}…
      </code>
      <span class="visually-hidden">{sha256}</span>
      {canCopy ? (
        <button type="button" class="btn btn-small btn-quiet pub-copy" onClick={() => void copy()} aria-label={copied ? t('copied') : t('pubCopyHash')}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            {copied ? (
              <path d="M3.5 8.5l3 3 6-6.5" stroke="currentColor" stroke-width="1.7" fill="none" stroke-linecap="round" stroke-linejoin="round" />
            ) : (
              <>
                <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" stroke="currentColor" stroke-width="1.4" fill="none" />
                <path d="M10.5 3.5v-.5A1.5 1.5 0 0 0 9 1.5H4A1.5 1.5 0 0 0 2.5 3v5A1.5 1.5 0 0 0 4 9.5h.5" stroke="currentColor" stroke-width="1.4" fill="none" />
              </>
            )}
          </svg>
          <span aria-hidden="true">{copied ? t('copied') : t('copy')}</span>
        </button>
      ) : null}
    </p>
  )
}

interface ListProps {
  items: readonly Publication[]
  onWithdraw: (p: Publication) => void
}

/** The publications, newest period first: what was published, by whom, the figures, the hash, and withdrawals. */
export function PublicationList({ items, onWithdraw }: ListProps) {
  const t = useT()
  return (
    <ul class="pub-list">
      {items.map((p) => {
        const withdrawn = p.status === 'withdrawn'
        return (
          <li class={`pub-item${withdrawn ? ' is-withdrawn' : ''}`} data-id={p.id}>
            <div class="pub-main">
              <h3 class="pub-title">
                <span>{p.title}</span>
                <span class={`status-tag pub-status-${p.status}`}>{withdrawn ? t('pubStatusWithdrawn') : t('pubStatusPublished')}</span>
              </h3>
              <p class="pub-meta">
                <span class="pub-period">{t('pubPeriodText', { from: p.from, to: p.to })}</span>
                <span class="pub-meta-sep" aria-hidden="true">
                  ·
                </span>
                <span>{t('pubPublishedBy', { by: p.publishedBy, at: formatDateTime(p.publishedAt) })}</span>
              </p>
              {withdrawn ? (
                <p class="pub-withdrawn">
                  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                    <circle cx="8" cy="8" r="6" stroke="currentColor" stroke-width="1.5" fill="none" />
                    <path d="M4 12L12 4" stroke="currentColor" stroke-width="1.5" />
                  </svg>
                  <span>
                    {t('pubWithdrawnBy', { by: p.withdrawnBy ?? '—', at: formatDateTime(p.withdrawnAt) })}
                    <span class="pub-reason">{t('pubWithdrawnReason', { reason: p.withdrawReason ?? '—' })}</span>
                  </span>
                </p>
              ) : null}
              <HashLine sha256={p.sha256} />
            </div>
            <dl class="pub-figures">
              <div class="pub-figure">
                <dt>{t('pubFigureN')}</dt>
                <dd>{p.overall.n}</dd>
              </div>
              <div class="pub-figure">
                <dt>{t('pubFigureRate')}</dt>
                <dd>{percent(p.overall.rate)}</dd>
              </div>
            </dl>
            <div class="pub-actions">
              {withdrawn ? (
                <span class="muted pub-offline">{t('pubOffline')}</span>
              ) : (
                <>
                  <a class="btn btn-small" href={`/results/${p.id}`} target="_blank" rel="noopener">
                    {t('pubViewPublic')}
                    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                      <path d="M6 3.5H3.5v9h9V10M9 2.5h4.5V7M13.5 2.5L7.5 8.5" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    <span class="visually-hidden">{t('newTabHint')}</span>
                  </a>
                  <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => onWithdraw(p)}>
                    {t('pubWithdraw')}
                  </button>
                </>
              )}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
