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
    /** Writes responses in group commits; one per app. */
    ingestor: Ingestor
    surveyCache: SurveyCache
  }
}
