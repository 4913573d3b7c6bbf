import { useRef } from 'hono/jsx'
import { percent } from '../../../shared/scoring/format'
import { useWidth } from './use-width'

export interface ChartPoint {
  /** What the x axis says under the point (a day, a period). */
  label: string
  /** A rate from the API; null leaves a gap in the line. */
  value: number | null
}

interface Props {
  id: string
  /** Names the chart for screen readers (the table beside it carries the figures). */
  title: string
  points: ChartPoint[]
  target: number | null
  /** Print each point's rate above it (few points only). */
  valueLabels?: boolean
  /** Width before the page is measured (and the print report's fixed width). */
  width?: number
}

const HEIGHT = 240
const MARGIN = { top: 26, right: 16, bottom: 34, left: 56 }
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25]
const MAX_TICKS = 5

/**
 * The y axis: from a round value just below the lowest rate (or the target) up to 100%, in at most five round steps.
 * Satisfaction rates sit near the top; a 0–100% axis would draw a flat line.
 */
export function yAxis(values: readonly number[], target: number | null): { low: number; ticks: number[] } {
  const all = target === null ? values : [...values, target]
  const lowest = all.length ? Math.max(0, Math.min(...all) - 0.005) : 0
  for (const step of STEPS) {
    const low = Math.floor(lowest / step + 1e-9) * step
    if ((1 - low) / step <= MAX_TICKS + 1e-9) {
      const ticks: number[] = []
      for (let v = low; v <= 1 + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000)
      return { low: ticks[0]!, ticks }
    }
  }
  return { low: 0, ticks: [0, 0.25, 0.5, 0.75, 1] }
}

/** Runs of consecutive points with a value: one polyline each, so a day without responses is a gap, not a zero. */
function runs(xs: number[], ys: (number | null)[]): string[] {
  const out: string[] = []
  let current: string[] = []
  ys.forEach((y, i) => {
    if (y === null) {
      if (current.length) out.push(current.join(' '))
      current = []
    } else current.push(`${xs[i]!.toFixed(1)},${y.toFixed(1)}`)
  })
  if (current.length) out.push(current.join(' '))
  return out
}

/**
 * A rate over time as an inline SVG line with the target as a dashed line: no chart library, crisp in print, drawn
 * at the container's pixel width so that its text stays legible from a phone to A4.
 */
export function RateChart({ id, title, points, target, valueLabels = false, width: fallback = 640 }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const width = Math.max(280, useWidth(box, fallback))
  const plotW = width - MARGIN.left - MARGIN.right
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom
  const values = points.map((p) => p.value).filter((v): v is number => v !== null)
  const { low, ticks } = yAxis(values, target)
  const y = (v: number) => MARGIN.top + ((1 - v) / (1 - low || 1)) * plotH
  const band = points.length ? plotW / points.length : plotW
  const xs = points.map((_, i) => MARGIN.left + (i + 0.5) * band)
  const ys = points.map((p) => (p.value === null ? null : y(p.value)))
  const longest = Math.max(1, ...points.map((p) => p.label.length))
  const every = Math.max(1, Math.ceil((longest * 7 + 12) / band))
  const showValues = valueLabels && band >= 52
  const below = (v: number | null) => target !== null && v !== null && v < target
  return (
    <div class="chart" ref={box}>
      <svg class="chart-svg" viewBox={`0 0 ${width} ${HEIGHT}`} width={width} height={HEIGHT} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{title}</title>
        <g class="chart-grid">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
              <text class="chart-tick" x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end">
                {percent(t)}
              </text>
            </g>
          ))}
        </g>
        <g class="chart-x">
          {points.map((p, i) =>
            i % every === 0 ? (
              <text key={i} class="chart-tick" x={xs[i]} y={HEIGHT - MARGIN.bottom + 18} text-anchor="middle">
                {p.label}
              </text>
            ) : null,
          )}
        </g>
        {target !== null ? (
          <g class="chart-target">
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(target)} y2={y(target)} stroke-dasharray="6 4" />
            <text x={width - MARGIN.right} y={y(target) - 6} text-anchor="end">
              {percent(target)}
            </text>
          </g>
        ) : null}
        {runs(xs, ys).map((line, i) => (
          <polyline key={i} class="chart-line" points={line} fill="none" />
        ))}
        {points.map((p, i) =>
          p.value === null ? null : (
            <g key={i}>
              <circle class={below(p.value) ? 'chart-dot below' : 'chart-dot'} cx={xs[i]} cy={ys[i]!} r={points.length > 20 ? 3 : 4.5} />
              {showValues ? (
                <text class={below(p.value) ? 'chart-value below' : 'chart-value'} x={xs[i]} y={ys[i]! - 10} text-anchor="middle">
                  {percent(p.value)}
                </text>
              ) : null}
            </g>
          ),
        )}
      </svg>
    </div>
  )
}
