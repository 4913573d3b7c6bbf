/** What the address asks for: the list of published periods, one period, its printable report, or nothing we know. */
export type Route = { kind: 'list' } | { kind: 'detail' | 'print'; id: number } | { kind: 'unknown' }

/** Reads the route from a path such as /results, /results/12 or /results/12/print. */
export function parseRoute(path: string): Route {
  if (/^\/results\/?$/.test(path)) return { kind: 'list' }
  const one = /^\/results\/(\d{1,9})(\/print)?\/?$/.exec(path)
  if (one) return { kind: one[2] ? 'print' : 'detail', id: Number(one[1]) }
  return { kind: 'unknown' }
}

export const listHref = () => '/results'
export const detailHref = (id: number) => `/results/${id}`
export const printHref = (id: number) => `/results/${id}/print`
export const snapshotHref = (id: number) => `/api/public/publications/${id}/snapshot.json`
