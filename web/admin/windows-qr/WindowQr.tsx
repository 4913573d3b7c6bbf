import { useEffect, useState } from 'hono/jsx'
import type { Window } from '../../../shared/schemas/org'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { getWindowQr, printCardsUrl, qrImageUrl, rotateWindowQr, type WindowQr as Qr } from './qr-api'

/**
 * A window's QR code for citizens: the image, the address it encodes, a link to print its table card, and a way to
 * replace it (when a card was lost or misused; old cards then show a "replaced" page).
 */
export function WindowQr({ window }: { window: Window }) {
  const t = useT()
  const [qr, setQr] = useState<Qr | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [rotated, setRotated] = useState(false)
  const [copied, setCopied] = useState(false)

  const load = async () => {
    try {
      setQr(await getWindowQr(window.id))
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [window.id])

  const copy = async () => {
    if (!qr) return
    try {
      await navigator.clipboard.writeText(qr.url)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  const canCopy = typeof navigator !== 'undefined' && !!navigator.clipboard
  const name = `${window.code} ${window.name}`

  return (
    <section class="detail-section qr-section" aria-labelledby={`qr-${window.id}`}>
      <div class="section-head">
        <h3 id={`qr-${window.id}`} class="section-title">
          {t('qrTitle')}
        </h3>
        {qr ? (
          <div class="qr-actions">
            <a class="btn btn-small" href={printCardsUrl({ windowId: window.id })} target="_blank" rel="noopener">
              {t('printCard')}
              <span class="visually-hidden">{t('newTabHint')}</span>
            </a>
            <button type="button" class="btn btn-small btn-danger-quiet" onClick={() => setConfirming(true)}>
              {t('rotateQr')}
            </button>
          </div>
        ) : null}
      </div>
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {!qr && !error ? <Loading /> : null}
      {qr ? (
        <div class="qr-body">
          <img class="qr-image" src={qrImageUrl(window.id, qr.token)} alt={t('qrImageAlt', { name })} width={144} height={144} />
          <div class="qr-info">
            <p class="muted">{t('qrHint')}</p>
            {rotated ? (
              <p class="alert alert-success qr-rotated" role="status">
                {t('qrRotated')}
              </p>
            ) : null}
            <p class="qr-url-label">{t('qrUrl')}</p>
            <div class="qr-url-row">
              <a class="qr-url code" href={qr.url} target="_blank" rel="noopener">
                {qr.url}
              </a>
              {canCopy ? (
                <button type="button" class="btn btn-small btn-quiet" onClick={() => void copy()}>
                  {copied ? t('copied') : t('copy')}
                </button>
              ) : null}
            </div>
          </div>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('rotateQrTitle', { name })}
          message={t('rotateQrNote')}
          confirmLabel={t('rotateQr')}
          danger
          onConfirm={async () => {
            setQr(await rotateWindowQr(window.id))
            setCopied(false)
            setRotated(true)
          }}
          onDone={() => setConfirming(false)}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  )
}

/** "打印本单位桌牌": every window's card of a unit, in a new tab. */
export function PrintUnitCardsLink({ unitId }: { unitId: number }) {
  const t = useT()
  return (
    <a class="btn" href={printCardsUrl({ unitId })} target="_blank" rel="noopener">
      {t('printUnitCards')}
      <span class="visually-hidden">{t('newTabHint')}</span>
    </a>
  )
}
