import type { Child } from 'hono/jsx'
import { useEffect, useId, useRef, useState } from 'hono/jsx'
import { CSV_BOM, csvLine } from '../../../shared/csv'
import { useLocale, useT } from '../../app/i18n'
import { loadCharts, type ChartConfig } from './charts'

/** The numbers behind a chart, as they read on screen: the table view and the CSV download show exactly these. */
export interface DataTable {
  head: string[]
  rows: string[][]
  /** Columns of numbers (right-aligned). */
  numeric: readonly number[]
}

/** Saves a table as a CSV file (UTF-8 with BOM, so that Excel reads the Chinese), with the figures as on screen. */
export function downloadCsv(name: string, table: DataTable) {
  const text = CSV_BOM + [table.head, ...table.rows].map((r) => csvLine(r)).join('')
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `${name}.csv`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A data table with a caption (the table view of a chart, and the tables of lists). */
export function FigureTable({ table, caption, class: cls }: { table: DataTable; caption: string; class?: string }) {
  return (
    <div class="table-wrap dash-table-wrap">
      <table class={`table table-compact dash-data-table${cls ? ` ${cls}` : ''}`}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th scope="col" class={table.numeric.includes(i) ? 'num' : ''}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr>
              {r.map((cell, i) =>
                i === 0 ? (
                  <th scope="row" class="dash-row-head">
                    {cell}
                  </th>
                ) : (
                  <td class={table.numeric.includes(i) ? 'num' : ''}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface CanvasProps {
  config: () => ChartConfig
  /** Redraws when this changes (the data, the language). */
  version: readonly unknown[]
  label: string
  height: number
}

/** A chart.js canvas; chart.js itself loads on first use. If it cannot load, the table view is the fallback. */
function ChartCanvas({ config, version, label, height, onFail }: CanvasProps & { onFail: () => void }) {
  const ref = useRef<HTMLCanvasElement | null>(null)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    let gone = false
    loadCharts()
      .then(({ Chart }) => {
        if (gone) return
        // One chart per canvas: a redraw replaces the one drawn before.
        Chart.getChart(canvas)?.destroy()
        new Chart(canvas, config() as never)
      })
      .catch((e: unknown) => {
        console.error(e)
        if (!gone) onFail()
      })
    return () => {
      gone = true
      void loadCharts().then(({ Chart }) => Chart.getChart(canvas)?.destroy(), () => {})
    }
  }, version as unknown[])
  return (
    <div class="dash-canvas" style={{ height: `${height}px` }}>
      <canvas ref={ref} role="img" aria-label={label} />
    </div>
  )
}

interface PanelProps {
  title: string
  /** A line under the title (what is counted, the target …). */
  note?: Child
  table: DataTable
  csvName: string
  /** A chart.js chart; or `children` for a visual of our own (the heatmap, lists). */
  chart?: () => ChartConfig
  version?: readonly unknown[]
  /** What the chart shows, for screen readers (the table view has the numbers). */
  label?: string
  height?: number
  /** Shown instead of the visual and the table when there is nothing to show. */
  empty?: string | null
  /** A list or grid that is itself readable needs no table toggle, only the download. */
  toggle?: boolean
  class?: string
  children?: Child
}

/** A card with a chart (or another visual), a 图表 / 表格 switch showing the same numbers, and a CSV download. */
export function ChartPanel(props: PanelProps) {
  const t = useT()
  const locale = useLocale()
  const titleId = useId()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  const [chartFailed, setChartFailed] = useState(false)
  const showTable = view === 'table' || (chartFailed && !props.children)
  const hasData = !props.empty
  const toggle = props.toggle !== false && hasData
  return (
    <section class={`card dash-panel${props.class ? ` ${props.class}` : ''}`} aria-labelledby={titleId}>
      <header class="dash-panel-head">
        <div class="dash-panel-titles">
          <h2 class="dash-panel-title" id={titleId}>
            {props.title}
          </h2>
          {props.note ? <p class="dash-panel-note">{props.note}</p> : null}
        </div>
        {hasData ? (
          <div class="dash-panel-tools">
            {toggle ? (
              <span class="segmented dash-view-switch" role="group" aria-label={t('dashViewAs', { title: props.title })}>
                <button type="button" class="segmented-item" aria-pressed={showTable ? 'false' : 'true'} disabled={chartFailed && !props.children} onClick={() => setView('chart')}>
                  {t('dashViewChart')}
                </button>
                <button type="button" class="segmented-item" aria-pressed={showTable ? 'true' : 'false'} onClick={() => setView('table')}>
                  {t('dashViewTable')}
                </button>
              </span>
            ) : null}
            <button type="button" class="btn btn-small btn-quiet dash-csv" onClick={() => downloadCsv(props.csvName, props.table)} title={t('dashCsvOf', { title: props.title })}>
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M8 2v8m-3.2-3.2L8 10l3.2-3.2M3 13.5h10" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {t('dashCsv')}
              <span class="visually-hidden">{t('dashCsvOf', { title: props.title })}</span>
            </button>
          </div>
        ) : null}
      </header>
      {!hasData ? <p class="dash-empty">{props.empty}</p> : null}
      {hasData && showTable ? <FigureTable table={props.table} caption={props.title} /> : null}
      {hasData && !showTable && props.children ? props.children : null}
      {hasData && !showTable && !props.children && props.chart ? (
        <ChartCanvas config={props.chart} version={[...(props.version ?? []), locale]} label={props.label ?? props.title} height={props.height ?? 240} onFail={() => setChartFailed(true)} />
      ) : null}
    </section>
  )
}
