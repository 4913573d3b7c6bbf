import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Locale } from '../shared/i18n'
import type { Config } from './config'
import type { Logger } from './log'
import type { Actor } from './access/policy'
import type { Ingestor } from './survey/ingest'
import type { SurveyCache } from './survey/ttl-cache'

/** What every part of the server gets from main.ts (or a test). */
export interface AppDeps {
  db: Kysely<Database>
  config: Config
  log: Logger
  /** The current instant; tests move it to expire sessions and lift lockouts. */
  now: () => Date
}

export interface AppEnv {
  Variables: {
    /** This request's id (see http/request-id.ts). */
    requestId: string
    deps: AppDeps
    log: Logger
    locale: Locale
    /** The signed-in user, or null. */
    actor: Actor | null
    /** Why there is no actor although a cookie came (expired, unknown). */
    sessionProblem: 'session_expired' | null
    /** The response writer's way in and the submit path's caches; one set per app, shared with the submit fast path. */
    survey: SurveyServices
  }
}

/** What the survey endpoints use, however a request arrives (a Hono route, or the submit fast path). */
export interface SurveyServices {
  deps: AppDeps
  ingestor: Ingestor
  cache: SurveyCache
}
