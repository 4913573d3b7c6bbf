import { createRoute, z } from '@hono/zod-openapi'
import { IdParams } from '../../shared/schemas/common'
import { authorizeScoped } from '../access/actor'
import { createRouter, errors, json } from '../http/openapi'
import { getWindow } from '../org/service'
import { qrSvg, surveyUrl } from './svg'
import { rotateToken, tokenFor } from './tokens'

const tags = ['qr codes']
const WindowQr = z.object({ token: z.string(), url: z.string() }).meta({ id: 'WindowQr' })

const get = createRoute({
  method: 'get',
  path: '/windows/{id}/qr',
  tags,
  summary: 'The citizen URL of a window (its QR code’s content)',
  request: { params: IdParams },
  responses: { 200: json(WindowQr, 'Token and URL'), ...errors(400, 401, 403, 404) },
})
const svg = createRoute({
  method: 'get',
  path: '/windows/{id}/qr.svg',
  tags,
  summary: 'The QR code of a window as SVG',
  request: { params: IdParams },
  responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: z.string() } } }, ...errors(400, 401, 403, 404) },
})
const rotate = createRoute({
  method: 'post',
  path: '/windows/{id}/rotate-token',
  tags,
  summary: 'Give a window a new QR token (admin, or a manager of its unit); the old code then says “replaced”',
  request: { params: IdParams },
  responses: { 200: json(WindowQr, 'The new token and URL'), ...errors(400, 401, 403, 404) },
})

export const qrRoutes = createRouter()
  .openapi(get, async (c) => {
    const { scope } = await authorizeScoped(c, 'qr.manage')
    const { db, config } = c.get('deps')
    const window = await getWindow(db, scope, c.req.valid('param').id)
    const token = await tokenFor(db, window.id)
    return c.json({ token, url: surveyUrl(config.PUBLIC_URL, token) }, 200)
  })
  .openapi(svg, async (c) => {
    const { scope } = await authorizeScoped(c, 'qr.manage')
    const { db, config } = c.get('deps')
    const window = await getWindow(db, scope, c.req.valid('param').id)
    const token = await tokenFor(db, window.id)
    c.header('Content-Type', 'image/svg+xml')
    c.header('Cache-Control', 'private, no-cache')
    return c.body(qrSvg(surveyUrl(config.PUBLIC_URL, token)), 200)
  })
  .openapi(rotate, async (c) => {
    const { scope, actor } = await authorizeScoped(c, 'qr.manage')
    const { db, config, now } = c.get('deps')
    const window = await getWindow(db, scope, c.req.valid('param').id)
    const token = await rotateToken(db, window.id, now())
    c.get('survey').cache.clear()
    c.get('log').info('qr token rotated', { reqId: c.get('requestId'), windowId: window.id, userId: actor.id })
    return c.json({ token, url: surveyUrl(config.PUBLIC_URL, token) }, 200)
  })
