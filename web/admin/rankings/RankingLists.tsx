import { percent, score } from '../../../shared/scoring/format'
import { belowTarget, topTen } from '../../../shared/scoring/ranking'
import type { Ranking, RankingItem } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { RankBadge, Stars } from './bits'
import { intervalText, LEVEL_NOUN_KEYS, TOP_TEN_KEYS } from './labels'

/** The worst ones listed here; the table has them all. */
const BELOW_SHOWN = 10

interface ListsProps {
  ranking: Ranking
  hrefOf: (item: RankingItem) => string | null
  /** Filters narrow the rows; ranks stay those among all the campaign's items (as published). */
  filtered: boolean
}

function Name({ item, href }: { item: RankingItem; href: string | null }) {
  return (
    <span class="rk-list-name">
      <span class="rk-list-title">
        {item.code ? <span class="tree-code">{item.code}</span> : null}
        {href ? <Link href={href}>{item.name}</Link> : item.name}
      </span>
      {item.parentName ? <span class="cell-sub-text">{item.parentName}</span> : null}
    </span>
  )
}

/**
 * 十佳 (the same topTen() the published snapshot uses) and the items below the target, worst first (belowTarget()),
 * side by side above the table.
 */
export function RankingLists({ ranking, hrefOf, filtered }: ListsProps) {
  const t = useT()
  const best = topTen(ranking.items)
  const below = belowTarget(ranking.items)
  const noun = t(LEVEL_NOUN_KEYS[ranking.level])
  // The figure the ranking is ordered by, so that the list reads in order.
  const headline = (item: RankingItem) =>
    ranking.method === 'index' ? t('rkIndexValue', { value: score(item.index) }) : ranking.method === 'composite' ? t('rkCompositeValue', { value: score(item.composite) }) : percent(item.rate)
  return (
    <div class="rk-lists">
      <section class="card rk-list-card rk-top-ten" aria-labelledby="rk-top-ten-title">
        <header class="rk-list-head">
          <h2 class="card-title" id="rk-top-ten-title">
            <svg class="rk-list-icon rk-list-icon-top" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <path d="M10 2.5l2.3 4.7 5.2.8-3.8 3.6.9 5.1L10 14.3l-4.6 2.4.9-5.1-3.8-3.6 5.2-.8z" fill="currentColor" />
            </svg>
            {t(TOP_TEN_KEYS[ranking.level])}
          </h2>
          <p class="rk-list-meta">{filtered ? t('rkTopTenFilteredNote') : t('rkTopTenNote')}</p>
        </header>
        {best.length === 0 ? (
          <p class="rk-list-empty">{t('rkTopTenEmpty', { noun, min: ranking.minSample })}</p>
        ) : (
          <ol class="rk-list">
            {best.map((item) => (
              <li class="rk-list-item">
                <RankBadge rank={item.rank} />
                <Name item={item} href={hrefOf(item)} />
                <span class="rk-list-figures">
                  <span class="rk-list-rate">{headline(item)}</span>
                  <span class="rk-list-sub">
                    {t('rkNShort', { n: item.n })}
                    {item.stars > 0 ? ' · ' : null}
                    {item.stars > 0 ? <Stars stars={item.stars} /> : null}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section class="card rk-list-card rk-below" aria-labelledby="rk-below-title">
        <header class="rk-list-head">
          <h2 class="card-title" id="rk-below-title">
            <svg class="rk-list-icon rk-list-icon-below" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <path d="M10 3l8 14H2z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round" />
              <path d="M10 8.5v4" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
              <circle cx="10" cy="14.8" r="1" fill="currentColor" />
            </svg>
            {t('rkBelowTitle')}
            {below.length > 0 ? <span class="count">{below.length}</span> : null}
          </h2>
          <p class="rk-list-meta">{t('rkBelowNote', { target: percent(ranking.target) })}</p>
        </header>
        {below.length === 0 ? (
          <p class="rk-list-empty rk-list-ok">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M4 8.5l2.5 2.5L12 5.5" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            {t('rkBelowEmpty', { noun })}
          </p>
        ) : (
          <ol class="rk-list">
            {below.slice(0, BELOW_SHOWN).map((item) => (
              <li class="rk-list-item">
                <RankBadge rank={item.rank} />
                <Name item={item} href={hrefOf(item)} />
                <span class="rk-list-figures">
                  <span class="rk-list-rate rk-list-rate-below">{percent(item.rate)}</span>
                  <span class="rk-list-sub">
                    {t('rkNShort', { n: item.n })} · {intervalText(item.interval)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        )}
        {below.length > BELOW_SHOWN ? <p class="rk-list-more">{t('rkBelowMore', { n: below.length - BELOW_SHOWN })}</p> : null}
      </section>
    </div>
  )
}
