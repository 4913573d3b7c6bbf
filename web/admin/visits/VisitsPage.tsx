import { useEffect, useRef, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Supervision, SupervisionSummary, Visit } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { navigate, useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { InlineSelect } from '../supervisors/fields'
import { STATUS_KEYS as CAMPAIGN_STATUS_KEYS } from '../campaigns/labels'
import { currentMonth, defaultMonth, monthsBetween } from './labels'
import { SupervisorSummaryTable, WindowSummaryTable } from './SummaryTables'
import { NO_FILTERS, Pager, VisitFilterBar, VisitTable, type VisitFilters } from './VisitList'

const PAGE = 20

/** The newest campaign that is running, else the newest of all (the list comes newest first). */
const newestActive = (campaigns: Campaign[]) => campaigns.find((c) => c.status === 'active') ?? campaigns[0]

/** What the address says (so that coming back from a visit shows the same list). */
function fromAddress(search: URLSearchParams): { campaignId: number | null; month: string | null; filters: VisitFilters } {
  const id = Number(search.get('campaign'))
  const month = search.get('month')
  const status = search.get('status')
  return {
    campaignId: Number.isInteger(id) && id > 0 ? id : null,
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : null,
    filters: {
      windowId: /^\d+$/.test(search.get('window') ?? '') ? search.get('window')! : '',
      supervisorId: /^\d+$/.test(search.get('supervisor') ?? '') ? search.get('supervisor')! : '',
      status: status === 'submitted' || status === 'annulled' ? status : '',
      findings: search.get('findings') === '1',
      offset: Math.max(0, Math.floor(Number(search.get('offset')) || 0)),
    },
  }
}

function toAddress(campaignId: number, month: string, f: VisitFilters): string {
  const q = new URLSearchParams({ campaign: String(campaignId), month })
  if (f.windowId) q.set('window', f.windowId)
  if (f.supervisorId) q.set('supervisor', f.supervisorId)
  if (f.status) q.set('status', f.status)
  if (f.findings) q.set('findings', '1')
  if (f.offset > 0) q.set('offset', String(f.offset))
  return `/visits?${q}`
}

/**
 * 监督评议: per campaign and month, each window's visits, scores, vetoes and quota progress; each supervisor's visits;
 * and the visits themselves, filtered and paged. The server limits everything to the caller's units (and hides
 * undercover visits from unit managers until the campaign is over).
 */
export function VisitsPage() {
  const t = useT()
  const user = useUser()
  const location = useLocation()
  usePageTitle(t('navVisits'))
  const [initial] = useState(() => fromAddress(location.search))
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null)
  const [campaignId, setCampaignId] = useState<number | null>(initial.campaignId)
  const [month, setMonth] = useState<string | null>(initial.month)
  const [filters, setFilters] = useState<VisitFilters>(initial.filters)
  const [summary, setSummary] = useState<SupervisionSummary | null>(null)
  const [supervision, setSupervision] = useState<Supervision | null>(null)
  const [visits, setVisits] = useState<{ items: Visit[]; total: number } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [visitsError, setVisitsError] = useState<ApiError | null>(null)
  const summaryRun = useRef(0)
  const visitsRun = useRef(0)

  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null

  const loadCampaigns = async () => {
    try {
      const { items } = await call(api.campaigns.$get())
      setCampaigns(items)
      const chosen = items.find((c) => c.id === campaignId) ?? newestActive(items)
      if (chosen && chosen.id !== campaignId) {
        setCampaignId(chosen.id)
        setMonth(defaultMonth(chosen.startsOn, chosen.endsOn))
        setFilters(NO_FILTERS)
      } else if (chosen && !month) {
        setMonth(defaultMonth(chosen.startsOn, chosen.endsOn))
      }
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadCampaigns()
  }, [])

  const loadSummary = async () => {
    if (!campaign || !month) return
    const run = ++summaryRun.current
    setSummary(null)
    try {
      const param = { id: String(campaign.id) }
      const [s, settings] = await Promise.all([
        call(api.campaigns[':id'].supervision.summary.$get({ param, query: { month } })),
        supervision?.campaignId === campaign.id ? Promise.resolve(supervision) : call(api.campaigns[':id'].supervision.$get({ param })),
      ])
      if (run !== summaryRun.current) return
      setSummary(s)
      setSupervision(settings)
      setError(null)
    } catch (e) {
      if (run === summaryRun.current) setError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadSummary()
  }, [campaign?.id, month])

  const loadVisits = async () => {
    if (!campaign) return
    const run = ++visitsRun.current
    try {
      const page = await call(
        api.visits.$get({
          query: {
            campaignId: String(campaign.id),
            limit: String(PAGE),
            offset: String(filters.offset),
            ...(filters.windowId ? { windowId: filters.windowId } : {}),
            ...(filters.supervisorId ? { supervisorId: filters.supervisorId } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.findings ? { findings: 'true' as const } : {}),
          },
        }),
      )
      if (run !== visitsRun.current) return
      setVisits(page)
      setVisitsError(null)
    } catch (e) {
      if (run === visitsRun.current) setVisitsError(asApiError(e))
    }
  }
  useEffect(() => {
    void loadVisits()
  }, [campaign?.id, filters.windowId, filters.supervisorId, filters.status, filters.findings, filters.offset])

  // The address follows the choices, without a new history entry for each.
  useEffect(() => {
    if (!campaign || !month) return
    const to = toAddress(campaign.id, month, filters)
    if (to !== location.path + (location.search.size > 0 ? `?${location.search}` : '')) navigate(to, { replace: true })
  }, [campaign?.id, month, filters])

  const pickCampaign = (id: number) => {
    const next = campaigns?.find((c) => c.id === id)
    if (!next) return
    setCampaignId(id)
    setMonth(defaultMonth(next.startsOn, next.endsOn))
    setFilters(NO_FILTERS)
    setVisits(null)
  }

  const now = currentMonth()
  const months = campaign ? monthsBetween(campaign.startsOn, campaign.endsOn.slice(0, 7) > now ? `${now}-01` : campaign.endsOn) : []
  if (campaign && month && !months.includes(month)) months.unshift(month)

  const windowChoices = (summary?.windows ?? []).map((w) => ({ value: String(w.windowId), label: t('svWithNote', { text: `${w.code} ${w.name}`, note: w.unitName }) }))
  const supervisorNames = new Map<number, string>()
  // Who is assigned where is not for unit managers: it would tell them who may visit undercover.
  if (user.role !== 'manager') for (const a of supervision?.assignments ?? []) supervisorNames.set(a.supervisorId, a.supervisorName)
  for (const s of summary?.supervisors ?? []) supervisorNames.set(s.id, s.name)
  const supervisorChoices = [...supervisorNames].map(([id, name]) => ({ value: String(id), label: name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
  const metCount = summary?.windows.filter((w) => w.progress.met).length ?? 0
  const hasQuota = supervision !== null && (supervision.visitsPerWindowPerMonth !== null || supervision.undercoverPerWindowPerMonth !== null)

  return (
    <div class="page sv-visits-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navVisits')}</h1>
          <p class="page-subtitle">{t('svVisitsSubtitle')}</p>
        </div>
      </header>
      {error ? <LoadError error={error} onRetry={() => void (campaigns ? loadSummary() : loadCampaigns())} /> : null}
      {!campaigns && !error ? <Loading /> : null}
      {campaigns && campaigns.length === 0 ? (
        <section class="card">
          <p class="empty">{t('svNoCampaigns')}</p>
        </section>
      ) : null}
      {campaign && month ? (
        <>
          <section class="card sv-choose" aria-label={t('svChooseCampaign')}>
            <InlineSelect
              class="sv-choose-campaign"
              label={t('campaign')}
              value={String(campaign.id)}
              options={campaigns!.map((c) => ({ value: String(c.id), label: t('svWithNote', { text: c.name, note: t(CAMPAIGN_STATUS_KEYS[c.status]) }) }))}
              onChange={(v) => pickCampaign(Number(v))}
            />
            <InlineSelect label={t('svMonth')} value={month} options={months.map((m) => ({ value: m, label: m }))} onChange={setMonth} />
            <span class="sv-choose-meta muted">
              {campaign.startsOn} {t('svTermTo')} {campaign.endsOn}
            </span>
          </section>

          {user.role === 'manager' ? <p class="alert alert-info">{t('svUndercoverHiddenNote')}</p> : null}

          <section class="card sv-section" aria-labelledby="sv-windows-title">
            <header class="sv-section-head">
              <h2 class="card-title" id="sv-windows-title">
                {t('svWindowsTitle')}
              </h2>
              {summary && hasQuota ? (
                <p class="sv-section-meta">
                  {t('svQuotaSummary', { month: summary.month, met: metCount, total: summary.windows.length })}
                  {' · '}
                  {quotaText(supervision!, t)}
                </p>
              ) : null}
              {summary && !hasQuota ? (
                <p class="sv-section-meta muted">
                  {t('svNoQuotaSet')}{' '}
                  {user.role === 'admin' ? <Link href={`/campaigns/${campaign.id}`}>{t('svSetQuota')}</Link> : null}
                </p>
              ) : null}
            </header>
            <p class="sv-section-note muted">{t('svSummaryNote')}</p>
            {summary ? <WindowSummaryTable summary={summary} /> : error ? null : <Loading />}
          </section>

          <section class="card sv-section" aria-labelledby="sv-supervisors-title">
            <header class="sv-section-head">
              <h2 class="card-title" id="sv-supervisors-title">
                {t('svSupervisorsTitle')}
              </h2>
            </header>
            {summary ? <SupervisorSummaryTable summary={summary} /> : error ? null : <Loading />}
          </section>

          <section class="card sv-section" aria-labelledby="sv-visits-title">
            <header class="sv-section-head">
              <h2 class="card-title" id="sv-visits-title">
                {t('svVisitsTitle')}
              </h2>
            </header>
            <VisitFilterBar filters={filters} windows={windowChoices} supervisors={supervisorChoices} onChange={setFilters} />
            {visitsError ? <LoadError error={visitsError} onRetry={() => void loadVisits()} /> : null}
            {!visits && !visitsError ? <Loading /> : null}
            {visits && visits.items.length === 0 ? <p class="empty">{filters === NO_FILTERS || sameAsNone(filters) ? t('svNoVisitsYet') : t('svNoVisitsMatch')}</p> : null}
            {visits && visits.items.length > 0 ? <VisitTable visits={visits.items} /> : null}
            {visits && visits.total > 0 ? <Pager offset={filters.offset} shown={visits.items.length} total={visits.total} pageSize={PAGE} onPage={(offset) => setFilters({ ...filters, offset })} /> : null}
          </section>
        </>
      ) : null}
    </div>
  )
}

const sameAsNone = (f: VisitFilters) => !f.windowId && !f.supervisorId && !f.status && !f.findings

/** 每个窗口每月 4 次，其中暗访 1 次 */
function quotaText(s: Supervision, t: ReturnType<typeof useT>): string {
  if (s.visitsPerWindowPerMonth !== null && s.undercoverPerWindowPerMonth !== null) return t('svQuotaRule', { visits: s.visitsPerWindowPerMonth, undercover: s.undercoverPerWindowPerMonth })
  if (s.visitsPerWindowPerMonth !== null) return t('svQuotaRuleVisits', { visits: s.visitsPerWindowPerMonth })
  return t('svQuotaRuleUndercover', { undercover: s.undercoverPerWindowPerMonth ?? 0 })
}
