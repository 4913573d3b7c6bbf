import type { Kysely } from 'kysely'
import { seedDemoOrganisation } from '../db/seed/demo'
import { toCount } from '../db/convention'
import type { Database } from '../db/schema'
import { randomPassword } from './auth/password'
import { createUser } from './users/service'
import { seedDemoSupervision } from './demo/supervision'
import { seedDemoSurvey } from './demo/survey'

export interface FirstStart {
  adminPassword: string
  demo: Awaited<ReturnType<typeof seedDemoOrganisation>> | null
  demoSurvey: Awaited<ReturnType<typeof seedDemoSurvey>> | null
  demoSupervision: Awaited<ReturnType<typeof seedDemoSupervision>> | null
}

/** On an empty database: creates `admin` with a random password and, when asked, the demo organisation and its survey history. */
export async function firstStart(
  db: Kysely<Database>,
  options: { demo: boolean; now: Date; demoDays?: number; timeZone?: string },
): Promise<FirstStart | null> {
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  if (toCount(count) > 0) return null
  const adminPassword = randomPassword()
  await createUser(db, { username: 'admin', displayName: '系统管理员', role: 'admin', unitIds: [], password: adminPassword, mustChangePassword: false }, options.now)
  const { count: units } = await db.selectFrom('units').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  const demo = options.demo && toCount(units) === 0 ? await seedDemoOrganisation(db, options.now) : null
  const demoSurvey =
    demo && (options.demoDays ?? 0) > 0 ? await seedDemoSurvey(db, { days: options.demoDays!, now: options.now, timeZone: options.timeZone ?? 'Asia/Shanghai' }) : null
  const timeZone = options.timeZone ?? 'Asia/Shanghai'
  const demoSupervision = demoSurvey ? await seedDemoSupervision(db, { campaignId: demoSurvey.campaignId, days: options.demoDays!, now: options.now, timeZone }) : null
  return { adminPassword, demo, demoSurvey, demoSupervision }
}
