import type { Locale } from '../../../shared/i18n/locale'
import { percent } from '../../../shared/scoring/format'
import type { RankingItem } from '../../../shared/schemas/scoring'
import { count, interval } from '../format'
import type { Translate } from '../i18n'
import { Attainment, Rank } from './Attainment'

/** 十佳 or 未达标 windows as a short list of cards: rank, name and unit, rate with interval and n. */
export function WindowCards({ t, locale, items, showAttainment = false }: { t: Translate; locale: Locale; items: readonly RankingItem[]; showAttainment?: boolean }) {
  return (
    <ol class="cards">
      {items.map((w) => (
        <li key={w.id} class={`card row-${w.attainment}`}>
          <span class="card-rank">
            <Rank t={t} rank={w.rank} />
          </span>
          <span class="card-name">
            <strong>{w.name}</strong>
            <span class="card-parent">
              {w.parentName}
              {w.code ? <span class="code"> {w.code}</span> : null}
            </span>
          </span>
          <span class="card-figures">
            <span class="card-line">
              {showAttainment ? <Attainment t={t} value={w.attainment} /> : null}
              <span class="card-rate">{percent(w.rate)}</span>
            </span>
            <span class="card-note">{interval(w.interval)}</span>
            <span class="card-note">{t('sampleN', { n: count(w.n, locale) })}</span>
          </span>
        </li>
      ))}
    </ol>
  )
}
