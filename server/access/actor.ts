import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { loadScope, requireAction, requireActor, type Action, type Actor, type Scope } from './policy'

/** The signed-in actor of a request, or 401 (with "session expired" when that is why). */
export const actorOf = (c: Context<AppEnv>): Actor => requireActor(c.get('actor'), c.get('sessionProblem'))

/** The signed-in actor, after checking the role allows the action (401 / 403). */
export function authorize(c: Context<AppEnv>, action: Action): Actor {
  const actor = actorOf(c)
  requireAction(actor, action)
  return actor
}

/** The actor and the units they may see, after checking the action. */
export async function authorizeScoped(c: Context<AppEnv>, action: Action): Promise<{ actor: Actor; scope: Scope }> {
  const actor = authorize(c, action)
  return { actor, scope: await loadScope(c.get('deps').db, actor) }
}
