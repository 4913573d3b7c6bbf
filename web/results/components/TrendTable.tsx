import type { Locale } from '../../../shared/i18n/locale'
import { percent } from '../../../shared/scoring/format'
import { count } from '../format'
import type { Translate } from '../i18n'

export interface TrendRow {
  label: string
  n: number
  rate: number | null
  below: boolean
}

/** The figures behind a chart, folded away under "以表格查看": screen readers and careful readers get the numbers. */
export function TrendTable({ t, locale, id, caption, firstColumn, rows }: { t: Translate; locale: Locale; id: string; caption: string; firstColumn: string; rows: readonly TrendRow[] }) {
  return (
    <details class="chart-table">
      <summary>{t('showTable')}</summary>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table class="ranking">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              <th scope="col" class="num">
                {t('colN')}
              </th>
              <th scope="col" class="num">
                {t('satisfaction')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} class={r.below ? 'row-not_attained' : undefined}>
                <th scope="row">{r.label}</th>
                <td class="num">{count(r.n, locale)}</td>
                <td class="num rate">
                  <span class="rate-value">{r.rate === null ? t('noData') : percent(r.rate)}</span>
                  {r.below ? <span class="attain attain-not_attained">{t('belowTargetShort')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
