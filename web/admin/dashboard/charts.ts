import type { ChartConfiguration } from 'chart.js'

/** What the dashboard draws with: the Chart class, once chart.js has loaded. */
export type ChartModule = typeof import('./chart-setup')
export type ChartConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string>

let loading: Promise<ChartModule> | null = null

/** Loads chart.js on first use (its own chunk); later calls share the same load. A failed load may be tried again. */
export function loadCharts(): Promise<ChartModule> {
  loading ??= import('./chart-setup').catch((e: unknown) => {
    loading = null
    throw e
  })
  return loading
}

/**
 * Okabe–Ito colours, safe for the common kinds of colour blindness: blue and orange carry the meaning; vermilion is
 * kept for "below target" and always comes with words.
 */
export const PALETTE = {
  blue: '#0072B2',
  sky: '#56B4E9',
  orange: '#E69F00',
  vermilion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  grey: '#9AA3AF',
  /** Volume bars behind the rate line. */
  volume: 'rgba(86, 180, 233, 0.45)',
} as const

/** 非常满意 … 非常不满意: a diverging blue → grey → orange scale (level 5 first). */
export const LEVEL_COLOURS: Record<1 | 2 | 3 | 4 | 5, string> = { 5: '#0072B2', 4: '#56B4E9', 3: '#A8B3C2', 2: '#E69F00', 1: '#D55E00' }
