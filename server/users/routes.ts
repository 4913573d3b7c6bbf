import { createRoute } from '@hono/zod-openapi'
import { ResetPasswordResult, User, UserCreate, UserListQuery, UserUpdate } from '../../shared/schemas/auth'
import { IdParams, page } from '../../shared/schemas/common'
import { authorize } from '../access/actor'
import { randomPassword } from '../auth/password'
import { createRouter, errors, json, jsonBody } from '../http/openapi'
import { createUser, getUser, listUsers, setPassword, updateUser } from './service'

const tags = ['users']
const UserPage = page(User).meta({ id: 'UserPage' })

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List users (admin)',
  request: { query: UserListQuery },
  responses: { 200: json(UserPage, 'Users'), ...errors(400, 401, 403) },
})
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a user (admin); they choose their own password at first sign-in',
  request: { body: jsonBody(UserCreate) },
  responses: { 201: json(User, 'Created'), ...errors(400, 401, 403, 404, 409) },
})
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One user (admin)',
  request: { params: IdParams },
  responses: { 200: json(User, 'The user'), ...errors(400, 401, 403, 404) },
})
const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change name, role, units or disable/enable a user (admin)',
  request: { params: IdParams, body: jsonBody(UserUpdate) },
  responses: { 200: json(User, 'Updated'), ...errors(400, 401, 403, 404) },
})
const resetPassword = createRoute({
  method: 'post',
  path: '/{id}/reset-password',
  tags,
  summary: 'Give a user a new temporary password, shown once (admin); their sessions end',
  request: { params: IdParams },
  responses: { 200: json(ResetPasswordResult, 'The temporary password'), ...errors(400, 401, 403, 404) },
})

export const userRoutes = createRouter()
  .openapi(list, async (c) => {
    authorize(c, 'users.manage')
    return c.json(await listUsers(c.get('deps').db, c.req.valid('query')), 200)
  })
  .openapi(create, async (c) => {
    authorize(c, 'users.manage')
    const { db, now } = c.get('deps')
    return c.json(await createUser(db, c.req.valid('json'), now()), 201)
  })
  .openapi(get, async (c) => {
    authorize(c, 'users.manage')
    return c.json(await getUser(c.get('deps').db, c.req.valid('param').id), 200)
  })
  .openapi(update, async (c) => {
    const actor = authorize(c, 'users.manage')
    const { db, now } = c.get('deps')
    return c.json(await updateUser(db, actor.id, c.req.valid('param').id, c.req.valid('json'), now()), 200)
  })
  .openapi(resetPassword, async (c) => {
    authorize(c, 'users.manage')
    const { db, now } = c.get('deps')
    const temporaryPassword = randomPassword()
    await setPassword(db, c.req.valid('param').id, temporaryPassword, true, now())
    c.header('Cache-Control', 'no-store')
    return c.json({ temporaryPassword }, 200)
  })

