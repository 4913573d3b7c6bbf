import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { VisitType } from '../../shared/schemas/supervision'
import { localDayHour } from '../../shared/time'
import { hashPassword, randomPassword } from '../auth/password'
import { createQuestionnaire, publishDraft } from '../questionnaires/service'
import { addAssignment, setSupervision } from '../supervision/assignments'
import { insertSupervisor } from '../supervision/roster'
import { createVisit, submitVisit } from '../supervision/visits'

/** The demo's appointed supervisors (accounts with a random first password; an administrator resets one to try it). */
const PEOPLE = [
  { username: 'demo.deputy', displayName: '陈立华', kind: 'npc_deputy', organisation: '市人大代表（第三选区）', letterNo: 'RD-2026-003' },
  { username: 'demo.cppcc', displayName: '林晓梅', kind: 'cppcc_member', organisation: '市政协（社会福利界）', letterNo: 'ZX-2026-011' },
  { username: 'demo.efficiency', displayName: '周建国', kind: 'efficiency', organisation: '市效能办聘请', letterNo: 'XN-2026-021' },
  { username: 'demo.conduct', displayName: '吴敏', kind: 'conduct', organisation: '政风行风监督员', letterNo: 'HF-2026-008' },
  { username: 'demo.inspector', displayName: '郑海燕', kind: 'citizen_inspector', organisation: '市民督察团', letterNo: 'SM-2026-015' },
  { username: 'demo.water', displayName: '王德福', kind: '水质社会监督员', organisation: '自来水用户代表', letterNo: 'SH-2026-002' },
] as const

/**
 * Supervision for the demo campaign: two forms (五个有, 五个好), a quota of 2 visits a window a month (1 undercover),
 * six supervisors each assigned to a few units, and their visits over the past weeks — written through the same
 * services as real ones.
 */
export async function seedDemoSupervision(db: Kysely<Database>, options: { campaignId: number; days: number; now: Date; timeZone: string }) {
  const { campaignId, now, timeZone } = options
  let seed = 20261121
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const forms = []
  for (const key of ['five-haves-check', 'five-goods-appraisal']) {
    const q = await createQuestionnaire(db, { fromTemplate: key }, now)
    await publishDraft(db, q.id, now)
    forms.push(q.id)
  }
  await setSupervision(db, campaignId, { questionnaireIds: forms, visitsPerWindowPerMonth: 2, undercoverPerWindowPerMonth: 1 }, now)

  const year = localDayHour(now, timeZone).day.slice(0, 4)
  const units = await db.selectFrom('units').select('id').where('parent_id', 'is not', null).orderBy('id').execute()
  const people: { id: number; units: number[] }[] = []
  const hashes = await Promise.all(PEOPLE.map(() => hashPassword(randomPassword())))
  for (const [i, p] of PEOPLE.entries()) {
    const id = await db.transaction().execute((trx) =>
      insertSupervisor(trx, { ...p, phone: `1390000${String(1001 + i).padStart(4, '0')}`, termStart: `${year}-01-01`, termEnd: `${Number(year) + 1}-12-31` }, hashes[i]!, now),
    )
    const mine = units.filter((_, k) => k % PEOPLE.length === i).map((u) => u.id)
    if (mine.length === 0) continue
    await addAssignment(db, campaignId, { supervisorId: id, scope: { sectorIds: [], unitIds: mine, windowIds: [] } }, now)
    people.push({ id, units: mine })
  }

  // Visits in the past four weeks (within the campaign), a few a week per supervisor.
  const days = Math.min(28, options.days - 1)
  const TYPES: VisitType[] = ['open', 'undercover', 'patrol', 'special']
  let visits = 0
  for (const person of people) {
    const windows = await db.selectFrom('assignment_windows').select('window_id').where('supervisor_id', '=', person.id).where('campaign_id', '=', campaignId).execute()
    for (let k = 0; k < Math.min(windows.length, 8); k++) {
      const window = windows[Math.floor(random() * windows.length)]!.window_id
      const at = new Date(now.getTime() - Math.floor(random() * days * 86_400_000) - 3_600_000)
      const checklist = random() < 0.5
      const answers: Record<string, boolean | number | string> = checklist
        ? { environment: random() < 0.9, areas: random() < 0.95, process: random() < 0.8, conveniences: random() < 0.85, uniform: random() < 0.9 }
        : { quality: 80 + Math.floor(random() * 20), integrity: 85 + Math.floor(random() * 15), attitude: 75 + Math.floor(random() * 25), skills: 80 + Math.floor(random() * 20), efficiency: 70 + Math.floor(random() * 30) }
      const type = TYPES[Math.floor(random() * TYPES.length)]!
      const draft = await createVisit(
        db,
        person.id,
        { campaignId, windowId: window, questionnaireId: forms[checklist ? 0 : 1]!, type, visitedAt: at.toISOString(), answers, notes: random() < 0.3 ? '等候区座椅不足，高峰时段群众站立等候' : null },
        at,
        timeZone,
      )
      await submitVisit(db, person.id, draft.id, at, timeZone)
      visits++
    }
  }
  return { supervisors: PEOPLE.length, visits }
}
