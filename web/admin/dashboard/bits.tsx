import type { Child } from 'hono/jsx'
import type { RankingItem } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { ATTAINMENT_KEYS, interval, percent } from './labels'

// Small pieces the dashboard pages share. A state is never told by colour alone: each has its words and an icon.

const AttainedIcon = () => (
  <svg class="dash-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <circle cx="8" cy="8" r="7" fill="currentColor" />
    <path d="M4.8 8.2l2.1 2.1 4.3-4.5" stroke="#fff" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)
const NotAttainedIcon = () => (
  <svg class="dash-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <path d="M8 1.2l7.2 13.3H.8z" fill="currentColor" stroke="currentColor" stroke-width="1" stroke-linejoin="round" />
    <path d="M8 6v3.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
    <circle cx="8" cy="12" r="1" fill="#fff" />
  </svg>
)
const InsufficientIcon = () => (
  <svg class="dash-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.6 1.9" />
    <path d="M5.5 8h5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
  </svg>
)

const ICONS: Record<RankingItem['attainment'], () => Child> = { attained: AttainedIcon, not_attained: NotAttainedIcon, insufficient: InsufficientIcon }

/** 达标 / 未达标 / 样本不足, with an icon. */
export function AttainmentTag({ attainment }: { attainment: RankingItem['attainment'] }) {
  const t = useT()
  const Icon = ICONS[attainment]
  return (
    <span class={`dash-state dash-state-${attainment}`}>
      <Icon />
      {t(ATTAINMENT_KEYS[attainment])}
    </span>
  )
}

/** ★★★☆☆ read out as "3 星"; no stars as a dash. */
export function Stars({ stars }: { stars: number }) {
  const t = useT()
  if (stars <= 0) return <span class="muted">—</span>
  const shown = Math.min(stars, 5)
  return (
    <span class="dash-stars" title={t('dashStarsCount', { stars })}>
      <span aria-hidden="true">
        {'★'.repeat(shown)}
        <span class="dash-stars-off">{'☆'.repeat(5 - shown)}</span>
      </span>
      <span class="visually-hidden">{t('dashStarsCount', { stars })}</span>
    </span>
  )
}

/** 环比: ↑3 (up three places), ↓1, — (same place, or not ranked in one of the two periods). */
export function RankChange({ rank, previousRank }: { rank: number | null; previousRank: number | null | undefined }) {
  const t = useT()
  if (rank === null || previousRank === null || previousRank === undefined) {
    return (
      <span class="dash-change muted" title={t(rank === null ? 'dashNotRanked' : 'dashNoPreviousRank')}>
        —<span class="visually-hidden">{t(rank === null ? 'dashNotRanked' : 'dashNoPreviousRank')}</span>
      </span>
    )
  }
  const places = previousRank - rank
  if (places === 0) {
    return (
      <span class="dash-change muted" title={t('dashRankSame')}>
        —<span class="visually-hidden">{t('dashRankSame')}</span>
      </span>
    )
  }
  const text = t(places > 0 ? 'dashRankUp' : 'dashRankDown', { places: Math.abs(places), previous: previousRank })
  return (
    <span class={`dash-change ${places > 0 ? 'is-up' : 'is-down'}`} title={text}>
      <span aria-hidden="true">
        {places > 0 ? '↑' : '↓'}
        {Math.abs(places)}
      </span>
      <span class="visually-hidden">{text}</span>
    </span>
  )
}

/** A rate over its 95% interval: 96.3% / 93.1%–97.2%. */
export function RateCell({ rate, interval: i }: { rate: number | null; interval: { low: number; high: number } | null }) {
  const t = useT()
  return (
    <span class="dash-rate">
      <span class="dash-rate-value">{percent(rate)}</span>
      {i ? (
        <span class="dash-rate-interval">
          <span class="visually-hidden">{t('dashInterval95')} </span>
          {interval(i)}
        </span>
      ) : null}
    </span>
  )
}

/** A block that could not load, without taking the rest of the page with it. */
export function BlockError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const t = useT()
  return (
    <div class="dash-block-error" role="alert">
      <span>{message}</span>
      <button type="button" class="btn btn-small" onClick={() => onRetry()}>
        {t('retry')}
      </button>
    </div>
  )
}

/** What the page will look like, while its first figures are on their way. */
export function DashboardSkeleton({ cards = 6, panels = 2 }: { cards?: number; panels?: number }) {
  const t = useT()
  return (
    <div class="dash-skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">{t('loading')}</span>
      {cards > 0 ? (
        <div class="dash-cards" aria-hidden="true">
          {Array.from({ length: cards }, () => (
            <div class="card dash-card">
              <span class="dash-bone dash-bone-title" />
              <span class="dash-bone dash-bone-value" />
              <span class="dash-bone dash-bone-line" />
            </div>
          ))}
        </div>
      ) : null}
      <div class="dash-grid" aria-hidden="true">
        {Array.from({ length: panels }, (_, i) => (
          <div class={`card dash-panel ${i === 0 ? 'dash-panel-trend' : 'dash-panel-levels'}`}>
            <span class="dash-bone dash-bone-title" />
            <span class="dash-bone dash-bone-chart" />
          </div>
        ))}
      </div>
    </div>
  )
}
