import type { Child } from 'hono/jsx'
import { useId } from 'hono/jsx'
import type { Ranking, RankingItem } from '../../../shared/schemas/scoring'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { AttainmentTag, RankChange, RateCell, Stars } from './bits'
import { METHODS, type Level, type Method, type Respondents } from './filters'
import { count, LEVEL_NAME_KEYS, METHOD_KEYS, percent, score } from './labels'

/** One step of the breadcrumb: 全部 › 供水 › 城东营业厅; the last one is where we are. */
export interface Crumb {
  label: string
  href: string
}

/** Where the drill-down is (全部 › 供水 › 城东营业厅); each step goes back up to it. */
export function Breadcrumb({ crumbs, onGo }: { crumbs: Crumb[]; onGo: (href: string) => void }) {
  const t = useT()
  return (
    <nav class="dash-breadcrumb" aria-label={t('dashBreadcrumb')}>
      <ol>
        {crumbs.map((c, i) => (
          <li>
            {i === crumbs.length - 1 ? (
              <span aria-current="location">{c.label}</span>
            ) : (
              <a href={c.href} onClick={follow(c.href, onGo)}>
                {c.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** A plain link that stays in the app (and on the same scroll position); modified clicks open a tab as usual. */
export const follow = (href: string, onGo: (href: string) => void) => (e: MouseEvent) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  e.preventDefault()
  onGo(href)
}

type Column = 'rank' | 'name' | 'n' | 'rate' | 'index' | 'badRate' | 'attainment' | 'supervisorMean' | 'inspectionScore' | 'composite' | 'stars' | 'change'

const COLUMNS: Record<Respondents, Column[]> = {
  all: ['rank', 'name', 'n', 'rate', 'index', 'badRate', 'attainment', 'supervisorMean', 'inspectionScore', 'composite', 'stars', 'change'],
  citizens: ['rank', 'name', 'n', 'rate', 'index', 'badRate', 'attainment', 'composite', 'stars', 'change'],
  supervisors: ['rank', 'name', 'supervisorMean', 'inspectionScore', 'composite', 'stars', 'change'],
}
const NUMERIC: ReadonlySet<Column> = new Set(['n', 'rate', 'index', 'badRate', 'supervisorMean', 'inspectionScore', 'composite'])

interface DrillTableProps {
  ranking: Ranking
  respondents: Respondents
  method: Method
  onMethod: (method: Method) => void
  /** Where a row leads: the next level down (sector → unit → window), a window's page; none for staff. */
  hrefOf: (item: RankingItem) => string | null
  /** Next level down stays on the page (the overview follows); a window's page is a page of its own. */
  onGo: (href: string) => void
  breadcrumb: Child
  exportHref: string
  updating: boolean
}

/**
 * The ranking at this level: 排名, 名称, 样本数, 满意率 with its interval, 指数, 差评率, 达标, 综合得分, 星级, 环比.
 * 样本不足 rows are shown, marked, and not ranked.
 */
export function DrillTable({ ranking, respondents, method, onMethod, hrefOf, onGo, breadcrumb, exportHref, updating }: DrillTableProps) {
  const t = useT()
  const methodId = useId()
  const level: Level = ranking.level
  const columns = COLUMNS[respondents]
  const head: Record<Column, string> = {
    rank: t('dashColRank'),
    name: t(LEVEL_NAME_KEYS[level]),
    n: t('dashColN'),
    rate: t('dashColRateInterval'),
    index: t('dashColIndex'),
    badRate: t('dashBadRate'),
    attainment: t('dashColAttainment'),
    supervisorMean: t('dashSupervisorMean'),
    inspectionScore: t('dashInspectionScore'),
    composite: t('dashColComposite'),
    stars: t('dashColStars'),
    change: t('dashColChange'),
  }
  const cell = (c: Column, item: RankingItem): Child => {
    switch (c) {
      case 'rank':
        return item.rank === null ? (
          <span class="dash-unranked" title={t('dashNotRanked')}>
            —<span class={columns.includes('attainment') ? 'visually-hidden' : 'dash-unranked-note'}>{t(columns.includes('attainment') ? 'dashNotRanked' : 'dashInsufficient')}</span>
          </span>
        ) : (
          <span class="dash-rank">{item.rank}</span>
        )
      case 'name': {
        const href = hrefOf(item)
        const name = (
          <>
            {item.code ? <span class="tree-code">{item.code}</span> : null} {item.name}
          </>
        )
        return (
          <>
            <span class="cell-title">
              {href === null ? (
                name
              ) : level === 'window' ? (
                <Link href={href}>{name}</Link>
              ) : (
                <a href={href} onClick={follow(href, onGo)}>
                  {name}
                  <span class="visually-hidden"> {t('dashDrillInto')}</span>
                </a>
              )}
            </span>
            {item.parentName && showParent ? <span class="cell-sub-text">{item.parentName}</span> : null}
          </>
        )
      }
      case 'n':
        return count(item.n)
      case 'rate':
        return <RateCell rate={item.rate} interval={item.interval} />
      case 'index':
        return score(item.index)
      case 'badRate':
        return percent(item.badRate)
      case 'attainment':
        return <AttainmentTag attainment={item.attainment} />
      case 'supervisorMean':
        return score(item.supervisorMean)
      case 'inspectionScore':
        return score(item.inspectionScore)
      case 'composite':
        return (
          <>
            {score(item.composite)}
            {item.vetoed ? <span class="tag tag-danger dash-veto">{t('veto')}</span> : null}
          </>
        )
      case 'stars':
        return <Stars stars={item.stars} />
      case 'change':
        return <RankChange rank={item.rank} previousRank={item.previousRank} />
    }
  }
  const previous = ranking.previous as Ranking['previous'] | undefined
  // The unit of each window (the sector of each unit) only when they differ; otherwise the breadcrumb says it.
  const parents = new Set(ranking.items.map((i) => i.parentName))
  const showParent = level !== 'sector' && level !== 'staff' && parents.size > 1
  return (
    <section class="card dash-panel dash-drill" aria-labelledby="dash-drill-title">
      <header class="dash-panel-head">
        <div class="dash-panel-titles">
          <h2 class="dash-panel-title" id="dash-drill-title">
            {t('dashDrillTitle', { level: t(LEVEL_NAME_KEYS[level]) })}
          </h2>
          {breadcrumb}
        </div>
        <div class="dash-panel-tools">
          <span class="dash-filter dash-filter-inline">
            <label for={methodId}>{t('dashMethod')}</label>
            <select id={methodId} class="input select" value={method} onChange={(e: Event) => onMethod((e.currentTarget as HTMLSelectElement).value as Method)}>
              {METHODS.map((m) => (
                <option value={m} selected={m === method}>
                  {t(METHOD_KEYS[m])}
                </option>
              ))}
            </select>
          </span>
          <a class="btn btn-small btn-quiet dash-csv" href={exportHref} download>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M8 2v8m-3.2-3.2L8 10l3.2-3.2M3 13.5h10" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            {t('dashCsv')}
          </a>
        </div>
      </header>
      {ranking.items.length === 0 ? (
        <p class="dash-empty">{t('dashDrillEmpty')}</p>
      ) : (
        <div class={`table-wrap dash-table-wrap${updating ? ' is-updating' : ''}`} aria-busy={updating ? 'true' : 'false'}>
          <table class="table table-compact dash-drill-table">
            <caption class="visually-hidden">{t('dashDrillTitle', { level: t(LEVEL_NAME_KEYS[level]) })}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" class={`dash-col-${c}${NUMERIC.has(c) ? ' num' : ''}`}>
                    {head[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranking.items.map((item) => (
                <tr class={item.rank === null ? 'is-insufficient' : item.attainment === 'not_attained' ? 'is-below' : ''} data-id={item.id}>
                  {columns.map((c) => (c === 'name' ? <th scope="row" class="dash-col-name">{cell(c, item)}</th> : <td class={`dash-col-${c}${NUMERIC.has(c) ? ' num' : ''}`}>{cell(c, item)}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="table-note">
        {t('dashDrillNote', { min: ranking.minSample, level: t(LEVEL_NAME_KEYS[level]), method: t(METHOD_KEYS[ranking.method]), target: percent(ranking.target) })}
        {previous ? ` ${t('dashPreviousNote', { from: previous.from, to: previous.to })}` : ''}
      </p>
    </section>
  )
}
