import type { RankingItem } from '../../../shared/schemas/scoring'
import type { Visit } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { VisitTable } from '../visits/VisitList'
import { AttainmentTag, DashboardSkeleton, RankChange, RateCell, Stars } from './bits'
import { defaultCampaign, fetchOverview, fetchRanking, goKeepingScroll, rankingExportHref, useCampaigns, useLoad, useOrg } from './data'
import { DrillTable, follow } from './DrillTable'
import { FilterBar } from './FilterBar'
import { dashboardHref, defaultPeriod, readFilters, scopeQuery, windowHref, type DashboardFilters } from './filters'
import { count, percent, PERIOD_KEYS, score } from './labels'
import { CommentsPanel, DimensionsPanel, LevelsPanel, TrendPanel } from './OverviewPanels'

const VISITS_SHOWN = 20

/** The window of the address /dashboard/windows/<id>. */
const windowIdOf = (path: string) => Number(/^\/dashboard\/windows\/(\d{1,10})$/.exec(path)?.[1] ?? 0)

/**
 * One window's dashboard: its place in the ranking (rank, n, rate with interval, index, composite, stars, target),
 * its trend, levels and dimensions, its staff, its supervisors' visits and the newest 差评 comments, for the
 * campaign, period and channel in the address.
 */
export function WindowDashboardPage() {
  const t = useT()
  const location = useLocation()
  const windowId = windowIdOf(location.path)
  const campaigns = useCampaigns()
  const { org } = useOrg()
  const asked = readFilters(location.search)
  const list = campaigns.data ?? []
  const campaign = list.find((c) => c.id === asked.campaignId) ?? (campaigns.data ? defaultCampaign(list) : null)
  const known = org?.windows.get(windowId)
  const unitNode = known ? org?.units.get(known.unitId) : undefined
  // The window is the place: the sector and unit follow from it (for the way back to the dashboard).
  const f: DashboardFilters = {
    ...asked,
    campaignId: campaign?.id ?? asked.campaignId,
    sectorId: unitNode?.unit.sectorId ?? asked.sectorId,
    unitId: known?.unitId ?? asked.unitId,
    windowId: null,
  }
  const period = f.period ?? defaultPeriod(campaign)
  const rangeInvalid = period === 'custom' && f.from !== null && f.to !== null && f.from > f.to
  const ready = campaign !== null && windowId > 0 && !rangeInvalid
  const base = ready ? scopeQuery({ ...f, sectorId: null, unitId: null }, campaign) : null
  const here = base ? { ...base, windowId: String(windowId) } : null
  const key = (...parts: unknown[]) => (ready ? JSON.stringify([campaign.id, windowId, base, ...parts]) : null)

  const overview = useLoad(key('overview'), () => fetchOverview(campaign!.id, here!))
  // The ranks are over the whole campaign, whatever the filter: the window's row carries its rank among all windows.
  const windows = useLoad(key('window', f.method), () => fetchRanking(campaign!.id, { ...here!, level: 'window', method: f.method }))
  const staff = useLoad(key('staff', f.method), () => fetchRanking(campaign!.id, { ...here!, level: 'staff', method: f.method }))
  const visits = useLoad(ready && f.respondents !== 'citizens' ? JSON.stringify([campaign.id, windowId]) : null, () =>
    call(api.visits.$get({ query: { campaignId: String(campaign!.id), windowId: String(windowId), limit: String(VISITS_SHOWN) } })),
  )

  const item: RankingItem | undefined = windows.data?.items.find((i) => i.id === windowId)
  const title = item ? `${item.code ?? ''} ${item.name}`.trim() : known ? `${known.code} ${known.name}` : t('dashWindowTitle')
  usePageTitle(title)
  const update = (patch: Partial<DashboardFilters>) => goKeepingScroll(windowHref(windowId, { ...f, ...patch }))
  const back = (patch: Partial<DashboardFilters>) => dashboardHref({ ...f, ...patch })
  const sectorName = unitNode ? org?.sectors.get(unitNode.unit.sectorId)?.sector.name : undefined
  const csvName = `window-${windowId}-${overview.data?.from ?? ''}-${overview.data?.to ?? ''}`
  const citizens = f.respondents !== 'supervisors'
  const supervisors = f.respondents !== 'citizens'
  const missing = windows.data !== null && !item

  return (
    <div class="page dash-page dash-window-page">
      <nav class="dash-breadcrumb dash-page-crumbs" aria-label={t('dashBreadcrumb')}>
        <ol>
          <li>
            <Link href={back({ sectorId: null, unitId: null })}>{t('navDashboard')}</Link>
          </li>
          {sectorName && f.sectorId !== null ? (
            <li>
              <Link href={back({ unitId: null })}>{sectorName}</Link>
            </li>
          ) : null}
          {unitNode ? (
            <li>
              <Link href={back({})}>{unitNode.unit.name}</Link>
            </li>
          ) : null}
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <header class="page-header">
        <div>
          <h1 class="page-title">{title}</h1>
          <p class="page-subtitle">{[item?.parentName ?? unitNode?.unit.name, campaign?.name].filter(Boolean).join(' · ')}</p>
        </div>
      </header>

      {campaigns.error ? <LoadError error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {!campaigns.data && !campaigns.error ? <Loading /> : null}
      {campaigns.data && !campaign ? (
        <section class="card dash-empty-card">
          <h2 class="dash-empty-title">{t('dashNoCampaignsTitle')}</h2>
          <p class="muted">{t('dashNoCampaignsText')}</p>
        </section>
      ) : null}

      {campaign ? (
        <>
          <FilterBar filters={f} period={period} campaigns={list} org={org} onChange={update} places={false} rangeInvalid={rangeInvalid} />
          {overview.data && !rangeInvalid ? (
            <p class="dash-period" aria-live="polite">
              {t('dashShowing', { period: t(PERIOD_KEYS[period]), from: overview.data.from, to: overview.data.to })}
            </p>
          ) : null}

          {missing ? (
            <section class="card dash-empty-card">
              <h2 class="dash-empty-title">{t('dashWindowNotInCampaign')}</h2>
              <p class="muted">{t('dashWindowNotInCampaignText')}</p>
              <p class="empty-actions">
                <a class="btn" href={back({})} onClick={follow(back({}), goKeepingScroll)}>
                  {t('dashBackToDashboard')}
                </a>
              </p>
            </section>
          ) : (
            <>
              {windows.error ? <LoadError error={windows.error} onRetry={windows.reload} /> : null}
              {item && windows.data ? (
                <WindowFigures item={item} target={windows.data.target} minSample={windows.data.minSample} supervisors={supervisors} citizens={citizens} />
              ) : !windows.error ? (
                <DashboardSkeleton cards={0} />
              ) : null}

              {overview.error ? <LoadError error={overview.error} onRetry={overview.reload} /> : null}
              {overview.data && citizens ? (
                <div class={`dash-grid dash-grid-window${overview.loading ? ' is-updating' : ''}`}>
                  <TrendPanel overview={overview.data} grain={f.grain} csvName={csvName} />
                  <LevelsPanel overview={overview.data} csvName={csvName} />
                  <DimensionsPanel overview={overview.data} csvName={csvName} />
                  <CommentsPanel overview={overview.data} csvName={csvName} hrefOf={(id) => windowHref(id, f)} showWindow={false} />
                </div>
              ) : null}

              {staff.error ? <LoadError error={staff.error} onRetry={staff.reload} /> : null}
              {staff.data && here && citizens ? (
                <DrillTable
                  ranking={staff.data}
                  respondents="citizens"
                  method={f.method}
                  onMethod={(method) => update({ method })}
                  hrefOf={() => null}
                  onGo={goKeepingScroll}
                  updating={staff.loading}
                  exportHref={rankingExportHref(campaign.id, { ...here, level: 'staff', method: f.method })}
                  breadcrumb={<p class="dash-panel-note">{t('dashStaffNote')}</p>}
                />
              ) : null}

              {supervisors ? <WindowVisits visits={visits.data} error={visits.error} onRetry={visits.reload} campaignId={campaign.id} windowId={windowId} /> : null}
            </>
          )}
        </>
      ) : null}
    </div>
  )
}

interface FiguresProps {
  item: RankingItem
  target: number
  minSample: number
  citizens: boolean
  supervisors: boolean
}

/** The window's row of the ranking, spelt out: rank of how many, n, rate with interval against the target, … */
function WindowFigures({ item, target, minSample, citizens, supervisors }: FiguresProps) {
  const t = useT()
  return (
    <section class={`card dash-window-figures${item.attainment === 'not_attained' ? ' is-below' : ''}`} aria-label={t('dashWindowFigures')}>
      <dl class="dash-stats dash-stats-wide">
        <div>
          <dt>{t('dashColRank')}</dt>
          <dd>
            {item.rank === null ? <span class="dash-unranked-big">{t('dashNotRankedShort')}</span> : t('dashRankNo', { rank: item.rank })}
            <span class="dash-stat-sub">
              {t('dashColChange')} <RankChange rank={item.rank} previousRank={item.previousRank} />
            </span>
          </dd>
        </div>
        {citizens ? (
          <>
            <div>
              <dt>{t('dashColN')}</dt>
              <dd>
                {count(item.n)}
                {item.attainment === 'insufficient' ? <span class="dash-stat-sub">{t('dashMinSample', { min: minSample })}</span> : null}
              </dd>
            </div>
            <div class={item.attainment === 'not_attained' ? 'is-bad' : ''}>
              <dt>{t('dashOverallRate')}</dt>
              <dd>
                <RateCell rate={item.rate} interval={item.interval} />
                <span class="dash-stat-sub">
                  <AttainmentTag attainment={item.attainment} /> <span class="muted">{t('dashTargetIs', { target: percent(target) })}</span>
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('dashIndex')}</dt>
              <dd>{score(item.index)}</dd>
            </div>
            <div>
              <dt>{t('dashBadRate')}</dt>
              <dd>{percent(item.badRate)}</dd>
            </div>
          </>
        ) : null}
        {supervisors ? (
          <>
            <div>
              <dt>{t('dashSupervisorMean')}</dt>
              <dd>{score(item.supervisorMean)}</dd>
            </div>
            <div>
              <dt>{t('dashInspectionScore')}</dt>
              <dd>{score(item.inspectionScore)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('dashColComposite')}</dt>
          <dd>
            {score(item.composite)}
            {item.vetoed ? <span class="tag tag-danger dash-veto">{t('veto')}</span> : null}
            <span class="dash-stat-sub">
              <Stars stars={item.stars} />
            </span>
          </dd>
        </div>
      </dl>
    </section>
  )
}

function WindowVisits({ visits, error, onRetry, campaignId, windowId }: { visits: { items: Visit[]; total: number } | null; error: import('../../app/api-error').ApiError | null; onRetry: () => void; campaignId: number; windowId: number }) {
  const t = useT()
  return (
    <section class="card dash-panel" aria-labelledby="dash-window-visits">
      <header class="dash-panel-head">
        <div class="dash-panel-titles">
          <h2 class="dash-panel-title" id="dash-window-visits">
            {t('dashVisitsTitle')}
          </h2>
          <p class="dash-panel-note">{visits && visits.total > visits.items.length ? t('dashVisitsShown', { shown: visits.items.length, total: visits.total }) : t('dashWindowVisitsNote')}</p>
        </div>
        <Link href={`/visits?campaign=${campaignId}&window=${windowId}`} class="btn btn-small btn-quiet">
          {t('dashVisitsOpen')}
        </Link>
      </header>
      {error ? <LoadError error={error} onRetry={onRetry} /> : null}
      {!visits && !error ? <Loading /> : null}
      {visits && visits.items.length === 0 ? <p class="dash-empty">{t('dashNoVisits')}</p> : null}
      {visits && visits.items.length > 0 ? <VisitTable visits={visits.items} /> : null}
    </section>
  )
}
