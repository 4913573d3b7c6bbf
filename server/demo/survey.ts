import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { localDayHour } from '../../shared/time'
import type { Answers } from '../../shared/survey/answers'
import { activateCampaign, createCampaign } from '../campaigns/service'
import { createQuestionnaire, currentPublishedVersion, publishDraft } from '../questionnaires/service'
import { Ingestor, type Channel } from '../survey/ingest'

/** A small deterministic random generator, so that every demo looks alike. */
function mulberry32(seed: number) {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMMENTS = ['排队时间太长，希望多开窗口', '工作人员态度冷淡，问了几遍才回答', '材料要求没有一次说清楚，跑了两趟', '收费项目没有公示清楚', '大厅空调太冷，座位也不够', '电话一直打不通', '办理速度慢，系统经常卡顿']
const REASONS = ['rude', 'slow', 'buck_passing', 'unclear_fees', 'dirty', 'other']
const DIMENSIONS = ['attitude', 'efficiency', 'competence', 'environment']

/**
 * The demo's campaign and its history: the window-service questionnaire, an active campaign over every demo window,
 * and `days` days of responses written through the same ingestion path as real ones — most windows above 95%,
 * some below, a few with too few responses, and some flagged bursts.
 */
export async function seedDemoSurvey(db: Kysely<Database>, options: { days: number; now: Date; timeZone: string }) {
  const { days, now, timeZone } = options
  const random = mulberry32(20261121)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!
  const dayMs = 86_400_000

  const questionnaire = await createQuestionnaire(db, { fromTemplate: 'window-service' }, now)
  await publishDraft(db, questionnaire.id, now)
  const version = (await currentPublishedVersion(db, questionnaire.id))!
  const sectorIds = (await db.selectFrom('sectors').select('id').execute()).map((s) => s.id)
  const campaign = await createCampaign(
    db,
    {
      name: `${localDayHour(now, timeZone).day.slice(0, 4)}年度窗口服务群众满意度测评（演示）`,
      description: '演示数据：自动生成的测评活动与群众评价',
      startsOn: localDayHour(new Date(now.getTime() - (days - 1) * dayMs), timeZone).day,
      endsOn: localDayHour(new Date(now.getTime() + 30 * dayMs), timeZone).day,
      phases: [],
      scope: { sectorIds, unitIds: [], windowIds: [] },
      questionnaireId: questionnaire.id,
      targetRate: 0.95,
      satisfiedLevels: [3, 4, 5],
      minSample: 30,
      quotaTotal: 50_000,
      quotaPerWindow: 500,
      repeatIntervalHours: 12,
      minSeconds: 3,
      weights: { citizenIndex: 70, supervisorMean: 30, inspectionScore: 0 },
      publishStaffNames: false,
    },
    now,
  )
  await activateCampaign(db, campaign.id, now)
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', campaign.id).executeTakeFirstOrThrow()

  // Each window has its own quality and traffic: most good, some below target, three nearly unused.
  const windows = (await db.selectFrom('campaign_windows').select('window_id').where('campaign_id', '=', campaign.id).orderBy('window_id').execute()).map((w, i) => ({
    id: w.window_id,
    satisfied: i % 9 === 4 ? 0.86 + random() * 0.07 : 0.955 + random() * 0.04,
    volume: i % 23 === 7 ? 0.15 : 7 + random() * 10,
    nets: Array.from({ length: 30 }, () => randomBytes(8).toString('hex')),
    lastDevice: null as string | null,
  }))

  // Who served each response (as a counter system's one-time code or an operator would record it), so that the staff
  // ranking (服务明星) has something to show; deterministic, so the demo's random sequence is unchanged.
  const staffOf = new Map<number, number[]>()
  for (const s of await db.selectFrom('staff').select(['id', 'window_id']).where('active', '=', 1).orderBy('id').execute()) {
    staffOf.set(s.window_id, [...(staffOf.get(s.window_id) ?? []), s.id])
  }
  let served = 0

  let clock = now
  const ingestor = new Ingestor(db, timeZone, () => clock)
  // The zone's offset now (demo days ignore daylight-saving changes).
  const local = localDayHour(now, timeZone)
  const offsetMs = Date.UTC(Number(local.day.slice(0, 4)), Number(local.day.slice(5, 7)) - 1, Number(local.day.slice(8, 10)), local.hour) - Math.floor(now.getTime() / 3_600_000) * 3_600_000

  let stored = 0
  let flagged = 0
  const burstDays = new Set([Math.floor(days * 0.3), Math.floor(days * 0.6), Math.floor(days * 0.85)])
  for (let d = days - 1; d >= 0; d--) {
    const date = localDayHour(new Date(now.getTime() - d * dayMs), timeZone).day
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
    const dayFactor = weekday === 0 ? 0.3 : weekday === 6 ? 0.55 : 1
    const localMidnightUtc = Date.parse(`${date}T00:00:00Z`) - offsetMs
    const jobs: { at: number; window: (typeof windows)[number]; burst?: string }[] = []
    for (const w of windows) {
      const count = Math.round(w.volume * dayFactor * (0.6 + random() * 0.8) + (random() < (w.volume % 1) ? 1 : 0))
      for (let k = 0; k < count; k++) {
        // Opening hours 8:30–17:00, busiest mid-morning and mid-afternoon.
        const hour = random() < 0.5 ? 9 + random() * 2.5 : 13.5 + random() * 3
        jobs.push({ at: localMidnightUtc + hour * 3_600_000, window: w })
      }
    }
    if (burstDays.has(d) || (d === 1 && days > 1)) {
      // Somebody at one network taps the same window's survey again and again within minutes.
      const w = windows[(d * 7) % windows.length]!
      const start = localMidnightUtc + 15 * 3_600_000
      for (let k = 0; k < 32; k++) jobs.push({ at: start + k * 15_000, window: w, burst: w.nets[0]! })
    }
    jobs.sort((a, b) => a.at - b.at)
    const pending: Promise<unknown>[] = []
    for (const job of jobs) {
      if (job.at > now.getTime()) continue
      const w = job.window
      const good = job.burst ? true : random() < w.satisfied
      const level = good ? (random() < 0.72 ? 5 : random() < 0.8 ? 4 : 3) : random() < 0.7 ? 2 : 1
      const answers: Answers = { overall: level }
      for (const dim of DIMENSIONS) if (random() < 0.55) answers[dim] = Math.max(1, Math.min(5, level + (random() < 0.2 ? -1 : random() < 0.1 ? 1 : 0)))
      if (level <= 2) {
        answers['reasons'] = [...new Set([pick(REASONS), ...(random() < 0.4 ? [pick(REASONS)] : [])])]
        if (random() < 0.55) answers['comment'] = pick(COMMENTS)
        if (random() < 0.3) answers['phone'] = `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
      } else if (random() < 0.04) {
        answers['comment'] = pick(['服务很周到，点赞！', '工作人员很耐心', '办事效率高，一次办好'])
      }
      const r = random()
      const channel: Channel = job.burst ? 'qr' : r < 0.8 ? 'qr' : r < 0.92 ? 'kiosk' : r < 0.97 ? 'hotline' : 'paper'
      const repeat = channel === 'qr' && !job.burst && w.lastDevice !== null && random() < 0.004
      const device = job.burst ? randomBytes(8).toString('hex') : repeat ? w.lastDevice : channel === 'qr' ? randomBytes(8).toString('hex') : null
      w.lastDevice = device
      clock = new Date(job.at)
      const submitted = (
        ingestor
          .submit({
            campaign: row,
            windowId: w.id,
            staffId: job.burst ? null : (staffOf.get(w.id)?.[served++ % (staffOf.get(w.id)?.length ?? 1)] ?? null),
            version,
            channel,
            answers,
            durationMs: channel === 'hotline' || channel === 'paper' ? null : random() < 0.01 ? 1500 : 8000 + Math.floor(random() * 50_000),
            clientKey: null,
            honeypot: null,
            sender: { deviceHash: device, ipHash: null, netHash: channel === 'qr' ? (job.burst ?? pick(w.nets)) : null },
          })
          .then((receipt) => {
            stored++
            if (receipt.status === 'flagged') flagged++
          })
      )
      pending.push(submitted)
      if (pending.length >= 400) await Promise.all(pending.splice(0))
    }
    await Promise.all(pending)
  }
  return { campaignId: campaign.id, responses: stored, flagged }
}
