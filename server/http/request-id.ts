import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

export const REQUEST_ID_HEADER = 'X-Request-Id'

/** The id a request is logged and answered with: the caller's own (a proxy's, say) when it is short and plain, else new. */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming && incoming.length <= 255 && !/[^\w\-=]/.test(incoming) ? incoming : crypto.randomUUID()
}

/** Gives each request its id (`c.get('requestId')`) and the `X-Request-Id` answer header. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = requestIdFrom(c.req.header(REQUEST_ID_HEADER))
  c.set('requestId', id)
  c.header(REQUEST_ID_HEADER, id)
  await next()
}
