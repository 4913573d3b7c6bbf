import { serve } from '@hono/node-server'
import { createRoute, z } from '@hono/zod-openapi'
import { openDatabase } from '../../db/connect'
import { migrateToLatest } from '../../db/migrate'
import { createApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { jsonBody, PUBLIC } from '../../server/http/openapi'
import { createLogger } from '../../server/log'
import { SubmissionBody, SubmissionReceipt } from '../../shared/schemas/survey'

// A second baseline of the ingest benchmark: the real app with all its middleware, and a route that validates a
// submission exactly like the real one and then answers at once. It shows what the stack costs before any of our work.
const handle = openDatabase(':memory:')
await migrateToLatest(handle.db)
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', MANYI_DEMO: '0' })
const app = createApp({ db: handle.db, config, log: createLogger('warn'), now: () => new Date() })
app.openapi(
  createRoute({
    method: 'post',
    path: '/api/bench/{token}/responses',
    ...PUBLIC,
    request: { params: z.object({ token: z.string().min(1).max(64) }), body: jsonBody(SubmissionBody) },
    responses: { 201: { description: 'validated', content: { 'application/json': { schema: SubmissionReceipt } } } },
  }),
  (c) => c.json({ trackingCode: 'AAAAA-AAAAA' }, 201),
)
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
