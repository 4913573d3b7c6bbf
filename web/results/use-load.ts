import { useEffect, useState } from 'hono/jsx'
import type { Loaded } from './api'

export type LoadState<T> = { state: 'loading' } | { state: 'missing' } | { state: 'failed' } | { state: 'ready'; data: T }

/** Loads once on mount; 404 is "missing" (withdrawn or unknown), anything else that fails can be retried. */
export function useLoad<T>(load: () => Promise<Loaded<T>>): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ state: 'loading' })
  const run = () => {
    setState({ state: 'loading' })
    void load().then((loaded) => setState(loaded.ok ? { state: 'ready', data: loaded.data } : loaded.problem.status === 404 ? { state: 'missing' } : { state: 'failed' }))
  }
  useEffect(run, [])
  return [state, run]
}
