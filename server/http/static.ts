import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from '../env'

/** Pages served by the citizen bundle (survey.html): QR surveys, kiosks, one-time codes, the builder's preview. */
export const CITIZEN_PATHS = /^\/(s|k|c|preview)\//

/** Pages served by the public results bundle (results.html): published rankings, no login. */
export const RESULTS_PATHS = /^\/results(\/|$)/

/**
 * Serves the built SPA from `root`: the citizen bundle for citizen paths, the public results bundle for /results,
 * index.html (the staff app) for every other client route. API paths never fall back to a page.
 */
export function serveSpa(app: Hono<AppEnv>, root: string) {
  const indexPath = join(root, 'index.html')
  if (!existsSync(indexPath)) return false
  const index = readFileSync(indexPath, 'utf8')
  const surveyPath = join(root, 'survey.html')
  const survey = existsSync(surveyPath) ? readFileSync(surveyPath, 'utf8') : null
  const resultsPath = join(root, 'results.html')
  const results = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : null
  // Built assets carry a content hash in their names, so browsers may keep them forever.
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.use('/assets/*', serveStatic({ root }))
  const files = serveStatic<AppEnv>({ root, index: '' })
  // Directories (and "/") are never files: they fall through to index.html below.
  app.use('*', (c, next) => (c.req.path.endsWith('/') ? next() : files(c, next)))
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next()
    c.header('Cache-Control', 'no-cache')
    if (results && RESULTS_PATHS.test(c.req.path)) return c.html(results)
    return c.html(survey && CITIZEN_PATHS.test(c.req.path) ? survey : index)
  })
  return true
}
