import type { Role } from '../../shared/schemas/auth'
import type { Scope } from '../access/policy'

/** Who reads the figures: their units, and what a manager may not see yet. */
export interface Viewer {
  scope: Scope
  role: Role
  /** Today in the deployment's zone. */
  today: string
}

