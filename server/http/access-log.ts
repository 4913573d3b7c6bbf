import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import type { Logger } from '../log'

export interface RequestLine {
  reqId: string
  method: string
  /** Never the query string: it may carry tokens. */
  path: string
  status: number
  ms: number
  userId?: number
}

/** One line per request (health checks at debug level), the same from the app and from the submit fast path. */
export function logRequest(log: Logger, line: RequestLine) {
  const fields = { ...line, ms: Math.round(line.ms * 10) / 10 }
  if (line.path === '/healthz' || line.path === '/readyz') log.debug('request', fields)
  else log.info('request', fields)
}

export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now()
  await next()
  logRequest(c.get('log'), {
    reqId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: performance.now() - started,
    userId: c.get('actor')?.id,
  })
}
