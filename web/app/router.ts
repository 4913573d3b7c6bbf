import { createStore, useStore } from './store'

export interface Location {
  path: string
  search: URLSearchParams
}

const read = (): Location => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search) })
const locationStore = createStore<Location>(read())

addEventListener('popstate', () => locationStore.set(read()))

/** Goes to an in-app address with the history API (no page load). */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  locationStore.set(read())
  if (!options.replace) scrollTo(0, 0)
}

/** The current address; the component re-renders when it changes. */
export const useLocation = (): Location => useStore(locationStore)

/** The current path and query, e.g. to come back after signing in. */
export const currentTarget = () => window.location.pathname + window.location.search

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null | undefined, fallback = '/org'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return fallback
  return next
}

/** For tests: re-read the address after changing it directly. */
export const syncLocation = () => locationStore.set(read())
