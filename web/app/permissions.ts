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
