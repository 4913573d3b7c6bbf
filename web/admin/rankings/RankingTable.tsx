import { useState } from 'hono/jsx'
import { percent, score } from '../../../shared/scoring/format'
import type { Ranking, RankingItem } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { AttainmentTag, MovementTag, RankBadge, Stars } from './bits'
import { intervalText, LEVEL_NOUN_KEYS } from './labels'
import type { Method } from './query'

/** How many rows show at first; the rest one click away (thousands of windows stay quick). */
const PAGE = 100

type Column = 'rate' | 'index' | 'composite'
const SORTED_BY: Record<Method, Column> = { wilson: 'rate', rate: 'rate', index: 'index', composite: 'composite' }

interface RankingTableProps {
  ranking: Ranking
  /** Whether 环比 can say anything (the previous period is not wholly before the campaign). */
  comparable: boolean
  /** Where a row's name leads (a window's dashboard, the units of a sector …); null: nowhere. */
  hrefOf: (item: RankingItem) => string | null
}

/**
 * The ranking as the server ordered it: ranked rows first, then those with too few responses (shown, not ranked). The
 * column the method orders by is marked, as a sorted column would be.
 */
export function RankingTable({ ranking, comparable, hrefOf }: RankingTableProps) {
  const t = useT()
  const [limit, setLimit] = useState(PAGE)
  const sortedBy = SORTED_BY[ranking.method]
  const ranked = ranking.items.filter((i) => i.rank !== null).length
  const unranked = ranking.items.length - ranked
  const showSupervisors = ranking.level !== 'staff'
  const columns = showSupervisors ? 11 : 10
  const rows = ranking.items.slice(0, limit)

  const th = (label: string, column?: Column, extra?: string) => {
    const sorted = column !== undefined && column === sortedBy
    return (
      <th scope="col" class={`num${sorted ? ' is-sorted' : ''}${extra ? ` ${extra}` : ''}`} aria-sort={sorted ? 'descending' : undefined}>
        <span class="rk-th">
          {label}
          {sorted ? (
            <svg class="rk-sort-icon" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
              <path d="M2 3.5l3 3 3-3" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
          ) : null}
        </span>
        {column === 'rate' ? <span class="rk-th-sub">{sorted && ranking.method === 'wilson' ? t('rkSortedByLow') : t('rkColRateSub')}</span> : null}
      </th>
    )
  }

  return (
    <>
      <div class="table-wrap rk-table-wrap">
        <table class="table rk-table">
          <caption class="visually-hidden">{t('rkTableCaption', { noun: t(LEVEL_NOUN_KEYS[ranking.level]), from: ranking.from, to: ranking.to })}</caption>
          <thead>
            <tr>
              <th scope="col" class="rk-col-rank">
                {t('rkColRank')}
              </th>
              <th scope="col" class="rk-col-move">
                {t('rkColMove')}
              </th>
              <th scope="col" class="rk-col-name">
                {t('rkColName')}
              </th>
              {th(t('rkColN'))}
              {th(t('rkColRate'), 'rate', 'rk-col-rate')}
              {th(t('rkColIndex'), 'index')}
              {th(t('rkColBadRate'))}
              <th scope="col">{t('rkColAttainment')}</th>
              {showSupervisors ? th(t('rkColSupervisors'), undefined, 'rk-col-sv') : null}
              {th(t('rkColComposite'), 'composite')}
              <th scope="col">{t('rkColStars')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item, i) => {
              const href = hrefOf(item)
              const firstUnranked = item.rank === null && (i === 0 || rows[i - 1]!.rank !== null)
              return (
                <>
                  {firstUnranked ? (
                    <tr class="rk-divider">
                      <td colspan={columns}>{t('rkUnrankedDivider', { count: unranked, noun: t(LEVEL_NOUN_KEYS[ranking.level]), min: ranking.minSample })}</td>
                    </tr>
                  ) : null}
                  <tr class={item.rank === null ? 'is-unranked' : ''} data-id={item.id}>
                    <td class="rk-col-rank">
                      <RankBadge rank={item.rank} />
                    </td>
                    <td class="rk-col-move">
                      <MovementTag item={item} comparable={comparable} />
                    </td>
                    <td class="rk-col-name">
                      <span class="cell-title rk-name">{href ? <Link href={href}>{item.name}</Link> : item.name}</span>
                      {item.code || item.parentName ? (
                        <span class="cell-sub-text rk-name-sub">
                          {item.code ? <span class="tree-code">{item.code}</span> : null}
                          {item.parentName ? <span>{item.parentName}</span> : null}
                        </span>
                      ) : null}
                    </td>
                    <td class="num">{item.n}</td>
                    <td class={`num rk-col-rate${sortedBy === 'rate' ? ' is-sorted' : ''}`}>
                      <span class="rk-rate">{percent(item.rate)}</span>
                      {item.interval ? <span class="rk-interval"> ({intervalText(item.interval)})</span> : null}
                    </td>
                    <td class={`num${sortedBy === 'index' ? ' is-sorted' : ''}`}>{score(item.index)}</td>
                    <td class="num">{percent(item.badRate)}</td>
                    <td>
                      <AttainmentTag item={item} minSample={ranking.minSample} />
                    </td>
                    {showSupervisors ? <td class="num rk-col-sv">{score(item.supervisorMean)}</td> : null}
                    <td class={`num${sortedBy === 'composite' ? ' is-sorted' : ''}`}>
                      {score(item.composite)}
                      {item.vetoed ? (
                        <span class="tag tag-danger rk-veto" title={t('rkVetoTitle')}>
                          {t('veto')}
                        </span>
                      ) : null}
                    </td>
                    <td class="nowrap">
                      <Stars stars={item.stars} />
                    </td>
                  </tr>
                </>
              )
            })}
          </tbody>
        </table>
      </div>
      {ranking.items.length > limit ? (
        <div class="rk-more">
          <span class="muted">{t('rkShownOf', { shown: limit, total: ranking.items.length })}</span>
          <button type="button" class="btn btn-small" onClick={() => setLimit(limit + PAGE)}>
            {t('rkShowMore')}
          </button>
        </div>
      ) : null}
    </>
  )
}
