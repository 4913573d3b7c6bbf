import type { Child } from 'hono/jsx'
import { attainment as attainmentOf } from '../../../shared/scoring/rates'
import type { Overview } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { AttainmentTag } from './bits'
import { count, interval, percent, score } from './labels'

function Card({ title, value, children, class: cls, label }: { title: string; value: Child; children?: Child; class?: string; label?: string }) {
  return (
    <div class={`card dash-card${cls ? ` ${cls}` : ''}`} role="group" aria-label={label ?? title}>
      <p class="dash-card-title">{title}</p>
      <p class="dash-card-value">{value}</p>
      {children ? <div class="dash-card-body">{children}</div> : null}
    </div>
  )
}

/**
 * The headline figures: responses (valid, waiting for review, rejected), the overall rate with its interval and n
 * against the target, the index, the bad-review rate, how many windows attain the target, and the quota.
 */
export function OverviewCards({ overview, minSample }: { overview: Overview; minSample: number }) {
  const t = useT()
  const { overall, responses, windows, quota, target } = overview
  // The whole set against the target, as a window would be judged (too few responses: 样本不足).
  const state = overall.n === 0 ? null : attainmentOf(overall.rate, overall.n, target, minSample)
  const bad = (overview.levels['1'] ?? 0) + (overview.levels['2'] ?? 0)
  return (
    <div class="dash-cards">
      <Card title={t('dashValidResponses')} value={count(responses.valid)}>
        <p>
          <span class="nowrap">{t('dashFlagged', { n: count(responses.flagged) })}</span>
          {' · '}
          <span class="nowrap">{t('dashRejected', { n: count(responses.rejected) })}</span>
        </p>
        <p class="muted">{t('dashFlaggedNote')}</p>
      </Card>

      <Card
        title={t('dashOverallRate')}
        class={`dash-card-rate${state === 'not_attained' ? ' is-below' : state === 'attained' ? ' is-above' : ''}`}
        value={percent(overall.rate)}
      >
        <p class="dash-card-interval">
          {overall.interval ? <span class="nowrap">{t('dashIntervalText', { interval: interval(overall.interval) })}</span> : null}
          {overall.interval ? ' · ' : null}
          <span class="nowrap">{t('dashSampleN', { n: count(overall.n) })}</span>
        </p>
        <p class="dash-target-line">
          {state === null ? (
            <span class="muted">{t('dashNoResponsesYet')}</span>
          ) : state === 'attained' ? (
            <span class="dash-state dash-state-attained dash-target-state">
              <AttainedMark />
              {t('dashAboveTarget', { target: percent(target) })}
            </span>
          ) : state === 'not_attained' ? (
            <span class="dash-state dash-state-not_attained dash-target-state">
              <BelowMark />
              {t('dashBelowTarget', { target: percent(target) })}
            </span>
          ) : (
            <span class="dash-state dash-state-insufficient dash-target-state">{t('dashOverallInsufficient', { min: minSample, target: percent(target) })}</span>
          )}
        </p>
      </Card>

      <Card title={t('dashIndex')} value={score(overall.index)}>
        <p class="muted">{t('dashIndexNote')}</p>
      </Card>

      <Card title={t('dashBadRate')} value={percent(overall.badRate)}>
        <p>{t('dashBadCount', { n: count(bad) })}</p>
        <p class="muted">{t('dashBadRateNote')}</p>
      </Card>

      <Card title={t('dashWindowsAttainment')} value={t('dashWindowsAttainedOf', { attained: count(windows.attained), total: count(windows.attained + windows.notAttained + windows.insufficient) })}>
        <ul class="dash-attainment-list">
          <li>
            <AttainmentTag attainment="attained" /> <strong>{count(windows.attained)}</strong>
          </li>
          <li>
            <AttainmentTag attainment="not_attained" /> <strong>{count(windows.notAttained)}</strong>
          </li>
          <li>
            <AttainmentTag attainment="insufficient" /> <strong>{count(windows.insufficient)}</strong>
          </li>
        </ul>
      </Card>

      <Card title={t('dashQuota')} value={quota.total === null ? count(quota.received) : t('dashQuotaOf', { received: count(quota.received), total: count(quota.total) })}>
        {quota.total !== null ? (
          <progress class="dash-progress" max={quota.total} value={Math.min(quota.received, quota.total)} aria-label={t('dashQuotaProgress', { received: count(quota.received), total: count(quota.total) })} />
        ) : null}
        <p class="muted">{quota.total === null ? t('dashNoQuota') : t('dashQuotaNote')}</p>
      </Card>
    </div>
  )
}

const AttainedMark = () => (
  <svg class="dash-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <circle cx="8" cy="8" r="7" fill="currentColor" />
    <path d="M4.8 8.2l2.1 2.1 4.3-4.5" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)
const BelowMark = () => (
  <svg class="dash-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <path d="M8 1.2l7.2 13.3H.8z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round" />
    <path d="M8 6v3.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
    <circle cx="8" cy="12" r="1" fill="#fff" />
  </svg>
)

/** 监督评议: the supervisors' visits to these windows in the period, their mean scores and vetoes. */
export function VisitsBlock({ visits, campaignId }: { visits: Overview['visits']; campaignId: number }) {
  const t = useT()
  return (
    <section class="card dash-panel dash-visits" aria-labelledby="dash-visits-title">
      <header class="dash-panel-head">
        <div class="dash-panel-titles">
          <h2 class="dash-panel-title" id="dash-visits-title">
            {t('dashVisitsTitle')}
          </h2>
          <p class="dash-panel-note">{t('dashVisitsNote')}</p>
        </div>
        <Link href={`/visits?campaign=${campaignId}`} class="btn btn-small btn-quiet">
          {t('dashVisitsOpen')}
        </Link>
      </header>
      <dl class="dash-stats">
        <div>
          <dt>{t('dashVisitsCount')}</dt>
          <dd>{count(visits.n)}</dd>
        </div>
        <div>
          <dt>{t('dashSupervisorMean')}</dt>
          <dd>{score(visits.supervisorMean)}</dd>
        </div>
        <div>
          <dt>{t('dashInspectionScore')}</dt>
          <dd>{score(visits.inspectionScore)}</dd>
        </div>
        <div class={visits.vetoes > 0 ? 'is-bad' : ''}>
          <dt>{t('dashVetoes')}</dt>
          <dd>
            {count(visits.vetoes)}
            {visits.vetoes > 0 ? <span class="dash-stat-flag">{t('dashVetoesFlag')}</span> : null}
          </dd>
        </div>
      </dl>
    </section>
  )
}
