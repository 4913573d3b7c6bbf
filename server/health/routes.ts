import { createRoute, z } from '@hono/zod-openapi'
import { pingDatabase } from '../../db/connect'
import { createRouter, json, PUBLIC } from '../http/openapi'

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

const alive = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is alive',
  ...PUBLIC,
  responses: { 200: json(Health, 'Alive') },
})
const ready = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'The database answers',
  ...PUBLIC,
  responses: { 200: json(Health, 'Ready'), 503: json(z.object({ status: z.literal('unavailable') }), 'Database unreachable') },
})

export const healthRoutes = createRouter()
  .openapi(alive, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(ready, async (c) =>
    (await pingDatabase(c.get('deps').db)) ? c.json({ status: 'ok' as const }, 200) : c.json({ status: 'unavailable' as const }, 503),
  )

