import { useEffect, useId, useRef, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Publication } from '../../../shared/schemas/publication'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { navigate, useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { STATUS_KEYS as CAMPAIGN_STATUS_KEYS } from '../campaigns/labels'
import { pickCampaign } from './campaigns'
import { PublicationList } from './PublicationList'
import { PublishDialog } from './PublishDialog'
import { WithdrawDialog } from './WithdrawDialog'

const campaignFromAddress = (search: URLSearchParams) => {
  const id = Number(search.get('campaign'))
  return Number.isInteger(id) && id > 0 ? id : null
}

/**
 * 结果发布 (admin): publish a finished period of a campaign (last month by default) as a frozen, hashed snapshot for
 * the public pages, and withdraw one with a reason. Nothing is edited; everything stays on record.
 */
export function PublicationsPage() {
  const t = useT()
  const location = useLocation()
  const selectId = useId()
  usePageTitle(t('pubTitle'))
  const [wanted, setWanted] = useState<number | null>(() => campaignFromAddress(location.search))
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null)
  const [items, setItems] = useState<Publication[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [listError, setListError] = useState<ApiError | null>(null)
  const [publishing, setPublishing] = useState(false)
  const [withdrawing, setWithdrawing] = useState<Publication | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const run = useRef(0)

  const campaign = campaigns ? (pickCampaign(campaigns, wanted) ?? null) : null

  const loadCampaigns = async () => {
    try {
      setCampaigns((await call(api.campaigns.$get())).items)
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadCampaigns()
  }, [])

  const loadList = async () => {
    if (!campaign) return
    const mine = ++run.current
    try {
      const { items: list } = await call(api.publications.$get({ query: { campaignId: String(campaign.id) } }))
      if (mine !== run.current) return
      setItems(list)
      setListError(null)
    } catch (e) {
      if (mine === run.current) setListError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadList()
  }, [campaign?.id])

  useEffect(() => {
    if (!campaign) return
    const to = `/publications?campaign=${campaign.id}`
    if (to !== location.path + (location.search.size > 0 ? `?${location.search}` : '')) navigate(to, { replace: true })
  }, [campaign?.id])

  const choose = (id: number) => {
    setWanted(id)
    setItems(null)
    setNotice(null)
  }

  const published = (p: Publication) => {
    setPublishing(false)
    setNotice(t('pubPublishedNotice', { title: p.title }))
    void loadList()
  }
  const withdrawn = (p: Publication) => {
    setWithdrawing(null)
    setNotice(t('pubWithdrawnNotice', { title: p.title }))
    void loadList()
  }

  const draft = campaign?.status === 'draft'
  const live = items?.filter((p) => p.status === 'published').length ?? 0

  return (
    <div class="page pub-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('pubTitle')}</h1>
          <p class="page-subtitle">{t('pubSubtitle')}</p>
        </div>
        <div class="page-actions">
          <a class="btn" href="/results" target="_blank" rel="noopener">
            {t('pubPublicSite')}
            <span class="visually-hidden">{t('newTabHint')}</span>
          </a>
        </div>
      </header>

      {error ? <LoadError error={error} onRetry={() => void loadCampaigns()} /> : null}
      {!campaigns && !error ? <Loading /> : null}
      {campaigns && campaigns.length === 0 ? (
        <section class="card">
          <div class="empty">
            <p class="empty-title">{t('rkNoCampaignsTitle')}</p>
            <p>{t('pubNoCampaignsText')}</p>
            <div class="empty-actions">
              <Link class="btn btn-primary" href="/campaigns/new">
                {t('rkCreateCampaign')}
              </Link>
            </div>
          </div>
        </section>
      ) : null}

      {campaign ? (
        <>
          <section class="card pub-choose">
            <div class="pub-choose-row">
              <div class="pub-choose-field">
                <label class="rk-control-label" for={selectId}>
                  {t('campaign')}
                </label>
                <select id={selectId} class="input select" value={String(campaign.id)} onChange={(e: Event) => choose(Number((e.currentTarget as HTMLSelectElement).value))}>
                  {campaigns!.map((c) => (
                    <option value={String(c.id)} selected={c.id === campaign.id}>
                      {t('rkCampaignOption', { name: c.name, status: t(CAMPAIGN_STATUS_KEYS[c.status]) })}
                    </option>
                  ))}
                </select>
              </div>
              <div class="pub-choose-actions">
                <button type="button" class="btn btn-primary" disabled={draft} aria-describedby={draft ? 'pub-draft-note' : undefined} onClick={() => setPublishing(true)}>
                  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                    <path d="M8 2.5v7M5 5.5l3-3 3 3M3 10v3h10v-3" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
                  </svg>
                  {t('pubPublishLastMonth')}
                </button>
                <Link class="btn" href={`/rankings?campaign=${campaign.id}&period=lastMonth`}>
                  {t('pubSeeRankings')}
                </Link>
              </div>
            </div>
            <p class="rk-control-hint pub-choose-meta">{t('pubCampaignMeta', { from: campaign.startsOn, to: campaign.endsOn })}</p>
            {draft ? (
              <p class="pub-draft-note muted" id="pub-draft-note">
                {t('pubDraftNote')}
              </p>
            ) : null}
          </section>

          {notice ? (
            <p class="alert alert-success" role="status">
              {notice}
            </p>
          ) : null}

          <section class="card pub-list-card" aria-labelledby="pub-list-title">
            <header class="pub-list-head">
              <h2 class="card-title" id="pub-list-title">
                {t('pubListTitle')}
                {items && items.length > 0 ? <span class="count">{items.length}</span> : null}
              </h2>
              {items && items.length > 0 ? <p class="rk-list-meta">{t('pubListMeta', { live, withdrawn: items.length - live })}</p> : null}
            </header>
            {listError ? <LoadError error={listError} onRetry={() => void loadList()} /> : null}
            {!items && !listError ? <Loading /> : null}
            {items && items.length === 0 ? (
              <div class="empty pub-empty">
                <svg viewBox="0 0 48 48" width="44" height="44" aria-hidden="true">
                  <rect x="9" y="7" width="30" height="34" rx="3" stroke="currentColor" stroke-width="2" fill="none" />
                  <path d="M16 17h16M16 24h16M16 31h10" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                <p class="empty-title">{t('pubEmptyTitle')}</p>
                <p>{t('pubEmptyText')}</p>
              </div>
            ) : null}
            {items && items.length > 0 ? <PublicationList items={items} onWithdraw={setWithdrawing} /> : null}
          </section>

          {publishing ? <PublishDialog campaign={campaign} onDone={published} onClose={() => setPublishing(false)} /> : null}
          {withdrawing ? <WithdrawDialog publication={withdrawing} onDone={withdrawn} onClose={() => setWithdrawing(null)} /> : null}
        </>
      ) : null}
    </div>
  )
}
