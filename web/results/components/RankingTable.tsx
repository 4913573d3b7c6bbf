import type { Locale } from '../../../shared/i18n/locale'
import { percent, score } from '../../../shared/scoring/format'
import type { RankingItem } from '../../../shared/schemas/scoring'
import { count, interval } from '../format'
import type { Translate } from '../i18n'
import { Attainment, Rank, Stars } from './Attainment'

export type Level = 'window' | 'unit' | 'sector' | 'staff'

interface Props {
  t: Translate
  locale: Locale
  id: string
  caption: string
  level: Level
  items: readonly RankingItem[]
  /** The print report's short tables (十佳, 未达标) leave out the index and the stars. */
  compact?: boolean
}

/** What "所属" means at each level; sectors belong to nothing. */
const PARENT = { window: 'colParentWindow', unit: 'colParentUnit', staff: 'colParentStaff' } as const

/**
 * A ranking as a table: 排名, 名称, 所属, 样本数, 满意率 (区间), 指数, 达标, 星级. 样本不足 rows show no rank; a rate below
 * the target is red and always says so in the 达标 column. Scrolls sideways inside its own region on a phone.
 */
export function RankingTable({ t, locale, id, caption, level, items, compact = false }: Props) {
  const parent = level === 'sector' ? null : PARENT[level]
  return (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table class={compact ? 'ranking compact' : 'ranking'} id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('colRank')}
            </th>
            <th scope="col">{t('colName')}</th>
            {parent ? <th scope="col">{t(parent)}</th> : null}
            <th scope="col" class="num">
              {t('colN')}
            </th>
            <th scope="col" class="num">
              {t('colRate')}
            </th>
            {compact ? null : (
              <th scope="col" class="num">
                {t('colIndex')}
              </th>
            )}
            <th scope="col">{t('colAttainment')}</th>
            {compact ? null : <th scope="col">{t('colStars')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} class={`row-${item.attainment}`}>
              <td class="num">
                <Rank t={t} rank={item.rank} />
              </td>
              <th scope="row" class="name">
                {item.name}
                {level === 'window' && item.code ? <span class="code"> {item.code}</span> : null}
              </th>
              {parent ? <td class="parent">{item.parentName ?? '—'}</td> : null}
              <td class="num">{count(item.n, locale)}</td>
              <td class="num rate">
                <span class="rate-value">{percent(item.rate)}</span>
                {item.interval ? <span class="rate-interval">{interval(item.interval)}</span> : null}
              </td>
              {compact ? null : <td class="num">{score(item.index)}</td>}
              <td>
                <Attainment t={t} value={item.attainment} />
              </td>
              {compact ? null : (
                <td>
                  {/* Like a rank, an award needs the minimum sample: a few ratings earn no stars. */}
                  <Stars t={t} n={item.attainment === 'insufficient' ? 0 : item.stars} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
