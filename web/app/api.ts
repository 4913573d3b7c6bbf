import { hc } from 'hono/client'
import type { ApiType } from '../../server/app'
import { ApiError, errorFromResponse } from './api-error'
import { getLocale, t } from './i18n'

/** The typed API client. Every request says which language the user reads, so server messages arrive localised. */
export const api = hc<ApiType>(`${window.location.origin}/api`, {
  headers: () => ({ 'Accept-Language': getLocale() }),
})

type Unauthorized = () => void
let onUnauthorized: Unauthorized = () => {}

/** What to do when the session is gone (set once by the app: forget the user, go to the sign-in page). */
export function whenUnauthorized(handler: Unauthorized) {
  onUnauthorized = handler
}

interface ResponseLike {
  ok: boolean
  status: number
  json(): Promise<unknown>
}
type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never

/**
 * Awaits an API call and returns its success body, or throws an ApiError with the server's localised message.
 * A 401 means the session ended: the app goes to the sign-in page (except for the sign-in call itself).
 */
export async function call<R extends ResponseLike>(request: Promise<R>, options: { signIn?: boolean } = {}): Promise<SuccessBody<R>> {
  let res: R
  try {
    res = await request
  } catch {
    throw new ApiError(0, 'network_error', t('networkError'))
  }
  if (res.ok) return (await res.json()) as SuccessBody<R>
  const error = await errorFromResponse(res as unknown as Response, t('unexpectedError', { status: res.status }))
  if (res.status === 401 && !options.signIn) onUnauthorized()
  throw error
}

/** Headers for a request whose body we set ourselves (the CSV upload). */
export const rawHeaders = (contentType: string) => ({ 'Accept-Language': getLocale(), 'Content-Type': contentType })
