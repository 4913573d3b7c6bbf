import { describe, expect, it } from 'vitest'
import type { Role, User } from '../../shared/schemas/auth'
import { adminUser } from '../testing/render'
import type { AuthState } from './auth'
import { resolveRoute } from './routes'

const at = (url: string) => {
  const u = new URL(url, 'http://localhost')
  return { path: u.pathname, search: u.searchParams }
}
const as = (role: Role, patch: Partial<User> = {}): AuthState => ({ status: 'signed-in', user: { ...adminUser, role, ...patch } })

describe('survey administration routes', () => {
  it('opens questionnaires, a questionnaire, campaigns and a campaign for every staff role', () => {
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      expect(resolveRoute(at('/questionnaires'), as(role, { unitIds: [1] }))).toEqual({ page: 'questionnaires' })
      expect(resolveRoute(at('/questionnaires/12?version=2'), as(role, { unitIds: [1] }))).toEqual({ page: 'questionnaire' })
      expect(resolveRoute(at('/campaigns/'), as(role, { unitIds: [1] }))).toEqual({ page: 'campaigns' })
      expect(resolveRoute(at('/campaigns/3'), as(role, { unitIds: [1] }))).toEqual({ page: 'campaign' })
    }
    expect(resolveRoute(at('/questionnaires'), as('supervisor'))).toEqual({ page: 'forbidden' })
    expect(resolveRoute(at('/questionnaires/abc'), as('admin'))).toEqual({ page: 'not-found' })
  })

  it('lets only admins create campaigns and review flagged responses', () => {
    expect(resolveRoute(at('/campaigns/new'), as('admin'))).toEqual({ page: 'campaign' })
    expect(resolveRoute(at('/campaigns/new'), as('manager', { unitIds: [1] }))).toEqual({ page: 'forbidden' })
    expect(resolveRoute(at('/review'), as('admin'))).toEqual({ page: 'review' })
    expect(resolveRoute(at('/review'), as('viewer'))).toEqual({ page: 'forbidden' })
    expect(resolveRoute(at('/review'), { status: 'signed-out' })).toEqual({ redirect: '/login?next=%2Freview' })
  })
})
