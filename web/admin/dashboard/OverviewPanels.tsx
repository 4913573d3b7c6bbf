import { useState } from 'hono/jsx'
import type { Overview } from '../../../shared/schemas/scoring'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { RateCell } from './bits'
import { ChartPanel, type DataTable } from './ChartPanel'
import { LEVEL_COLOURS, PALETTE, type ChartConfig } from './charts'
import type { Grain } from './filters'
import { channelLabel, count, dimensionLabel, interval, LEVELS, levelLabel, percent, score, WEEKDAY_KEYS } from './labels'
import { bucketLabel, bucketTrend } from './trend'

// The overview's charts and lists. Each one's table view and CSV hold the very figures the chart draws.

const axisPercent = (v: string | number) => percent(Number(v))

const baseOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  plugins: { legend: { display: false } },
}

/** 满意率 and volume over time, with the target: rate as a line (left axis), responses as bars (right axis). */
export function TrendPanel({ overview, grain, csvName }: { overview: Overview; grain: Grain; csvName: string }) {
  const t = useT()
  const points = bucketTrend(overview.trend, grain)
  const weekOf = (d: string) => t('dashWeekOf', { day: d })
  const labels = points.map((p) => bucketLabel(p, grain, weekOf))
  const when = (i: number) => {
    const p = points[i]!
    return grain === 'day' ? p.start : grain === 'month' ? p.start.slice(0, 7) : t('dashDayRange', { from: p.start, to: p.end })
  }
  const table: DataTable = {
    head: [t(grain === 'day' ? 'dashDate' : grain === 'week' ? 'dashGrainWeek' : 'dashGrainMonth'), t('dashColN'), t('dashColSatisfied'), t('dashColRate'), t('dashInterval95')],
    rows: points.map((p, i) => [when(i), count(p.n), count(p.satisfied), percent(p.rate), interval(p.interval)]),
    numeric: [1, 2, 3, 4],
  }
  const target = overview.target
  const config = (): ChartConfig => ({
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'line',
          label: t('dashColRate'),
          data: points.map((p) => p.rate),
          yAxisID: 'rate',
          borderColor: PALETTE.blue,
          backgroundColor: PALETTE.blue,
          borderWidth: 2,
          pointRadius: points.length > 45 ? 0 : 2.5,
          spanGaps: true,
          order: 0,
        },
        {
          type: 'line',
          label: t('dashTargetLine', { target: percent(target) }),
          data: points.map(() => target),
          yAxisID: 'rate',
          borderColor: PALETTE.vermilion,
          backgroundColor: PALETTE.vermilion,
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          order: 1,
        },
        { type: 'bar', label: t('dashColN'), data: points.map((p) => p.n), yAxisID: 'n', backgroundColor: PALETTE.volume, borderRadius: 2, order: 2 },
      ],
    },
    options: {
      ...baseOptions,
      interaction: { mode: 'index', intersect: false },
      scales: {
        rate: { type: 'linear', position: 'left', beginAtZero: false, max: 1, grace: '10%', ticks: { callback: axisPercent, maxTicksLimit: 6 }, title: { display: true, text: t('dashColRate') } },
        n: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0, maxTicksLimit: 6 }, title: { display: true, text: t('dashColN') } },
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
      },
      plugins: {
        legend: { display: true, position: 'bottom', labels: { boxWidth: 14, boxHeight: 10 } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? when(items[0].dataIndex) : ''),
            label: (ctx) => `${ctx.dataset.label ?? ''}: ${ctx.dataset.yAxisID === 'n' ? count(ctx.parsed.y) : percent(ctx.parsed.y)}`,
          },
        },
      },
    },
  })
  return (
    <ChartPanel
      class="dash-panel-trend"
      title={t('dashTrendTitle')}
      note={t('dashTrendNote', { target: percent(target) })}
      table={table}
      csvName={`${csvName}-trend-${grain}`}
      chart={config}
      version={[overview, grain]}
      label={t('dashTrendLabel', { from: overview.from, to: overview.to })}
      height={280}
      empty={points.length === 0 ? t('dashNoResponsesInPeriod') : null}
    />
  )
}

const horizontalBar = (labels: string[], data: (number | null)[], colours: string | string[], format: (v: number | null) => string, max?: number): ChartConfig => ({
  type: 'bar',
  data: { labels, datasets: [{ data, backgroundColor: colours, borderRadius: 3, barThickness: 'flex', maxBarThickness: 26 }] },
  options: {
    ...baseOptions,
    indexAxis: 'y',
    scales: {
      x: { beginAtZero: true, ...(max === undefined ? {} : { max }), ticks: { precision: 0, maxTicksLimit: 6 } },
      y: { grid: { display: false } },
    },
    plugins: { ...baseOptions.plugins, tooltip: { callbacks: { label: (ctx) => format(ctx.parsed.x) } } },
  },
})

/** How the valid responses spread over the five levels, 非常满意 first. */
export function LevelsPanel({ overview, csvName }: { overview: Overview; csvName: string }) {
  const t = useT()
  const rows = LEVELS.map((l) => ({ level: l, n: overview.levels[String(l)] ?? 0 }))
  const table: DataTable = { head: [t('dashColLevel'), t('dashColN')], rows: rows.map((r) => [levelLabel(r.level, t), count(r.n)]), numeric: [1] }
  return (
    <ChartPanel
      class="dash-panel-levels"
      title={t('dashLevelsTitle')}
      note={t('dashLevelsNote')}
      table={table}
      csvName={`${csvName}-levels`}
      chart={() =>
        horizontalBar(
          rows.map((r) => levelLabel(r.level, t)),
          rows.map((r) => r.n),
          rows.map((r) => LEVEL_COLOURS[r.level]),
          count,
        )
      }
      version={[overview]}
      label={t('dashLevelsTitle')}
      height={220}
      empty={rows.every((r) => r.n === 0) ? t('dashNoResponsesInPeriod') : null}
    />
  )
}

/** Mean score per question dimension (服务态度, 服务效率 …), 0–100. */
export function DimensionsPanel({ overview, csvName }: { overview: Overview; csvName: string }) {
  const t = useT()
  const dims = overview.dimensions
  const table: DataTable = { head: [t('dashColDimension'), t('dashColN'), t('dashColScore')], rows: dims.map((d) => [dimensionLabel(d.dimension, t), count(d.n), score(d.score)]), numeric: [1, 2] }
  return (
    <ChartPanel
      class="dash-panel-dimensions"
      title={t('dashDimensionsTitle')}
      note={t('dashDimensionsNote')}
      table={table}
      csvName={`${csvName}-dimensions`}
      chart={() =>
        horizontalBar(
          dims.map((d) => dimensionLabel(d.dimension, t)),
          dims.map((d) => d.score),
          PALETTE.blue,
          score,
          100,
        )
      }
      version={[overview]}
      label={t('dashDimensionsTitle')}
      height={Math.max(160, dims.length * 36 + 40)}
      empty={dims.length === 0 ? t('dashNoDimensions') : null}
    />
  )
}

/** Where the responses came from: QR code, kiosk, hotline, paper. */
export function ChannelsPanel({ overview, csvName }: { overview: Overview; csvName: string }) {
  const t = useT()
  const rows = Object.entries(overview.channels)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
  const table: DataTable = { head: [t('dashChannel'), t('dashColN')], rows: rows.map(([c, n]) => [channelLabel(c, t), count(n)]), numeric: [1] }
  return (
    <ChartPanel
      class="dash-panel-channels"
      title={t('dashChannelsTitle')}
      note={t('dashChannelsNote')}
      table={table}
      csvName={`${csvName}-channels`}
      chart={() =>
        horizontalBar(
          rows.map(([c]) => channelLabel(c, t)),
          rows.map(([, n]) => n),
          PALETTE.blue,
          count,
        )
      }
      version={[overview]}
      label={t('dashChannelsTitle')}
      height={Math.max(140, rows.length * 40 + 40)}
      empty={rows.length === 0 ? t('dashNoResponsesInPeriod') : null}
    />
  )
}

/** Monday first, as a Chinese week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const

/** When people respond: weekday × hour of day, as a grid of shaded cells that carry their numbers. */
export function HeatmapPanel({ overview, csvName }: { overview: Overview; csvName: string }) {
  const t = useT()
  const cells = new Map(overview.heatmap.map((c) => [`${c.weekday}:${c.hour}`, c.n]))
  const used = overview.heatmap.filter((c) => c.n > 0).map((c) => c.hour)
  const first = Math.min(8, ...used)
  const last = Math.max(18, ...used)
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  const max = Math.max(0, ...overview.heatmap.map((c) => c.n))
  // Six shades; the darkest for the busiest hour. Only the shading is relative: every cell shows its count.
  const shade = (n: number) => (n === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 5)))
  const table: DataTable = {
    head: [t('dashWeekday'), ...hours.map((h) => `${h}:00`)],
    rows: WEEK.map((d) => [t(WEEKDAY_KEYS[d]!), ...hours.map((h) => String(cells.get(`${d}:${h}`) ?? 0))]),
    numeric: hours.map((_, i) => i + 1),
  }
  return (
    <ChartPanel
      class="dash-panel-heatmap"
      title={t('dashHeatmapTitle')}
      note={t('dashHeatmapNote')}
      table={table}
      csvName={`${csvName}-hours`}
      toggle={false}
      empty={max === 0 ? t('dashNoResponsesInPeriod') : null}
    >
      <div class="dash-heatmap-wrap">
        <table class="dash-heatmap">
          <caption class="visually-hidden">{t('dashHeatmapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" class="dash-heat-corner">
                <span class="visually-hidden">{t('dashWeekday')}</span>
              </th>
              {hours.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEK.map((d) => (
              <tr>
                <th scope="row">{t(WEEKDAY_KEYS[d]!)}</th>
                {hours.map((h) => {
                  const n = cells.get(`${d}:${h}`) ?? 0
                  return (
                    <td class={`dash-heat-${shade(n)}`} title={t('dashHeatCell', { day: t(WEEKDAY_KEYS[d]!), hour: h, n: count(n) })}>
                      {n > 0 ? count(n) : ''}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p class="dash-heat-legend" aria-hidden="true">
          <span>{t('dashHeatFew')}</span>
          {[1, 2, 3, 4, 5].map((s) => (
            <span class={`dash-heat-swatch dash-heat-${s}`} />
          ))}
          <span>{t('dashHeatMany')}</span>
          <span class="dash-heat-hours">{t('dashHeatHours')}</span>
        </p>
      </div>
    </ChartPanel>
  )
}

/** The five lowest-ranked windows and what people complained about most there. */
export function LowestPanel({ overview, csvName, hrefOf }: { overview: Overview; csvName: string; hrefOf: (windowId: number) => string }) {
  const t = useT()
  const reasons = (r: Overview['lowest'][number]['reasons']) => r.map((x) => t('dashReasonCount', { reason: x.reason, n: x.n })).join('；')
  const table: DataTable = {
    head: [t('dashColRank'), t('window'), t('unit'), t('dashColN'), t('dashColRate'), t('dashInterval95'), t('dashColReasons')],
    rows: overview.lowest.map((w) => [w.rank === null ? t('dashInsufficient') : String(w.rank), w.name, w.unitName, count(w.n), percent(w.rate), interval(w.interval), reasons(w.reasons)]),
    numeric: [3, 4],
  }
  return (
    <ChartPanel title={t('dashLowestTitle')} note={t('dashLowestNote')} table={table} csvName={`${csvName}-lowest`} toggle={false} empty={overview.lowest.length === 0 ? t('dashNoLowest') : null}>
      <ol class="dash-lowest">
        {overview.lowest.map((w) => (
          <li class="dash-lowest-item">
            <div class="dash-lowest-head">
              <span class="dash-lowest-rank" title={t('dashColRank')}>
                {w.rank === null ? '—' : t('dashRankNo', { rank: w.rank })}
              </span>
              <span class="dash-lowest-name">
                <Link href={hrefOf(w.id)}>{w.name}</Link>
                <span class="cell-sub-text">{w.unitName}</span>
              </span>
              <span class="dash-lowest-figures">
                <RateCell rate={w.rate} interval={w.interval} />
                <span class="cell-sub-text">{t('dashSampleN', { n: count(w.n) })}</span>
              </span>
            </div>
            {w.reasons.length > 0 ? (
              <ul class="dash-reasons" aria-label={t('dashColReasons')}>
                {w.reasons.map((r) => (
                  <li class="tag dash-reason">
                    {r.reason} <strong>{count(r.n)}</strong>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="cell-sub-text">{t('dashNoReasons')}</p>
            )}
          </li>
        ))}
      </ol>
    </ChartPanel>
  )
}

const COMMENTS_SHOWN = 5

/** The newest comments left with a 差评 (the first few, then all on request). */
export function CommentsPanel({ overview, csvName, hrefOf, showWindow = true }: { overview: Overview; csvName: string; hrefOf: (windowId: number) => string; showWindow?: boolean }) {
  const t = useT()
  const [all, setAll] = useState(false)
  const shown = all ? overview.comments : overview.comments.slice(0, COMMENTS_SHOWN)
  const table: DataTable = {
    head: [t('dashColTime'), t('window'), t('dashColLevel'), t('dashColComment'), t('dashColReasons')],
    rows: overview.comments.map((c) => [formatDateTime(c.submittedAt), c.windowName, levelLabel(c.level, t), c.text, c.reasons.join('；')]),
    numeric: [],
  }
  return (
    <ChartPanel class="dash-panel-comments" title={t('dashCommentsTitle')} note={t('dashCommentsNote')} table={table} csvName={`${csvName}-comments`} toggle={false} empty={overview.comments.length === 0 ? t('dashNoComments') : null}>
      <ul class="dash-comments">
        {shown.map((c) => (
          <li class="dash-comment">
            <p class="dash-comment-meta">
              <span class={`tag dash-level dash-level-${c.level}`}>{levelLabel(c.level, t)}</span>
              {showWindow ? <Link href={hrefOf(c.windowId)}>{c.windowName}</Link> : null}
              <time class="muted" datetime={c.submittedAt}>
                {formatDateTime(c.submittedAt)}
              </time>
            </p>
            <p class="dash-comment-text">{c.text}</p>
            {c.reasons.length > 0 ? (
              <ul class="dash-reasons" aria-label={t('dashColReasons')}>
                {c.reasons.map((r) => (
                  <li class="tag dash-reason">{r}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {overview.comments.length > COMMENTS_SHOWN ? (
        <button type="button" class="btn btn-small btn-quiet dash-more" aria-expanded={all ? 'true' : 'false'} onClick={() => setAll(!all)}>
          {all ? t('dashShowFewer') : t('dashShowAll', { n: overview.comments.length })}
        </button>
      ) : null}
    </ChartPanel>
  )
}

