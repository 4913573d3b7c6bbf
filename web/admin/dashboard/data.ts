import { useEffect, useRef, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Overview, Ranking } from '../../../shared/schemas/scoring'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { navigate } from '../../app/router'
import { asApiError } from '../../ui/use-submit'
import { indexOrg, type OrgIndex } from '../org/tree-model'
import type { Level, Method, ScopeQuery } from './filters'

export interface Loaded<T> {
  data: T | null
  error: ApiError | null
  /** A load is on its way (the previous data, if any, stays on screen meanwhile). */
  loading: boolean
  reload: () => void
}

/**
 * Loads whenever `key` changes (null: nothing to load). The previous result stays on screen until the new one
 * arrives, so that changing a filter does not make the page jump; a late answer to an older key is dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const run = useRef(0)
  const started = useRef<string | null>(null)
  const start = () => {
    if (key === null) return
    started.current = key
    const mine = ++run.current
    setLoading(true)
    load().then(
      (result) => {
        if (mine !== run.current) return
        setData(result)
        setError(null)
        setLoading(false)
      },
      (e: unknown) => {
        if (mine !== run.current) return
        setError(asApiError(e))
        setLoading(false)
      },
    )
  }
  useEffect(() => {
    if (key === null) {
      run.current++
      started.current = null
      setLoading(false)
      return
    }
    // An effect may run again for the same key (a render during the first load): one request is enough.
    if (key !== started.current) start()
  }, [key])
  return { data, error, loading, reload: start }
}

/** The campaigns the caller may see, newest first. */
export const useCampaigns = () => useLoad<Campaign[]>('campaigns', async () => (await call(api.campaigns.$get())).items)

/** The organisation the caller may see (for the place pickers and the breadcrumb); an error leaves the pickers empty. */
export function useOrg(): { org: OrgIndex | null; ready: boolean } {
  const loaded = useLoad<OrgIndex>('org', async () => indexOrg(await call(api.org.tree.$get({ query: {} }))))
  return { org: loaded.data, ready: loaded.data !== null || loaded.error !== null }
}

/** The campaign to open with: the first one running (the list comes newest first), else the newest. */
export const defaultCampaign = (campaigns: readonly Campaign[]) => campaigns.find((c) => c.status === 'active') ?? campaigns[0] ?? null

export const fetchOverview = (campaignId: number, query: ScopeQuery): Promise<Overview> => call(api.campaigns[':id'].overview.$get({ param: { id: String(campaignId) }, query }))

export const fetchRanking = (campaignId: number, query: ScopeQuery & { level: Level; method: Method }): Promise<Ranking> =>
  call(api.campaigns[':id'].rankings.$get({ param: { id: String(campaignId) }, query }))

/** The ranking's CSV from the server, with the figures as on screen. */
export const rankingExportHref = (campaignId: number, query: ScopeQuery & { level: Level; method: Method }) => `/api/campaigns/${campaignId}/rankings/export?${new URLSearchParams(query)}`

/** Goes to another address of the same page without jumping to the top (a filter, a step of the drill-down). */
export function goKeepingScroll(href: string) {
  const y = window.scrollY
  navigate(href)
  window.scrollTo(0, y)
}
