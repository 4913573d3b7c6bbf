import type { RankingItem } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { ATTAINMENT_KEYS, movement, starText } from './labels'

const ICONS: Record<RankingItem['attainment'], string> = {
  attained: 'M4 8.5l2.5 2.5L12 5.5',
  not_attained: 'M5 5l6 6m0-6l-6 6',
  insufficient: 'M4.5 8h7',
}

/** 达标 / 未达标 / 样本不足: an icon and the word (red only as an extra). */
export function AttainmentTag({ item, minSample }: { item: Pick<RankingItem, 'attainment' | 'n'>; minSample: number }) {
  const t = useT()
  return (
    <span class={`rk-att rk-att-${item.attainment}`} title={item.attainment === 'insufficient' ? t('rkInsufficientTitle', { n: item.n, min: minSample }) : undefined}>
      <svg class="rk-att-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d={ICONS[item.attainment]} stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      {t(ATTAINMENT_KEYS[item.attainment])}
    </span>
  )
}

/** ↑2 / ↓1 / 新 / —, with the words for screen readers; the arrow carries the meaning, colour only helps. */
export function MovementTag({ item, comparable }: { item: Pick<RankingItem, 'rank' | 'previousRank'>; comparable: boolean }) {
  const t = useT()
  const m = movement(item, comparable)
  const [shown, said] =
    m.kind === 'up'
      ? [`↑${m.places}`, t('rkMovedUp', { n: m.places, previous: item.previousRank! })]
      : m.kind === 'down'
        ? [`↓${m.places}`, t('rkMovedDown', { n: m.places, previous: item.previousRank! })]
        : m.kind === 'new'
          ? [t('rkNewShort'), t('rkNewLong')]
          : m.kind === 'same'
            ? ['—', t('rkSame')]
            : ['—', comparable ? t('rkNotRanked') : t('rkNoPrevious')]
  return (
    <span class={`rk-move rk-move-${m.kind}`} title={said}>
      <span aria-hidden="true">{shown}</span>
      <span class="visually-hidden">{said}</span>
    </span>
  )
}

/** ★★★★☆ read out as "4 星"; a dash when there are none. */
export function Stars({ stars }: { stars: number }) {
  const t = useT()
  if (stars <= 0) return <span class="muted">—</span>
  return (
    <span class="rk-stars" role="img" aria-label={t('rkStarsLabel', { n: stars })} title={t('rkStarsLabel', { n: stars })}>
      <span class="rk-stars-full" aria-hidden="true">
        {starText(stars)}
      </span>
      <span class="rk-stars-short" aria-hidden="true">
        {stars}★
      </span>
    </span>
  )
}

/** The rank as a number in a small badge; the top three stand out a little. */
export function RankBadge({ rank }: { rank: number | null }) {
  const t = useT()
  if (rank === null)
    return (
      <span class="rk-rank rk-rank-none" title={t('rkUnrankedTitle')}>
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{t('rkUnrankedTitle')}</span>
      </span>
    )
  return <span class={`rk-rank${rank <= 3 ? ` rk-rank-top rk-rank-${rank}` : ''}`}>{rank}</span>
}
