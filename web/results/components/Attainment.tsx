import type { RankingItem } from '../../../shared/schemas/scoring'
import type { Translate } from '../i18n'

const KEY = { attained: 'attained', not_attained: 'notAttained', insufficient: 'insufficient' } as const

/** 达标 / 未达标 / 样本不足 as words (the colour only repeats them). */
export function Attainment({ t, value }: { t: Translate; value: RankingItem['attainment'] }) {
  return <span class={`attain attain-${value}`}>{t(KEY[value])}</span>
}

/** ★★★ with its number spoken; "—" for none. */
export function Stars({ t, n }: { t: Translate; n: number }) {
  if (n <= 0)
    return (
      <span class="stars-none">
        <span aria-hidden="true">—</span>
        <span class="sr-only">{t('noStars')}</span>
      </span>
    )
  return (
    <span class="stars">
      <span aria-hidden="true">{'★'.repeat(n)}</span>
      <span class="sr-only">{t('stars', { n })}</span>
    </span>
  )
}

/** The rank, or "—" (spoken "不排名") for 样本不足. */
export function Rank({ t, rank }: { t: Translate; rank: number | null }) {
  if (rank !== null) return <span class="rank">{rank}</span>
  return (
    <span class="rank rank-none">
      <span aria-hidden="true">—</span>
      <span class="sr-only">{t('unranked')}</span>
    </span>
  )
}
