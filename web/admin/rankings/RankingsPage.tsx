import { useEffect, useMemo, useRef, useState } from 'hono/jsx'
import { percent } from '../../../shared/scoring/format'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { OrgTree } from '../../../shared/schemas/org'
import type { Ranking, RankingItem } from '../../../shared/schemas/scoring'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { canManageSurveys, canPublishResults } from '../../app/permissions'
import { navigate, useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { campaignIndex } from '../campaigns/campaign-windows'
import { indexOrg } from '../org/tree-model'
import { pickCampaign } from './campaigns'
import { ExportLinks } from './ExportLinks'
import { LEVEL_NOUN_KEYS } from './labels'
import { RankingControls } from './RankingControls'
import { RankingLists } from './RankingLists'
import { RankingTable } from './RankingTable'
import { defaultPeriod, hasPrevious, rankingQuery, rankingsHref, readChoices, windowDashboardHref, type RankingChoices } from './query'

/**
 * 排名: a campaign's windows, units, sectors or staff (服务明星) over a period, ordered by the method chosen (the Wilson
 * lower bound by default), with the movement since the previous period, 十佳, the items below the target, and downloads
 * of the ranking and of the responses behind it. The server limits the rows to the caller's units.
 */
export function RankingsPage() {
  const t = useT()
  const user = useUser()
  const location = useLocation()
  usePageTitle(t('rkTitle'))
  const [choices, setChoices] = useState<RankingChoices>(() => readChoices(location.search))
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null)
  const [tree, setTree] = useState<OrgTree | null>(null)
  const [ranking, setRanking] = useState<Ranking | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [rankingError, setRankingError] = useState<ApiError | null>(null)
  const run = useRef(0)

  const campaign = campaigns ? (pickCampaign(campaigns, choices.campaignId) ?? null) : null
  const period = choices.period ?? defaultPeriod(campaign)
  const rangeInvalid = period === 'custom' && choices.from !== null && choices.to !== null && choices.from > choices.to
  const query = campaign ? rankingQuery(choices, campaign) : null
  // Staff rankings are counted without the channel (the staff counters keep none): the channel is not sent.
  if (query && choices.level === 'staff') delete query.channel
  const queryKey = campaign && query && !rangeInvalid ? `${campaign.id}?${JSON.stringify(query)}` : null

  const loadCampaigns = async () => {
    try {
      const [list, org] = await Promise.all([call(api.campaigns.$get()), call(api.org.tree.$get({ query: {} })).catch(() => null)])
      setCampaigns(list.items)
      setTree(org)
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadCampaigns()
  }, [])

  const loadRanking = async () => {
    if (!campaign || !query || !queryKey) return
    const mine = ++run.current
    setBusy(true)
    try {
      const result = await call(api.campaigns[':id'].rankings.$get({ param: { id: String(campaign.id) }, query }))
      if (mine !== run.current) return
      setRanking(result)
      setRankingError(null)
    } catch (e) {
      if (mine === run.current) setRankingError(asApiError(e))
    } finally {
      if (mine === run.current) setBusy(false)
    }
  }
  useEffect(() => {
    void loadRanking()
  }, [queryKey])

  // The address follows the choices (campaign included once known), without a history entry for each.
  useEffect(() => {
    if (!campaign) return
    const to = rankingsHref({ ...choices, campaignId: campaign.id })
    if (to !== location.path + (location.search.size > 0 ? `?${location.search}` : '')) navigate(to, { replace: true })
  }, [campaign?.id, choices])

  const org = useMemo(() => (tree && campaign ? campaignIndex(indexOrg(tree), campaign.scope) : null), [tree, campaign?.id])

  const change = (patch: Partial<RankingChoices>) => {
    const next = { ...choices, ...patch }
    // A custom period starts from what is on screen, so that switching to it changes nothing until a date is changed.
    if (patch.period === 'custom' && choices.period !== 'custom') {
      next.from = ranking?.from ?? campaign?.startsOn ?? null
      next.to = ranking?.to ?? campaign?.endsOn ?? null
    }
    if (patch.period !== undefined && patch.period !== 'custom') {
      next.from = null
      next.to = null
    }
    setChoices(next)
  }
  const switchCampaign = (id: number) => {
    setRanking(null)
    setChoices({ ...choices, campaignId: id, period: null, from: null, to: null, sectorId: null, unitId: null })
  }

  const hrefOf = (item: RankingItem): string | null => {
    if (!campaign || !query) return null
    switch (ranking?.level) {
      case 'window':
        return windowDashboardHref(item.id, campaign.id, query)
      case 'unit':
        return rankingsHref({ ...choices, campaignId: campaign.id, level: 'window', unitId: item.id, sectorId: org?.units.get(item.id)?.unit.sectorId ?? choices.sectorId })
      case 'sector':
        return rankingsHref({ ...choices, campaignId: campaign.id, level: 'unit', sectorId: item.id, unitId: null })
      default:
        return null
    }
  }

  const shown = ranking && campaign && ranking.campaignId === campaign.id ? ranking : null
  const comparable = shown && campaign ? hasPrevious(shown.previous, campaign) : false
  const noun = shown ? t(LEVEL_NOUN_KEYS[shown.level]) : ''
  const totalN = shown ? shown.items.reduce((s, i) => s + i.n, 0) : 0
  const counts = shown
    ? {
        attained: shown.items.filter((i) => i.attainment === 'attained').length,
        notAttained: shown.items.filter((i) => i.attainment === 'not_attained').length,
        insufficient: shown.items.filter((i) => i.attainment === 'insufficient').length,
      }
    : null
  const filtered = choices.sectorId !== null || choices.unitId !== null

  return (
    <div class="page rk-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('rkTitle')}</h1>
          <p class="page-subtitle">{campaign ? t('rkSubtitle', { target: percent(campaign.targetRate), min: campaign.minSample }) : t('rkSubtitleNone')}</p>
        </div>
        {campaign && canPublishResults(user) ? (
          <div class="page-actions">
            <Link class="btn btn-primary" href={`/publications?campaign=${campaign.id}`}>
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d="M8 2.5v7M5 5.5l3-3 3 3M3 10v3h10v-3" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {t('rkPublish')}
            </Link>
          </div>
        ) : null}
      </header>

      {error ? <LoadError error={error} onRetry={() => void loadCampaigns()} /> : null}
      {!campaigns && !error ? <Loading /> : null}
      {campaigns && campaigns.length === 0 ? (
        <section class="card rk-empty-card">
          <div class="empty">
            <p class="empty-title">{t('rkNoCampaignsTitle')}</p>
            <p>{t('rkNoCampaignsText')}</p>
            {canManageSurveys(user) ? (
              <div class="empty-actions">
                <Link class="btn btn-primary" href="/campaigns/new">
                  {t('rkCreateCampaign')}
                </Link>
              </div>
            ) : null}
          </div>
        </section>
      ) : null}

      {campaign ? (
        <>
          <RankingControls campaigns={campaigns!} campaign={campaign} choices={choices} period={period} org={org} rangeInvalid={rangeInvalid} onChange={change} onCampaign={switchCampaign} />

          {shown ? (
            <p class="rk-period-line" aria-live="polite">
              <span>{t('rkShowing', { from: shown.from, to: shown.to })}</span>
              <span class="rk-period-sep" aria-hidden="true">
                ·
              </span>
              <span class="muted">{comparable ? t('rkCompareWith', { from: shown.previous.from, to: shown.previous.to }) : t('rkCompareNone')}</span>
            </p>
          ) : null}

          {user.role === 'manager' ? <p class="alert alert-info rk-scope-note">{t('rkManagerNote')}</p> : null}

          <div id="rk-results" role="tabpanel" aria-labelledby={`rk-tab-${choices.level}`} class={busy && shown ? 'rk-results is-busy' : 'rk-results'} aria-busy={busy ? 'true' : undefined}>
            {rankingError ? <LoadError error={rankingError} onRetry={() => void loadRanking()} /> : null}
            {!shown && !rankingError ? (
              <section class="card rk-loading-card">
                <Loading />
              </section>
            ) : null}
            {shown && shown.items.length === 0 ? (
              <section class="card rk-empty-card">
                <div class="empty">
                  <p class="empty-title">{t('rkNoItemsTitle', { noun })}</p>
                  <p>{shown.level === 'staff' ? t('rkNoStaffText') : filtered ? t('rkNoItemsFiltered') : t('rkNoItemsText')}</p>
                  {filtered ? (
                    <div class="empty-actions">
                      <button type="button" class="btn" onClick={() => change({ sectorId: null, unitId: null })}>
                        {t('rkClearPlace')}
                      </button>
                    </div>
                  ) : null}
                </div>
              </section>
            ) : null}
            {shown && shown.items.length > 0 && totalN === 0 ? (
              <section class="card rk-empty-card">
                <div class="empty">
                  <p class="empty-title">{t('rkNoResponsesTitle')}</p>
                  <p>{shown.level === 'staff' ? t('rkNoStaffResponsesText', { count: shown.items.length }) : t('rkNoResponsesText', { count: shown.items.length, noun })}</p>
                  {period !== 'campaign' ? (
                    <div class="empty-actions">
                      <button type="button" class="btn" onClick={() => change({ period: 'campaign' })}>
                        {t('rkShowWholeCampaign')}
                      </button>
                    </div>
                  ) : null}
                </div>
              </section>
            ) : null}
            {shown && totalN > 0 ? (
              <>
                <RankingLists ranking={shown} hrefOf={hrefOf} filtered={filtered} />
                <section class="card rk-table-card" aria-labelledby="rk-table-title">
                  <header class="rk-table-head">
                    <div>
                      <h2 class="card-title" id="rk-table-title">
                        {t('rkTableTitle', { level: noun })}
                      </h2>
                      <p class="rk-counts">
                        <span>{t('rkCountAll', { count: shown.items.length, noun })}</span>
                        <span class="rk-count rk-count-attained">{t('rkCountAttained', { n: counts!.attained })}</span>
                        <span class="rk-count rk-count-not_attained">{t('rkCountNotAttained', { n: counts!.notAttained })}</span>
                        <span class="rk-count rk-count-insufficient">{t('rkCountInsufficient', { n: counts!.insufficient })}</span>
                      </p>
                    </div>
                    <ExportLinks campaignId={campaign.id} query={query!} />
                  </header>
                  <RankingTable ranking={shown} comparable={comparable} hrefOf={hrefOf} />
                  <p class="table-note rk-table-note">{t('rkTableNote', { min: shown.minSample, noun })}</p>
                </section>
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  )
}
