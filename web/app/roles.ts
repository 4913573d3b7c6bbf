import type { Role } from '../../shared/schemas/auth'
import type { UiKey } from '../../shared/i18n'

/** All roles, in the order they are offered. */
export const ROLE_ORDER: readonly Role[] = ['admin', 'manager', 'viewer', 'supervisor']

const ROLE_KEYS: Record<Role, UiKey> = {
  admin: 'roleAdmin',
  manager: 'roleManager',
  viewer: 'roleViewer',
  supervisor: 'roleSupervisor',
}

/** The dictionary key of a role's name (管理员 / 单位管理员 / 只读 / 监督员). */
export const roleKey = (role: Role): UiKey => ROLE_KEYS[role]
