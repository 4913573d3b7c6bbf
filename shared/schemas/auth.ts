import { z } from 'zod'
import { Id, Instant, Paging, QueryFlag } from './common'

export const ROLES = ['admin', 'manager', 'viewer', 'supervisor'] as const
export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, 'field_username')

/** Strong enough for a staff account: 10+ characters with letters and digits. */
export const NewPassword = z
  .string()
  .max(200)
  .refine((p) => p.length >= 10 && /[A-Za-z]/.test(p) && /\d/.test(p), 'field_password_weak')

export const LoginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
})

export const ChangePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .refine((b) => b.currentPassword !== b.newPassword, { message: 'field_password_same', path: ['newPassword'] })

export const User = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    unitIds: z.array(z.number().int()),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: Instant.nullable(),
    createdAt: Instant,
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof User>

export const Me = z.object({ user: User }).meta({ id: 'Me' })

export const UserCreate = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(50),
  role: Role,
  unitIds: z.array(Id).max(100).default([]),
  password: NewPassword,
})
export const UserUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  role: Role.optional(),
  unitIds: z.array(Id).max(100).optional(),
  active: z.boolean().optional(),
})
export const UserListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  includeInactive: QueryFlag,
  ...Paging,
})
export const ResetPasswordResult = z.object({ temporaryPassword: z.string() }).meta({ id: 'TemporaryPassword' })
