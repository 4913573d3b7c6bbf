import type { Role } from '../../shared/schemas/auth'

/**
 * A window's manager sees no trace of undercover visits (暗访) before the campaign's period is over: not in lists, not
 * in counts, not in the scores they feed (the brief: never shown to the window's own manager before that).
 */
export const hidesUndercover = (role: Role, today: string, campaignEndsOn: string) => role === 'manager' && today <= campaignEndsOn
