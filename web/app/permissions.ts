import type { User } from '../../shared/schemas/auth'

// What the UI offers to whom. It mirrors server/access/policy.ts so that nobody sees buttons they may not use;
// the server still checks every request.

/** Sectors and units: create, edit, deactivate (and CSV import). */
export const canEditStructure = (user: User) => user.role === 'admin'
/** Windows and staff inside the user's units. */
export const canEditWindows = (user: User) => user.role === 'admin' || user.role === 'manager'
/** The organisation pages at all. */
export const canReadOrg = (user: User) => user.role !== 'supervisor'
/** The users page. */
export const canManageUsers = (user: User) => user.role === 'admin'
/** Questionnaires and campaigns, read only (everyone who reads the organisation). */
export const canReadSurveys = (user: User) => user.role !== 'supervisor'
/** Create and edit questionnaires and campaigns, publish, activate, close. */
export const canManageSurveys = (user: User) => user.role === 'admin'
/** The queue of flagged responses. */
export const canReviewResponses = (user: User) => user.role === 'admin'
/** A window's QR code: see it, replace it, print table cards (windows in the user's units). */
export const canManageQr = (user: User) => user.role === 'admin' || user.role === 'manager'
/** The supervisor's own pages: assigned windows, visits (phone first). */
export const canSupervise = (user: User) => user.role === 'supervisor'
/** The roster of appointed supervisors. */
export const canManageSupervisors = (user: User) => user.role === 'admin'
/** Supervisor visits and their scores (windows in the user's units; undercover visits hidden from managers until the campaign ends). */
export const canReadVisits = (user: User) => user.role === 'admin' || user.role === 'manager' || user.role === 'viewer'
/** Annul a submitted visit. */
export const canAnnulVisits = (user: User) => user.role === 'admin'
/** Publish a period's rankings (an immutable snapshot) and withdraw a publication. */
export const canPublishResults = (user: User) => user.role === 'admin'
