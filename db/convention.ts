import type { Flag } from './schema'

/** The current instant in the storage convention (ISO-8601 UTC text). */
export const isoNow = (now: Date = new Date()): string => now.toISOString()
/** A boolean in the storage convention (0/1). */
export const flag = (value: boolean): Flag => (value ? 1 : 0)
/** A stored 0/1 flag as a boolean. */
export const isSet = (value: number | boolean | null | undefined): boolean => value === 1 || value === true
/** A count(*) as a number (pg returns bigint counts as strings). */
export const toCount = (value: string | number | bigint | null | undefined): number => Number(value ?? 0)
