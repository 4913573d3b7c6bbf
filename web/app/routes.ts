import type { User } from '../../shared/schemas/auth'
import type { AuthState } from './auth'
import { canManageSupervisors, canManageSurveys, canManageUsers, canPublishResults, canReadOrg, canReadSurveys, canReadVisits, canReviewResponses, canSupervise } from './permissions'
import { safeNext, type Location } from './router'

export type Page =
  | 'login'
  | 'org'
  | 'users'
  | 'password'
  | 'questionnaires'
  | 'questionnaire'
  | 'campaigns'
  | 'campaign'
  | 'review'
  | 'supervise'
  | 'supervise-visit'
  | 'supervisors'
  | 'visits'
  | 'visit'
  | 'dashboard'
  | 'dashboard-window'
  | 'rankings'
  | 'publications'
  | 'forbidden'
  | 'not-found'
  | 'home'

export type Resolution = { page: Page } | { redirect: string }

const KNOWN: Record<string, Page> = {
  '/': 'home',
  '/login': 'login',
  '/org': 'org',
  '/users': 'users',
  '/account/password': 'password',
  '/questionnaires': 'questionnaires',
  '/campaigns': 'campaigns',
  '/review': 'review',
  '/supervise': 'supervise',
  '/supervisors': 'supervisors',
  '/visits': 'visits',
  '/dashboard': 'dashboard',
  '/rankings': 'rankings',
  '/publications': 'publications',
}

/** Addresses with an id in them; the page reads the id from the address itself. */
const PATTERNS: readonly [RegExp, Page][] = [
  [/^\/questionnaires\/\d{1,10}$/, 'questionnaire'],
  [/^\/campaigns\/(new|\d{1,10})$/, 'campaign'],
  [/^\/supervise\/visits\/(new|\d{1,10})$/, 'supervise-visit'],
  [/^\/visits\/\d{1,10}$/, 'visit'],
  [/^\/dashboard\/windows\/\d{1,10}$/, 'dashboard-window'],
]

const SURVEY_PAGES: ReadonlySet<Page> = new Set(['questionnaires', 'questionnaire', 'campaigns', 'campaign', 'dashboard', 'dashboard-window', 'rankings'])

const withNext = (to: string, location: Location) =>
  `${to}?next=${encodeURIComponent(location.path + (location.search.size > 0 ? `?${location.search}` : ''))}`

/** The home page of a user: the organisation, or (for roles without it) their password page for now. */
export const homeOf = (user: User) => (canReadOrg(user) ? '/org' : canSupervise(user) ? '/supervise' : '/account/password')

/**
 * Which page an address shows, or where to send the user instead: to sign-in when signed out (and back afterwards),
 * to the change-password page when they must change it first.
 */
export function resolveRoute(location: Location, auth: AuthState): Resolution {
  const path = location.path.length > 1 ? location.path.replace(/\/+$/, '') : location.path
  const page = KNOWN[path] ?? PATTERNS.find(([pattern]) => pattern.test(path))?.[1]
  if (!page) return { page: 'not-found' }
  if (auth.status !== 'signed-in') {
    if (page === 'login') return { page }
    return page === 'home' ? { redirect: '/login' } : { redirect: withNext('/login', location) }
  }
  const { user } = auth
  if (page === 'login' || page === 'home') {
    const next = safeNext(location.search.get('next'), homeOf(user))
    return { redirect: user.mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next }
  }
  if (user.mustChangePassword && page !== 'password') return { redirect: withNext('/account/password', location) }
  if (page === 'users' && !canManageUsers(user)) return { page: 'forbidden' }
  if (page === 'org' && !canReadOrg(user)) return { page: 'forbidden' }
  if (SURVEY_PAGES.has(page) && !canReadSurveys(user)) return { page: 'forbidden' }
  if (page === 'review' && !canReviewResponses(user)) return { page: 'forbidden' }
  if (page === 'publications' && !canPublishResults(user)) return { page: 'forbidden' }
  if ((page === 'supervise' || page === 'supervise-visit') && !canSupervise(user)) return { page: 'forbidden' }
  if (page === 'supervisors' && !canManageSupervisors(user)) return { page: 'forbidden' }
  if ((page === 'visits' || page === 'visit') && !canReadVisits(user)) return { page: 'forbidden' }
  if (path === '/campaigns/new' && !canManageSurveys(user)) return { page: 'forbidden' }
  return { page }
}
