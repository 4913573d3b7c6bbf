import type { Locale } from '../../shared/i18n/locale'
import type { PublicPublication, PublicPublicationDetail } from '../../shared/schemas/publication'

// Plain fetch and type-only imports, as in the citizen bundle: the hc client and zod would outweigh these pages.

/** Status 0 means no answer at all (offline, timeout). */
export interface ApiProblem {
  status: number
  message: string
}

export type Loaded<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem }

export const TIMEOUT_MS = 15_000

async function getJson<T>(url: string, locale: Locale): Promise<Loaded<T>> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS)
  try {
    // Absolute, so that the same call works in the browser and in tests (Node's fetch has no page to be relative to).
    const res = await fetch(new URL(url, location.href), { signal: controller.signal, headers: { Accept: 'application/json', 'Accept-Language': locale } })
    if (!res.ok) {
      // Read to the end: a body left unread keeps the request open in the browser (and the page never idle).
      await res.text().catch(() => '')
      return { ok: false, problem: { status: res.status, message: `HTTP ${res.status}` } }
    }
    return { ok: true, data: (await res.json()) as T }
  } catch (e) {
    return { ok: false, problem: { status: 0, message: String(e) } }
  } finally {
    clearTimeout(timer)
  }
}

/** GET /api/public/publications: the live publications, newest period first. */
export const loadList = async (locale: Locale): Promise<Loaded<PublicPublication[]>> => {
  const loaded = await getJson<{ items: PublicPublication[] }>('/api/public/publications', locale)
  return loaded.ok ? { ok: true, data: loaded.data.items } : loaded
}

/** GET /api/public/publications/<id>: one period with its frozen content (404 once withdrawn). */
export const loadDetail = (id: number, locale: Locale) => getJson<PublicPublicationDetail>(`/api/public/publications/${id}`, locale)
