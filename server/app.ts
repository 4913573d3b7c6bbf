import { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { secureHeaders } from 'hono/secure-headers'
import { pickLocale } from '../shared/i18n'
import { authRoutes } from './auth/routes'
import { loadSession } from './auth/middleware'
import { SESSION_COOKIE } from './auth/sessions'
import type { AppDeps, AppEnv, SurveyServices } from './env'
import { accessLog } from './http/access-log'
import { AppError, renderError } from './http/errors'
import { requestId } from './http/request-id'
import { createRouter } from './http/openapi'
import { sameOrigin } from './http/same-origin'
import { serveSpa } from './http/static'
import { healthRoutes } from './health/routes'
import { orgRoutes } from './org/routes'
import { qrRoutes } from './qr/routes'
import { cardsPage, CARDS_CSS, CARDS_JS } from './qr/cards'
import { userRoutes } from './users/routes'
import { Ingestor } from './survey/ingest'
import type { ResponseSink } from './survey/response-writer'
import { clearSurveyCacheAfterWrites, SurveyCache } from './survey/ttl-cache'
import { surveyRoutes } from './survey/routes'
import { reviewRoutes } from './survey/review-routes'
import { channelRoutes, publicChannelRoutes } from './channels/routes'
import { questionnaireRoutes } from './questionnaires/routes'
import { campaignRoutes } from './campaigns/routes'
import { rosterRoutes } from './supervision/roster-routes'
import { supervisionRoutes } from './supervision/visit-routes'
import { scoringRoutes } from './scoring/routes'
import { publicationRoutes } from './publication/routes'

/** Bodies above this are refused (413) before they are read; CSV imports get more room. */
export const BODY_LIMIT = 64 * 1024
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024
/** A visit photo may be 10 MB. */
export const PHOTO_BODY_LIMIT = 10 * 1024 * 1024
const PHOTO_PATH = /^\/api\/visits\/\d+\/photos$/

/** The API, one router per feature. Its type is what the SPA's hc client is typed with. */
const apiRoutes = () =>
  createRouter()
    .route('/auth', authRoutes)
    .route('/users', userRoutes)
    .route('/org', orgRoutes)
    .route('/org', qrRoutes)
    .route('/questionnaires', questionnaireRoutes)
    .route('/campaigns', campaignRoutes)
    .route('/s', surveyRoutes)
    .route('/responses', reviewRoutes)
    .route('/', channelRoutes)
    .route('/', publicChannelRoutes)
    .route('/supervisors', rosterRoutes)
    .route('/', supervisionRoutes)
    .route('/', scoringRoutes)
    .route('/', publicationRoutes)
export type ApiType = ReturnType<typeof apiRoutes>

const context = (deps: AppDeps, survey: SurveyServices): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('deps', deps)
  c.set('survey', survey)
  c.set('log', deps.log)
  c.set('locale', pickLocale(c.req.header('accept-language')))
  c.set('actor', null)
  c.set('sessionProblem', null)
  await next()
}

const limitBody: MiddlewareHandler<AppEnv> = (c, next) => {
  const path = c.req.path
  const maxSize = path === '/api/org/import' || path === '/api/supervisors/import' ? IMPORT_BODY_LIMIT : PHOTO_PATH.test(path) ? PHOTO_BODY_LIMIT : BODY_LIMIT
  const tooLarge = () => {
    if (maxSize === PHOTO_BODY_LIMIT) throw new AppError(413, 'photo_too_large', { limit: '10 MB' })
    throw new AppError(413, 'body_too_large', { limit: `${Math.round(maxSize / 1024)} KB` })
  }
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
  // A declared length is all Node will ever read, so the header decides. (Hono's bodyLimit looks at the body itself,
  // which makes @hono/node-server build a full WHATWG Request for every POST — a good part of a small request's cost.)
  const declared = c.req.header('content-length')
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > maxSize) tooLarge()
    return next()
  }
  return bodyLimit({ maxSize, onError: tooLarge })(c, next) // a streamed body is counted as it arrives
}

/**
 * Headers of every API answer: only what matters for JSON (a JSON body is never rendered or framed), which keeps every
 * API response small on the hot submit path. Pages get the full set (see createApp).
 */
export const API_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
} as const

/** The survey services (the response writer's way in and the submit path's caches) of one app. */
export const createSurveyServices = (deps: AppDeps, responses?: ResponseSink): SurveyServices => ({
  deps,
  ingestor: new Ingestor(deps.db, deps.config.TZ, deps.now, responses),
  cache: new SurveyCache(),
})

/**
 * The whole HTTP application. `webRoot` is the built SPA (served when present); `survey` the survey services, when the
 * caller shares them with the submit fast path (else made here, writing through `responses`).
 */
export function createApp(deps: AppDeps, options: { webRoot?: string; responses?: ResponseSink; survey?: SurveyServices } = {}) {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', requestId)
  app.use('*', context(deps, options.survey ?? createSurveyServices(deps, options.responses)))
  app.use('*', accessLog)
  // Answers to writes are small receipts; only reads (pages, assets, lists, exports) are worth compressing, and the check
  // itself makes @hono/node-server build a full Response object.
  const compressReads = compress()
  app.use('*', (c, next) => (c.req.method === 'GET' ? compressReads(c, next) : next()))
  // The questionnaire builder shows the citizen preview in a frame of our own pages; nothing else may be framed.
  app.use('/preview/*', async (c, next) => {
    await next()
    const csp = c.res.headers.get('content-security-policy')
    if (csp) c.res.headers.set('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"))
    c.res.headers.set('x-frame-options', 'SAMEORIGIN')
  })
  // Pages get the full set of security headers; JSON answers only API_HEADERS.
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'same-origin',
  })
  // Set before the handler runs, so they go into the response as it is built (a route may still replace Cache-Control);
  // changing a built response would make @hono/node-server rebuild it as a full Response.
  const apiHeaders: MiddlewareHandler<AppEnv> = (c, next) => {
    for (const [name, value] of Object.entries(API_HEADERS)) c.header(name, value)
    return next()
  }
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? apiHeaders(c, next) : pageHeaders(c, next)))
  app.use('/api/*', limitBody)
  app.use('/api/*', sameOrigin(SESSION_COOKIE))
  app.use('/api/*', loadSession)
  // A renamed, moved or closed window or unit changes what its QR code leads to.
  app.use('/api/org/*', clearSurveyCacheAfterWrites)

  app.route('/', healthRoutes)
  // Printable table cards: pages for staff, not API operations.
  app.use('/print/*', loadSession)
  app.get('/print/cards', cardsPage)
  app.get('/print/cards.css', (c) => c.body(CARDS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
  app.get('/print/cards.js', (c) => c.body(CARDS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }))
  app.route('/api', apiRoutes())

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie set by POST /api/auth/login',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'unitApiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A per-unit API key for counter systems (Authorization: Bearer <key>)',
  })
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Manyi (满意) API', version: '0.1.0', description: 'Satisfaction surveys and evaluation for public-service windows.' },
    security: [{ session: [] }, { unitApiKey: [] }],
  })

  app.onError(renderError)
  if (options.webRoot) serveSpa(app, options.webRoot)
  app.notFound((c) => renderError(new AppError(404, c.req.path.startsWith('/api') ? 'route_not_found' : 'not_found'), c))
  return app
}
