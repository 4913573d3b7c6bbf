import type { RankingItem } from '../../../shared/schemas/scoring'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { canManageSurveys } from '../../app/permissions'
import { useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { DashboardSkeleton } from './bits'
import { Breadcrumb, DrillTable, type Crumb } from './DrillTable'
import { defaultCampaign, fetchOverview, fetchRanking, goKeepingScroll, rankingExportHref, useCampaigns, useLoad, useOrg } from './data'
import { FilterBar } from './FilterBar'
import { dashboardHref, defaultPeriod, drillLevel, readFilters, scopeQuery, windowHref, type DashboardFilters } from './filters'
import { percent, PERIOD_KEYS } from './labels'
import { OverviewCards, VisitsBlock } from './OverviewCards'
import { ChannelsPanel, CommentsPanel, DimensionsPanel, HeatmapPanel, LevelsPanel, LowestPanel, TrendPanel } from './OverviewPanels'

/**
 * 满意度看板: a campaign's figures over a period for a place (all, a sector, a unit, a window) and a channel: headline
 * cards, trend, levels, dimensions, channels, hours, the lowest windows, the newest 差评 comments, the supervisors'
 * visits, and a ranking to drill down sector → unit → window. Every filter is in the address.
 */
export function DashboardPage() {
  const t = useT()
  const user = useUser()
  const location = useLocation()
  usePageTitle(t('navDashboard'))
  const campaigns = useCampaigns()
  const { org, ready: orgReady } = useOrg()
  const asked = readFilters(location.search)
  const noUnits = user.role === 'manager' && user.unitIds.length === 0

  const list = campaigns.data ?? []
  const campaign = list.find((c) => c.id === asked.campaignId) ?? (campaigns.data ? defaultCampaign(list) : null)
  const f: DashboardFilters = { ...asked, campaignId: campaign?.id ?? asked.campaignId }
  const period = f.period ?? defaultPeriod(campaign)
  const rangeInvalid = period === 'custom' && f.from !== null && f.to !== null && f.from > f.to
  const query = campaign ? scopeQuery(f, campaign) : null
  const ready = campaign !== null && query !== null && !rangeInvalid && !noUnits
  const level = drillLevel(f, { sectors: org?.roots.length ?? 0, units: org?.units.size ?? 0 })
  const rankingQuery = query ? { ...query, level, method: f.method } : null

  const overview = useLoad(ready ? JSON.stringify([campaign.id, query]) : null, () => fetchOverview(campaign!.id, query!))
  const ranking = useLoad(ready && orgReady ? JSON.stringify([campaign.id, rankingQuery]) : null, () => fetchRanking(campaign!.id, rankingQuery!))

  const update = (patch: Partial<DashboardFilters>) => goKeepingScroll(dashboardHref({ ...f, ...patch }))

  const hrefOf = (item: RankingItem): string | null => {
    switch (ranking.data?.level) {
      case 'sector':
        return dashboardHref({ ...f, sectorId: item.id, unitId: null, windowId: null })
      case 'unit':
        return dashboardHref({ ...f, sectorId: org?.units.get(item.id)?.unit.sectorId ?? f.sectorId, unitId: item.id, windowId: null })
      case 'window':
        return windowHref(item.id, f)
      default:
        return null
    }
  }

  // Someone who sees one unit (or one sector) has that as the top of the drill-down, not 全部.
  const onlyUnit = org?.units.size === 1 ? [...org.units.values()][0]!.unit : null
  const onlySector = org?.roots.length === 1 ? org.roots[0]!.sector : null
  const top = onlyUnit?.name ?? onlySector?.name ?? t('dashAll')
  const crumbs: Crumb[] = [{ label: top, href: dashboardHref({ ...f, sectorId: null, unitId: null, windowId: null }) }]
  if (f.sectorId !== null && !onlySector) crumbs.push({ label: org?.sectors.get(f.sectorId)?.sector.name ?? t('dashPlaceId', { id: f.sectorId }), href: dashboardHref({ ...f, unitId: null, windowId: null }) })
  if (f.unitId !== null && !onlyUnit) crumbs.push({ label: org?.units.get(f.unitId)?.unit.name ?? t('dashPlaceId', { id: f.unitId }), href: dashboardHref({ ...f, windowId: null }) })
  if (f.windowId !== null) {
    const w = org?.windows.get(f.windowId)
    crumbs.push({ label: w ? `${w.code} ${w.name}` : t('dashPlaceId', { id: f.windowId }), href: dashboardHref(f) })
  }

  const csvName = campaign ? `campaign-${campaign.id}-${overview.data?.from ?? ''}-${overview.data?.to ?? ''}` : 'dashboard'
  const windowLink = (id: number) => windowHref(id, f)
  const citizens = f.respondents !== 'supervisors'
  const supervisors = f.respondents !== 'citizens'

  return (
    <div class="page dash-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navDashboard')}</h1>
          <p class="page-subtitle">
            {campaign
              ? t('dashSubtitle', { from: campaign.startsOn, to: campaign.endsOn, target: percent(campaign.targetRate), min: campaign.minSample })
              : t('dashSubtitleNone')}
          </p>
        </div>
        {campaign && query && !noUnits ? (
          <div class="page-actions">
            <a class="btn" href={`/api/campaigns/${campaign.id}/responses/export?${new URLSearchParams(query)}`} download>
              {t('dashExportResponses')}
            </a>
          </div>
        ) : null}
      </header>

      {noUnits ? (
        <section class="card dash-empty-card">
          <h2 class="dash-empty-title">{t('dashNoUnitsTitle')}</h2>
          <p class="muted">{t('dashNoUnitsText')}</p>
        </section>
      ) : campaigns.error ? (
        <LoadError error={campaigns.error} onRetry={campaigns.reload} />
      ) : !campaigns.data ? (
        <Loading />
      ) : list.length === 0 ? (
        <section class="card dash-empty-card">
          <h2 class="dash-empty-title">{t('dashNoCampaignsTitle')}</h2>
          <p class="muted">{t('dashNoCampaignsText')}</p>
          {canManageSurveys(user) ? (
            <p class="empty-actions">
              <Link href="/campaigns/new" class="btn btn-primary">
                {t('dashCreateCampaign')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : campaign ? (
        <>
          {asked.campaignId !== null && asked.campaignId !== campaign.id ? <p class="alert alert-warning">{t('dashCampaignGone')}</p> : null}
          <FilterBar filters={f} period={period} campaigns={list} org={org} onChange={update} rangeInvalid={rangeInvalid} />

          {overview.data && !rangeInvalid ? (
            <p class="dash-period" aria-live="polite">
              {t('dashShowing', { period: t(PERIOD_KEYS[period]), from: overview.data.from, to: overview.data.to })}
              {campaign.status === 'draft' ? <span class="badge badge-muted">{t('dashDraftCampaign')}</span> : null}
              {overview.loading ? <span class="dash-updating">{t('loading')}</span> : null}
            </p>
          ) : null}

          {overview.error ? <LoadError error={overview.error} onRetry={overview.reload} /> : null}
          {!overview.data && !overview.error && ready ? <DashboardSkeleton cards={citizens ? 6 : 0} /> : null}

          {overview.data && !rangeInvalid ? (
            <div class={`dash-body${overview.loading ? ' is-updating' : ''}`} aria-busy={overview.loading ? 'true' : 'false'}>
              {overview.data.responses.valid === 0 && citizens ? <p class="alert alert-info">{t('dashNoResponsesInPeriodLong')}</p> : null}
              {citizens ? <OverviewCards overview={overview.data} minSample={campaign.minSample} /> : null}
              {supervisors && overview.data.visits ? <VisitsBlock visits={overview.data.visits} campaignId={campaign.id} /> : null}
              {citizens ? (
                <div class="dash-grid">
                  <TrendPanel overview={overview.data} grain={f.grain} csvName={csvName} />
                  <LevelsPanel overview={overview.data} csvName={csvName} />
                  <DimensionsPanel overview={overview.data} csvName={csvName} />
                  <ChannelsPanel overview={overview.data} csvName={csvName} />
                  <HeatmapPanel overview={overview.data} csvName={csvName} />
                  <LowestPanel overview={overview.data} csvName={csvName} hrefOf={windowLink} />
                  <CommentsPanel overview={overview.data} csvName={csvName} hrefOf={windowLink} />
                </div>
              ) : null}
            </div>
          ) : null}

          {ranking.error ? <LoadError error={ranking.error} onRetry={ranking.reload} /> : null}
          {ranking.data && rankingQuery && !rangeInvalid ? (
            <DrillTable
              ranking={ranking.data}
              respondents={f.respondents}
              method={f.method}
              onMethod={(method) => update({ method })}
              hrefOf={hrefOf}
              onGo={goKeepingScroll}
              updating={ranking.loading}
              exportHref={rankingExportHref(campaign.id, rankingQuery)}
              breadcrumb={
                <div class="dash-drill-where">
                  <Breadcrumb crumbs={crumbs} onGo={goKeepingScroll} />
                  {f.windowId !== null ? (
                    <Link href={windowHref(f.windowId, f)} class="dash-window-link">
                      {t('dashOpenWindowPage')}
                    </Link>
                  ) : null}
                </div>
              }
            />
          ) : !ranking.error && ready && overview.data ? (
            <Loading />
          ) : null}
        </>
      ) : null}
    </div>
  )
}
