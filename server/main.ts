import { serve } from '@hono/node-server'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../db/connect'
import { migrateToLatest } from '../db/migrate'
import { createApp, createSurveyServices } from './app'
import { purgeExpiredSessions } from './auth/sessions'
import { purgeThrottle } from './auth/throttle'
import { ConfigError, loadConfig } from './config'
import { firstStart } from './first-start'
import { createLogger } from './log'
import { withFastPaths } from './http/fast-paths'
import { submitFastPath } from './survey/submit-fast-path'
import { ThreadedResponseWriter } from './survey/writer-thread'

// The built SPA: beside the bundled server (dist/server/main.mjs → dist/web), or from the sources (server/ → dist/web).
const WEB_ROOT = fileURLToPath(new URL(import.meta.url.includes('/dist/server/') ? '../web' : '../dist/web', import.meta.url))

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`manyi: ${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
  const log = createLogger(config.LOG_LEVEL)
  const handle = openDatabase(config.DATABASE_URL)
  const applied = await migrateToLatest(handle.db)
  if (applied.length > 0) log.info('migrated', { applied })

  if (config.MANYI_DEMO && config.MANYI_DEMO_DAYS > 0) log.info('first start: preparing the demo (this takes a few seconds on an empty database)')
  const first = await firstStart(handle.db, { demo: config.MANYI_DEMO, now: new Date(), demoDays: config.MANYI_DEMO_DAYS, timeZone: config.TZ })
  // With a SQLite file, responses are written from a second thread, so that commits never stop HTTP work.
  const responses = handle.sqliteFile
    ? new ThreadedResponseWriter({ databaseUrl: `sqlite:${handle.sqliteFile}`, timeZone: config.TZ, onError: (e) => log.error('response writer failed', { error: e.message }) })
    : undefined
  await responses?.ready
  const deps = { db: handle.db, config, log, now: () => new Date() }
  // The app and the submit fast path share one response writer and one set of survey caches.
  const survey = createSurveyServices(deps, responses)
  const app = createApp(deps, { webRoot: WEB_ROOT, survey })

  const createServer = withFastPaths(submitFastPath(survey))
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST, createServer }, () => {
    log.info('listening', { port: config.PORT, database: handle.describe })
    if (first) {
      // Printed once, to the console only (not the JSON log): whoever started the server signs in with it.
      const lines = [
        '',
        '  满意 Manyi is ready / 已就绪',
        `  Open / 打开:        ${config.PUBLIC_URL}`,
        '  User / 用户名:      admin',
        `  Password / 密码:    ${first.adminPassword}`,
        first.demo ? `  Demo data / 演示数据: ${first.demo.sectors} sectors, ${first.demo.units} units, ${first.demo.windows} windows, ${first.demo.staff} staff` : '',
        first.demoSurvey ? `  Demo responses / 演示评价: ${first.demoSurvey.responses} (${first.demoSurvey.flagged} flagged for review)` : '',
        first.demoSupervision ? `  Demo supervisors / 演示监督员: ${first.demoSupervision.supervisors}, ${first.demoSupervision.visits} visits` : '',
        '  This password is shown only now. Lost it? npm run admin -- reset-password admin',
        '',
      ]
      process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n\n')
    }
  })

  server.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(`manyi: cannot listen on ${config.HOST}:${config.PORT}: ${e.code === 'EADDRINUSE' ? 'the port is in use (set PORT)' : e.message}\n`)
    process.exit(1)
  })

  // Housekeeping: expired sessions and stale login counters.
  const purge = setInterval(() => {
    const now = new Date()
    purgeExpiredSessions(handle.db, now)
      .then(() => purgeThrottle(handle.db, now))
      .catch((e: unknown) => log.warn('housekeeping failed', { error: e }))
  }, 60 * 60 * 1000)
  purge.unref()

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    clearInterval(purge)
    // Stop accepting, let in-flight requests finish, then close the database.
    const force = setTimeout(() => {
      log.warn('forced exit after 10 s')
      process.exit(1)
    }, 10_000)
    force.unref()
    server.close(async () => {
      await responses?.close()
      await handle.close()
      log.info('stopped')
      process.exit(0)
    })
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((e) => {
  process.stderr.write(`manyi: failed to start: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
