import { useEffect, useState } from 'hono/jsx'
import type { MyAssignments, Visit } from '../../shared/schemas/supervision'
import { api, call } from '../app/api'
import type { ApiError } from '../app/api-error'
import { useUser } from '../app/auth'
import { formatDateTime } from '../app/dates'
import { useT, type Translate } from '../app/i18n'
import { Link } from '../app/Link'
import { usePageTitle } from '../app/page-title'
import { LoadError, Loading } from '../ui/Status'
import { asApiError } from '../ui/use-submit'
import { formatScore, hasQuota, progressText, STATUS_LABEL, TERM_LABEL, TYPE_LABEL } from './labels'
import { SuperviseShell } from './SuperviseShell'

type Campaign = MyAssignments['campaigns'][number]
type MyWindow = Campaign['windows'][number]
type Term = MyAssignments['term']

/** Why the supervisor may not record visits now, in a sentence that says what they still can do. */
function outOfTermText(t: Translate, term: Term) {
  if (term.status === 'upcoming') return t('spvOutOfTermUpcoming', { start: term.start })
  if (term.status === 'ended') return t('spvOutOfTermEnded')
  return t('spvOutOfTermExpired', { end: term.end })
}

/**
 * 监督评议: the supervisor's home on their phone. Their term, the windows assigned to them in each campaign with this
 * month's quota progress and a "start a visit" button, then their own visits (drafts first).
 */
export function SupervisePage() {
  const t = useT()
  const user = useUser()
  usePageTitle(t('spvHomeTitle'))
  const [mine, setMine] = useState<MyAssignments | null>(null)
  const [visits, setVisits] = useState<Visit[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const load = async () => {
    try {
      const [assignments, own] = await Promise.all([call(api.my.assignments.$get()), call(api.my.visits.$get())])
      setMine(assignments)
      setVisits(own.items)
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [])

  return (
    <SuperviseShell>
      <div class="spv-page">
        <header class="spv-head">
          <h1 class="spv-title">{t('spvGreeting', { name: user.displayName })}</h1>
          {mine ? (
            <p class="spv-term">
              <span>{t('spvTerm', { start: mine.term.start, end: mine.term.end })}</span>
              <span class={`badge ${mine.term.canSubmit ? 'spv-badge-ok' : 'badge-muted'}`}>{t(TERM_LABEL[mine.term.status])}</span>
            </p>
          ) : null}
        </header>
        {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
        {!mine && !error ? <Loading /> : null}
        {mine && !mine.term.canSubmit ? (
          <div class="alert alert-warning spv-banner" role="status">
            <p class="alert-title">{t('spvOutOfTermTitle')}</p>
            <p>{outOfTermText(t, mine.term)}</p>
          </div>
        ) : null}
        {mine ? (
          <section class="spv-section" aria-labelledby="spv-windows-title">
            <h2 class="spv-section-title" id="spv-windows-title">
              {t('spvWindowsTitle')}
            </h2>
            {mine.campaigns.length === 0 ? (
              <div class="spv-empty">
                <p class="spv-empty-title">{t('spvNoAssignments')}</p>
                <p>{t('spvNoAssignmentsHint')}</p>
              </div>
            ) : (
              mine.campaigns.map((c) => <CampaignWindows campaign={c} canSubmit={mine.term.canSubmit} />)
            )}
          </section>
        ) : null}
        {visits ? <MyVisits visits={visits} canEdit={mine?.term.canSubmit ?? false} /> : null}
      </div>
    </SuperviseShell>
  )
}

function CampaignWindows({ campaign: c, canSubmit }: { campaign: Campaign; canSubmit: boolean }) {
  const t = useT()
  const noForms = c.forms.length === 0
  return (
    <div class="spv-campaign">
      <div class="spv-campaign-head">
        <h3 class="spv-campaign-name">{c.name}</h3>
        <p class="spv-muted">
          {t('spvCampaignPeriod', { start: c.startsOn, end: c.endsOn })} · {t('spvWindowCount', { count: c.windows.length })}
        </p>
        {noForms ? <p class="spv-note">{t('spvNoForms')}</p> : null}
      </div>
      <ul class="spv-windows">
        {c.windows.map((w) => (
          <li>
            <WindowCard campaignId={c.id} window={w} canStart={canSubmit && !noForms} />
          </li>
        ))}
      </ul>
    </div>
  )
}

function WindowCard({ campaignId, window: w, canStart }: { campaignId: number; window: MyWindow; canStart: boolean }) {
  const t = useT()
  const p = w.progress
  const quota = hasQuota(p)
  const label = `${w.code} ${w.name}`
  return (
    <article class={`spv-window${quota && !p.met ? ' is-behind' : ''}`}>
      <p class="spv-window-unit">{w.unitName}</p>
      <h4 class="spv-window-name">
        <span class="spv-code">{w.code}</span> {w.name}
      </h4>
      <p class="spv-progress">
        <span>{progressText(t, p)}</span>
        {quota ? (
          <span class={`badge ${p.met ? 'spv-badge-ok' : 'spv-badge-behind'}`}>{p.met ? t('spvQuotaMet') : t('spvQuotaNotMet')}</span>
        ) : (
          <span class="badge badge-muted">{t('spvNoQuota')}</span>
        )}
      </p>
      {canStart ? (
        <Link href={`/supervise/visits/new?campaign=${campaignId}&window=${w.id}`} class="btn btn-primary spv-start">
          <span aria-hidden="true">{t('spvStartVisit')}</span>
          <span class="sr-only">{t('spvStartVisitFor', { window: label })}</span>
        </Link>
      ) : (
        <button type="button" class="btn spv-start" disabled>
          {t('spvStartVisit')}
        </button>
      )}
    </article>
  )
}

function MyVisits({ visits, canEdit }: { visits: Visit[]; canEdit: boolean }) {
  const t = useT()
  const drafts = visits.filter((v) => v.status === 'draft')
  const done = visits.filter((v) => v.status !== 'draft')
  return (
    <section class="spv-section" aria-labelledby="spv-visits-title">
      <h2 class="spv-section-title" id="spv-visits-title">
        {t('spvMyVisits')}
      </h2>
      {visits.length === 0 ? (
        <div class="spv-empty">
          <p>{t('spvNoVisits')}</p>
        </div>
      ) : (
        <>
          {drafts.length > 0 ? (
            <div class="spv-visit-group">
              <h3 class="spv-group-title">
                {t('spvDrafts')} <span class="count">{drafts.length}</span>
              </h3>
              {canEdit ? <p class="spv-muted">{t('spvDraftsHint')}</p> : null}
              <ul class="spv-visits">
                {drafts.map((v) => (
                  <li>
                    <VisitItem visit={v} canEdit={canEdit} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div class="spv-visit-group">
            <h3 class="spv-group-title">
              {t('spvDone')} <span class="count">{done.length}</span>
            </h3>
            {done.length === 0 ? (
              <p class="spv-muted">{t('spvNoDoneVisits')}</p>
            ) : (
              <ul class="spv-visits">
                {done.map((v) => (
                  <li>
                    <VisitItem visit={v} canEdit={false} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  )
}

function VisitItem({ visit: v, canEdit }: { visit: Visit; canEdit: boolean }) {
  const t = useT()
  return (
    <Link href={`/supervise/visits/${v.id}`} class={`spv-visit spv-visit-${v.status}`}>
      <span class="spv-visit-main">
        <span class="spv-visit-window">
          <span class="spv-code">{v.windowCode}</span> {v.windowName}
        </span>
        <span class="spv-visit-meta">
          {v.unitName} · {t(TYPE_LABEL[v.type])} · {formatDateTime(v.visitedAt)}
        </span>
        <span class="spv-visit-tags">
          <span class={`badge spv-status-${v.status}`}>{t(STATUS_LABEL[v.status])}</span>
          {v.status === 'submitted' && v.score !== null ? <span class="spv-visit-score">{t('spvScoreShort', { score: formatScore(v.score) })}</span> : null}
          {v.status === 'submitted' && v.inspectionScore !== null ? <span class="spv-visit-score">{t('spvInspectionShort', { score: formatScore(v.inspectionScore) })}</span> : null}
          {v.status === 'submitted' && v.vetoed ? <span class="badge spv-badge-behind">{t('spvVetoed')}</span> : null}
          {v.status === 'annulled' ? <span class="spv-muted">{t('spvNotCounted')}</span> : null}
        </span>
      </span>
      <span class="spv-visit-action">{v.status === 'draft' && canEdit ? t('spvContinue') : t('spvOpenVisit')}</span>
    </Link>
  )
}
