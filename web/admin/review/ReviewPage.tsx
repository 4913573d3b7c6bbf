import { useEffect, useState } from 'hono/jsx'
import type { ResponseStatus, ReviewItem } from '../../../shared/schemas/review'
import type { Definition } from '../../../shared/survey/definition'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { usePageTitle } from '../../app/page-title'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { RejectDialog } from './RejectDialog'
import { ReviewTable } from './ReviewTable'

type Tab = Extract<ResponseStatus, 'flagged' | 'rejected'>
const TABS: readonly Tab[] = ['flagged', 'rejected']
const PAGE = 100

interface Page {
  items: ReviewItem[]
  total: number
}

/**
 * The latest published questions of each campaign's questionnaire, so that answers read as words. Best effort: the
 * queue works without them (it then shows question keys).
 */
async function loadDefinitions(items: ReviewItem[], known: Map<number, Definition>): Promise<Map<number, Definition>> {
  const campaignIds = [...new Set(items.map((i) => i.campaignId))].filter((id) => !known.has(id))
  if (campaignIds.length === 0) return known
  const next = new Map(known)
  try {
    const { items: campaigns } = await call(api.campaigns.$get())
    await Promise.all(
      campaignIds.map(async (campaignId) => {
        const campaign = campaigns.find((c) => c.id === campaignId)
        if (!campaign) return
        const q = await call(api.questionnaires[':id'].$get({ param: { id: String(campaign.questionnaireId) } }))
        const published = q.versions.find((v) => v.status === 'published')
        if (!published) return
        const v = await call(api.questionnaires[':id'].versions[':version'].$get({ param: { id: String(q.id), version: String(published.version) } }))
        next.set(campaignId, v.definition)
      }),
    )
  } catch {
    // labels are a convenience; the keys are shown instead
  }
  return next
}

/** 待审核: responses flagged as suspicious wait here for an administrator to count them (有效) or reject them with a reason. */
export function ReviewPage() {
  const t = useT()
  usePageTitle(t('navReview'))
  const [tab, setTab] = useState<Tab>('flagged')
  const [pages, setPages] = useState<Partial<Record<Tab, Page>>>({})
  const [definitions, setDefinitions] = useState<Map<number, Definition>>(new Map())
  const [error, setError] = useState<ApiError | null>(null)
  const [rejecting, setRejecting] = useState<ReviewItem | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const load = async () => {
    try {
      const [flagged, rejected] = await Promise.all(TABS.map((status) => call(api.responses.$get({ query: { status, limit: String(PAGE) } }))))
      setPages({ flagged: flagged!, rejected: rejected! })
      setError(null)
      setDefinitions(await loadDefinitions([...flagged!.items, ...rejected!.items], definitions))
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [])

  const markValid = async (item: ReviewItem) => {
    setBusyId(item.id)
    setNotice(null)
    try {
      await call(api.responses[':id'].review.$post({ param: { id: String(item.id) }, json: { decision: 'valid' } }))
      setNotice(t('markedValid'))
      await load()
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setBusyId(null)
    }
  }

  const page = pages[tab]
  const selectTab = (next: Tab) => {
    setTab(next)
    setNotice(null)
  }
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const next = tab === 'flagged' ? 'rejected' : 'flagged'
    selectTab(next)
    document.getElementById(`review-tab-${next}`)?.focus()
  }

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navReview')}</h1>
          <p class="page-subtitle">{t('reviewSubtitle')}</p>
        </div>
      </header>
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {notice ? (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      <section class="card">
        <div class="tabs" role="tablist" aria-label={t('reviewTabs')} onKeyDown={onTabKey}>
          {TABS.map((status) => (
            <button
              type="button"
              role="tab"
              id={`review-tab-${status}`}
              class="tab"
              aria-selected={tab === status ? 'true' : 'false'}
              aria-controls="review-panel"
              tabindex={tab === status ? 0 : -1}
              onClick={() => selectTab(status)}
            >
              {status === 'flagged' ? t('tabFlagged') : t('tabRejected')}
              {pages[status] ? <span class="count">{pages[status]!.total}</span> : null}
            </button>
          ))}
        </div>
        <div id="review-panel" role="tabpanel" aria-labelledby={`review-tab-${tab}`}>
          {!page && !error ? <Loading /> : null}
          {page && page.items.length === 0 ? (
            <div class="empty review-empty">
              <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true">
                <path d="M24 6l14 5v10c0 9-6 16-14 19-8-3-14-10-14-19V11l14-5zM17.5 24l4.5 4.5 8.5-9" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              <p class="empty-title">{tab === 'flagged' ? t('reviewEmpty') : t('rejectedEmpty')}</p>
              {tab === 'flagged' ? <p>{t('reviewEmptyHint')}</p> : null}
            </div>
          ) : null}
          {page && page.items.length > 0 ? (
            <>
              <ReviewTable items={page.items} definitions={definitions} status={tab} busyId={busyId} onValid={(item) => void markValid(item)} onReject={setRejecting} />
              {page.total > page.items.length ? <p class="table-note review-more">{t('reviewMore', { total: page.total, shown: page.items.length })}</p> : null}
            </>
          ) : null}
        </div>
      </section>
      {rejecting ? (
        <RejectDialog
          item={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            setRejecting(null)
            setNotice(t('markedRejected'))
            void load()
          }}
        />
      ) : null}
    </div>
  )
}
