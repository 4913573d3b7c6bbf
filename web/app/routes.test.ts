import { describe, expect, it } from 'vitest'
import type { User } from '../../shared/schemas/auth'
import { adminUser } from '../testing/render'
import type { AuthState } from './auth'
import { resolveRoute } from './routes'

const at = (url: string) => {
  const u = new URL(url, 'http://localhost')
  return { path: u.pathname, search: u.searchParams }
}
const signedIn = (patch: Partial<User> = {}): AuthState => ({ status: 'signed-in', user: { ...adminUser, ...patch } })
const signedOut: AuthState = { status: 'signed-out' }

describe('routes', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', () => {
    expect(resolveRoute(at('/users?q=wang'), signedOut)).toEqual({ redirect: '/login?next=%2Fusers%3Fq%3Dwang' })
    expect(resolveRoute(at('/'), signedOut)).toEqual({ redirect: '/login' })
    expect(resolveRoute(at('/login'), signedOut)).toEqual({ page: 'login' })
  })

  it('after sign-in goes back where the user was going, but never off the site', () => {
    expect(resolveRoute(at('/login?next=%2Fusers'), signedIn())).toEqual({ redirect: '/users' })
    expect(resolveRoute(at('/login?next=%2F%2Fevil.example'), signedIn())).toEqual({ redirect: '/org' })
    expect(resolveRoute(at('/login?next=https%3A%2F%2Fevil.example'), signedIn())).toEqual({ redirect: '/org' })
  })

  it('makes a user who must change their password do that first', () => {
    const must = signedIn({ mustChangePassword: true })
    expect(resolveRoute(at('/login?next=%2Fusers'), must)).toEqual({ redirect: '/account/password?next=%2Fusers' })
    expect(resolveRoute(at('/org'), must)).toEqual({ redirect: '/account/password?next=%2Forg' })
    expect(resolveRoute(at('/account/password'), must)).toEqual({ page: 'password' })
  })

  it('shows users only to admins, and a friendly 404 for unknown addresses', () => {
    expect(resolveRoute(at('/users'), signedIn())).toEqual({ page: 'users' })
    expect(resolveRoute(at('/users'), signedIn({ role: 'manager', unitIds: [1] }))).toEqual({ page: 'forbidden' })
    expect(resolveRoute(at('/org/'), signedIn({ role: 'viewer' }))).toEqual({ page: 'org' })
    expect(resolveRoute(at('/no/such/page'), signedIn())).toEqual({ page: 'not-found' })
    expect(resolveRoute(at('/no/such/page'), signedOut)).toEqual({ page: 'not-found' })
  })
})
