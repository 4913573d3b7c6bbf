import type { Translate } from '../i18n'
import { snapshotHref } from '../route'

/** The SHA-256 of the snapshot, where to get the snapshot, and how to check one against the other. */
export function Verify({ t, id, sha256, printed = false }: { t: Translate; id: number; sha256: string; printed?: boolean }) {
  const href = snapshotHref(id)
  return (
    <section class="verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verifyTitle')}</h2>
      <p>{t('verifyIntro')}</p>
      <p class="sha">
        <code>{sha256}</code>
      </p>
      {printed ? (
        // On paper a link is only its address.
        <p>
          {t('verifyUrl')}
          <span class="url">{new URL(href, location.href).href}</span>
        </p>
      ) : (
        <p>
          <a href={href} download={`snapshot-${id}.json`}>
            {t('verifyDownload')}
          </a>
        </p>
      )}
      <p>{t('verifyHow')}</p>
      <p class="command">
        <code>sha256sum {printed ? 'snapshot.json' : `snapshot-${id}.json`}</code>
      </p>
    </section>
  )
}
