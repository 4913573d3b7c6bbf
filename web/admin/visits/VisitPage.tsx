import { useEffect, useState } from 'hono/jsx'
import type { Visit } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { formatDateTime } from '../../app/dates'
import { useLocale, useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { canAnnulVisits } from '../../app/permissions'
import { useLocation } from '../../app/router'
import { Dialog } from '../../ui/Dialog'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { kindLabel } from '../supervisors/labels'
import { AnnulDialog } from './AnnulDialog'
import { answerRows } from './answers'
import { formatScore, VISIT_STATUS_KEYS, VISIT_TYPE_KEYS } from './labels'

/**
 * One supervisor visit: who, where, how and when; the scores, veto and findings; every answer; notes and photos; its
 * status. Administrators can annul a submitted visit with a reason.
 */
export function VisitPage() {
  const t = useT()
  const locale = useLocale()
  const user = useUser()
  const { path } = useLocation()
  const id = Number(/^\/visits\/(\d+)/.exec(path)?.[1] ?? 0)
  const [visit, setVisit] = useState<Visit | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [annulling, setAnnulling] = useState(false)
  const [photo, setPhoto] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  usePageTitle(visit ? `${visit.windowCode} ${visit.windowName} · ${t('svVisit')}` : t('svVisit'))

  const load = async () => {
    try {
      setVisit(await call(api.visits[':id'].$get({ param: { id: String(id) } })))
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    setVisit(null)
    setNotice(null)
    void load()
  }, [id])

  const back = (
    <p class="back-nav">
      <Link href="/visits" class="back-link">
        ← {t('navVisits')}
      </Link>
    </p>
  )
  if (error && !visit) {
    return (
      <div class="page sv-visit-page">
        {back}
        <LoadError error={error} onRetry={() => void load()} />
      </div>
    )
  }
  if (!visit) return <Loading />

  const rows = answerRows(visit.answers, visit.definition, t, locale)
  const mayAnnul = canAnnulVisits(user) && visit.status === 'submitted'
  const shown = photo === null ? undefined : visit.photos[photo]

  return (
    <div class="page sv-visit-page">
      {back}
      <header class="page-header">
        <div>
          <h1 class="page-title">
            <span class="tree-code">{visit.windowCode}</span> {visit.windowName}
            <span class={`status-tag sv-visit-${visit.status}`}>{t(VISIT_STATUS_KEYS[visit.status])}</span>
          </h1>
          <p class="page-subtitle">
            {visit.unitName} · {visit.campaignName}
          </p>
        </div>
        {mayAnnul ? (
          <div class="page-actions">
            <button type="button" class="btn btn-danger-quiet" onClick={() => setAnnulling(true)}>
              {t('svAnnul')}
            </button>
          </div>
        ) : null}
      </header>

      {notice ? (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {visit.status === 'annulled' ? (
        <div class="alert alert-warning">
          <p class="alert-title">{t('svAnnulledBanner', { time: formatDateTime(visit.annulledAt) })}</p>
          {visit.annulReason ? <p>{t('svAnnulledReason', { reason: visit.annulReason })}</p> : null}
        </div>
      ) : null}

      <div class="sv-visit-layout">
        <section class="card card-padded" aria-labelledby="sv-visit-facts">
          <h2 class="card-title" id="sv-visit-facts">
            {t('svVisitFacts')}
          </h2>
          <dl class="facts sv-facts">
            <div class="fact">
              <dt>{t('svSupervisor')}</dt>
              <dd>
                {visit.supervisorName} <span class="muted">· {kindLabel(visit.supervisorKind, t)}</span>
              </dd>
            </div>
            <div class="fact">
              <dt>{t('window')}</dt>
              <dd>
                {visit.unitName} / {visit.windowCode} {visit.windowName}
              </dd>
            </div>
            <div class="fact">
              <dt>{t('svVisitType')}</dt>
              <dd>
                <span class={`tag sv-type-${visit.type}`}>{t(VISIT_TYPE_KEYS[visit.type])}</span>
              </dd>
            </div>
            <div class="fact">
              <dt>{t('svVisitedAt')}</dt>
              <dd>{formatDateTime(visit.visitedAt)}</dd>
            </div>
            <div class="fact">
              <dt>{t('submittedAt')}</dt>
              <dd>{formatDateTime(visit.submittedAt)}</dd>
            </div>
            <div class="fact">
              <dt>{t('campaign')}</dt>
              <dd>{visit.campaignName}</dd>
            </div>
          </dl>
        </section>

        <section class="card card-padded" aria-labelledby="sv-visit-scores">
          <h2 class="card-title" id="sv-visit-scores">
            {t('svScores')}
          </h2>
          <dl class="sv-score-grid">
            <div class="summary-item">
              <dt>{t('svColScore')}</dt>
              <dd>{formatScore(visit.score)}</dd>
            </div>
            <div class="summary-item">
              <dt>{t('svColInspection')}</dt>
              <dd>{formatScore(visit.inspectionScore)}</dd>
            </div>
            <div class={`summary-item${visit.vetoed ? ' sv-vetoed' : ''}`}>
              <dt>{t('veto')}</dt>
              <dd>
                {visit.vetoed ? (
                  <span class="sv-veto-yes">
                    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                      <path d="M8 1.5l7 12.5H1L8 1.5zM8 6v4M8 11.8v.2" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
                    </svg>
                    {t('svVetoTriggered')}
                  </span>
                ) : (
                  t('svVetoNone')
                )}
              </dd>
            </div>
          </dl>
          <p class="field-hint">{visit.status === 'annulled' ? t('svAnnulledScoresNote') : t('svScoresNote')}</p>
        </section>
      </div>

      <section class="card card-padded sv-section-gap" aria-labelledby="sv-visit-findings">
        <h2 class="card-title" id="sv-visit-findings">
          {t('svFindings')}
        </h2>
        {visit.findings.length === 0 ? (
          <p class="muted">{t('svNoFindings')}</p>
        ) : (
          <ul class="sv-findings">
            {visit.findings.map((f) => (
              <li class={f.veto ? 'is-veto' : ''}>
                <span>{f.text}</span>
                {f.veto ? <span class="tag tag-danger">{t('veto')}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {visit.notes ? (
          <div class="sv-notes">
            <h3 class="sv-subtitle">{t('svNotes')}</h3>
            <p class="sv-prewrap">{visit.notes}</p>
          </div>
        ) : null}
      </section>

      <section class="card card-padded sv-section-gap" aria-labelledby="sv-visit-answers">
        <h2 class="card-title" id="sv-visit-answers">
          {t('svAnswers')}
        </h2>
        {rows.length === 0 ? (
          <p class="muted">{t('noAnswers')}</p>
        ) : (
          <ol class="sv-answers">
            {rows.map((r) => (
              <li class="sv-answer">
                <span class="sv-answer-q">{r.question}</span>
                <span class={`sv-answer-a${r.long ? ' sv-prewrap' : ''}`}>
                  {r.answer === null ? (
                    <span class="muted">{t('svUnanswered')}</span>
                  ) : r.check ? (
                    <span class={`sv-check ${r.check.passed ? 'is-pass' : 'is-fail'}`}>
                      <span aria-hidden="true">{r.check.passed ? '✓' : '✗'}</span> {r.answer}
                      {r.check.points !== undefined ? <span class="muted"> · {t('pointsN', { n: r.check.passed ? r.check.points : 0 })}</span> : null}
                      {r.check.veto ? <span class={`tag ${r.check.passed ? 'tag-quiet' : 'tag-danger'} sv-veto-tag`}>{t('veto')}</span> : null}
                    </span>
                  ) : (
                    r.answer
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="card card-padded sv-section-gap" aria-labelledby="sv-visit-photos">
        <h2 class="card-title" id="sv-visit-photos">
          {t('svPhotos')} <span class="count">{visit.photos.length}</span>
        </h2>
        {visit.photos.length === 0 ? (
          <p class="muted">{t('svNoPhotos')}</p>
        ) : (
          <ul class="sv-photos">
            {visit.photos.map((p, i) => (
              <li>
                <button type="button" class="sv-photo" aria-label={t('svOpenPhoto', { n: i + 1 })} onClick={() => setPhoto(i)}>
                  <img src={p.url} alt="" loading="lazy" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {annulling ? (
        <AnnulDialog
          visit={visit}
          onClose={() => setAnnulling(false)}
          onDone={(v) => {
            setVisit(v)
            setAnnulling(false)
            setNotice(t('svAnnulled'))
          }}
        />
      ) : null}
      {shown && photo !== null ? (
        <Dialog title={t('svPhotoN', { n: photo + 1, total: visit.photos.length })} onClose={() => setPhoto(null)} size="wide">
          <div class="dialog-body sv-photo-full">
            <img src={shown.url} alt={t('svPhotoAlt', { n: photo + 1, window: `${visit.windowCode} ${visit.windowName}` })} />
          </div>
          <footer class="dialog-footer sv-photo-nav">
            <a class="btn" href={shown.url} target="_blank" rel="noopener">
              {t('svOpenOriginal')}
              <span class="visually-hidden">{t('newTabHint')}</span>
            </a>
            <span class="sv-spacer" />
            <button type="button" class="btn" disabled={photo === 0} onClick={() => setPhoto(photo - 1)}>
              {t('svPrevPhoto')}
            </button>
            <button type="button" class="btn" disabled={photo === visit.photos.length - 1} onClick={() => setPhoto(photo + 1)}>
              {t('svNextPhoto')}
            </button>
          </footer>
        </Dialog>
      ) : null}
    </div>
  )
}
