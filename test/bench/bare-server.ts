import { serve } from '@hono/node-server'
import { Hono } from 'hono'

// The baseline of the ingest benchmark: the same framework and adapter, doing nothing.
const app = new Hono()
app.get('/', (c) => c.body(null, 204))
app.post('*', (c) => c.body(null, 204))
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
