import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Locale } from '../../shared/i18n/locale'
import { dimensionScores, type DimensionAnswers } from '../../shared/scoring/dimensions'
import { badReviewRate, satisfactionIndex, satisfactionRate, wilsonInterval, type LevelCounts } from '../../shared/scoring/rates'
import type { Overview } from '../../shared/schemas/scoring'
import type { Definition, Question } from '../../shared/survey/definition'
import { versionDefinition } from '../questionnaires/service'
import { getCampaign } from '../campaigns/service'
import { campaignWindows, wholeCampaign, windowsAt, type Place } from './campaign-windows'
import { answerCounts, campaignTotal, hourlyCounts, visitCounts } from './counters'
import { campaignRanking, requestedPeriod } from './rankings'
import { hidesUndercover } from '../supervision/undercover'
import type { Viewer } from './viewer'

export interface OverviewRequest extends Place {
  from?: string | undefined
  to?: string | undefined
  channel?: string | undefined
}

const LOWEST = 5
const COMMENTS = 10

/**
 * A campaign's overview for the viewer's units (and the chosen place) over a period, from the counters written at
 * submit time: volumes by status, the overall rate with its interval against the target, attainment, quota, levels,
 * channels, daily trend, weekday × hour heatmap, dimension scores, the lowest windows with their complaint reasons,
 * the newest 差评 comments and the supervisor visits. Only the newest comments are read from the responses (by index).
 */
export async function campaignOverview(db: Kysely<Database>, viewer: Viewer, campaignId: number, q: OverviewRequest, locale: Locale): Promise<Overview> {
  const campaign = await getCampaign(db, campaignId)
  const period = requestedPeriod(campaign, q)
  const within = { from: campaign.startsOn, to: campaign.endsOn }
  const windows = await campaignWindows(db, campaignId)
  const visible = windowsAt(windows, viewer.scope, q)
  const windowIds = wholeCampaign(viewer.scope, q) ? null : visible.map((w) => w.id)
  const filter = { campaignId, period, within, channel: q.channel, windowIds }

  const [hourly, ranking, received, pending, visits] = await Promise.all([
    hourlyCounts(db, filter),
    campaignRanking(db, viewer, campaignId, { level: 'window', method: 'wilson', ...q }, { previous: false, loaded: { campaign, windows } }),
    campaignTotal(db, campaignId, windowIds),
    pendingCounts(db, campaignId, period, q.channel, windowIds),
    visitCounts(db, campaignId, period, hidesUndercover(viewer.role, viewer.today, campaign.endsOn), windowIds),
  ])

  const all: LevelCounts = {}
  const channels: Record<string, number> = {}
  const days = new Map<string, LevelCounts>()
  const heat = new Map<string, number>()
  const weekdays = new Map<string, number>()
  let valid = 0
  for (const r of hourly) {
    valid += r.n
    channels[r.channel] = (channels[r.channel] ?? 0) + r.n
    let weekday = weekdays.get(r.day)
    if (weekday === undefined) weekdays.set(r.day, (weekday = new Date(`${r.day}T12:00:00Z`).getUTCDay()))
    heat.set(`${weekday}:${r.hour}`, (heat.get(`${weekday}:${r.hour}`) ?? 0) + r.n)
    if (r.level < 1) continue
    const level = r.level as 1 | 2 | 3 | 4 | 5
    all[level] = (all[level] ?? 0) + r.n
    const day = days.get(r.day) ?? {}
    day[level] = (day[level] ?? 0) + r.n
    days.set(r.day, day)
  }
  const overall = satisfactionRate(all, campaign.satisfiedLevels)

  const definitions = await loadDefinitions(db, campaignId)
  const lowest = ranking.items
    .filter((i) => i.rank !== null)
    .sort((a, b) => b.rank! - a.rank!)
    .slice(0, LOWEST)
  const unitOf = new Map(windows.map((w) => [w.id, w.unitName]))

  return {
    campaignId,
    from: period.from,
    to: period.to,
    target: campaign.targetRate,
    responses: { valid, flagged: pending.flagged, rejected: pending.rejected },
    overall: { n: overall.n, rate: overall.rate, interval: wilsonInterval(overall.satisfied, overall.n), index: satisfactionIndex(all), badRate: badReviewRate(all) },
    windows: {
      attained: ranking.items.filter((i) => i.attainment === 'attained').length,
      notAttained: ranking.items.filter((i) => i.attainment === 'not_attained').length,
      insufficient: ranking.items.filter((i) => i.attainment === 'insufficient').length,
    },
    quota: { total: campaign.quotaTotal, received },
    levels: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), all[l as 1] ?? 0])),
    channels,
    trend: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, counts]) => {
        const r = satisfactionRate(counts, campaign.satisfiedLevels)
        return { day, n: r.n, satisfied: r.satisfied, rate: r.rate }
      }),
    heatmap: [...heat.entries()].map(([k, n]) => ({ weekday: Number(k.split(':')[0]), hour: Number(k.split(':')[1]), n })).sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    dimensions: await dimensions(db, filter, definitions),
    lowest: await Promise.all(
      lowest.map(async (w) => ({
        id: w.id,
        name: w.name,
        unitName: unitOf.get(w.id) ?? '',
        n: w.n,
        rate: w.rate,
        interval: w.interval,
        rank: w.rank,
        reasons: await complaintReasons(db, { ...filter, windowIds: [w.id] }, definitions, locale),
      })),
    ),
    comments: await newestBadComments(db, campaignId, period, q.channel, windowIds, definitions, locale),
    visits: summedVisits(visits),
  }
}

const text = (t: { zh: string; en?: string | undefined }, locale: Locale) => (locale === 'en' && t.en ? t.en : t.zh)

/** A complaint-reason question: a choice question that appears only on a condition (the follow-up to a 差评). */
const isReasonQuestion = (q: Question) => (q.type === 'multiple' || q.type === 'single') && q.condition !== undefined && !q.overall

async function loadDefinitions(db: Kysely<Database>, campaignId: number): Promise<Map<number, Definition>> {
  // The campaign's questionnaire's versions, and any other version its responses were given on.
  const campaign = await db.selectFrom('campaigns').select('questionnaire_id').where('id', '=', campaignId).executeTakeFirstOrThrow()
  const used = db.selectFrom('agg_campaign_answers').select('questionnaire_version_id').where('campaign_id', '=', campaignId)
  const rows = await db
    .selectFrom('questionnaire_versions')
    .select(['id', 'definition'])
    .where((eb) => eb.or([eb('questionnaire_id', '=', campaign.questionnaire_id), eb('id', 'in', used)]))
    .execute()
  return new Map(rows.map((r) => [r.id, versionDefinition(r.id, r.definition)]))
}

async function dimensions(db: Kysely<Database>, filter: Parameters<typeof answerCounts>[1], definitions: Map<number, Definition>) {
  const rated = new Set<string>()
  for (const def of definitions.values()) for (const q of def.questions) if (q.dimension && ['satisfaction5', 'score100', 'scale10'].includes(q.type)) rated.add(q.key)
  const rows = await answerCounts(db, filter, [...rated])
  const answers: DimensionAnswers[] = []
  for (const r of rows) {
    const q = definitions.get(r.versionId)?.questions.find((x) => x.key === r.key)
    if (q?.dimension) answers.push({ dimension: q.dimension, type: q.type, weight: q.weight, value: r.value, n: r.n })
  }
  return dimensionScores(answers)
}

/** The most frequent answers to the complaint-reason questions, labelled, most frequent first. */
async function complaintReasons(db: Kysely<Database>, filter: Parameters<typeof answerCounts>[1], definitions: Map<number, Definition>, locale: Locale) {
  const keys = new Set<string>()
  for (const def of definitions.values()) for (const q of def.questions) if (isReasonQuestion(q)) keys.add(q.key)
  const counts = new Map<string, number>()
  for (const r of await answerCounts(db, filter, [...keys])) {
    const option = definitions
      .get(r.versionId)
      ?.questions.find((x) => x.key === r.key)
      ?.options?.find((o) => o.key === r.value)
    const label = option ? text(option.text, locale) : r.value
    counts.set(label, (counts.get(label) ?? 0) + r.n)
  }
  return [...counts]
    .map(([reason, n]) => ({ reason, n }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 3)
}

async function pendingCounts(db: Kysely<Database>, campaignId: number, period: { from: string; to: string }, channel: string | undefined, windowIds: readonly number[] | null) {
  const rows = await db
    .selectFrom('responses')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    // Both terms: `!= 'valid'` lets the planner use the partial index of unreviewed and rejected responses, the list
    // lets it search that index by status and campaign (without them a million valid rows are read).
    .where('status', '!=', 'valid')
    .where('status', 'in', ['flagged', 'rejected'])
    .where('campaign_id', '=', campaignId)
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .$if(channel !== undefined, (qb) => qb.where('channel', '=', channel!))
    .$if(windowIds !== null, (qb) => qb.where('window_id', 'in', windowIds!.length > 0 ? [...windowIds!] : [-1]))
    .groupBy('status')
    .execute()
  const count = (status: string) => Number(rows.find((p) => p.status === status)?.n ?? 0)
  return { flagged: count('flagged'), rejected: count('rejected') }
}

/**
 * The newest comments left with a 差评 (overall level 1 or 2): a backwards walk of the campaign's bad reviews by index,
 * keeping those with text. The phone number is never read.
 */
async function newestBadComments(
  db: Kysely<Database>,
  campaignId: number,
  period: { from: string; to: string },
  channel: string | undefined,
  windowIds: readonly number[] | null,
  definitions: Map<number, Definition>,
  locale: Locale,
) {
  const rows = await db
    .selectFrom('responses as r')
    .innerJoin('windows as w', 'w.id', 'r.window_id')
    .select(['r.id', 'r.submitted_at', 'r.window_id', 'w.name as window_name', 'r.overall_level', 'r.questionnaire_version_id', 'r.answers'])
    .where('r.campaign_id', '=', campaignId)
    .where('r.status', '=', 'valid')
    .where('r.overall_level', 'in', [1, 2])
    .where('r.day', '>=', period.from)
    .where('r.day', '<=', period.to)
    .$if(channel !== undefined, (qb) => qb.where('r.channel', '=', channel!))
    .$if(windowIds !== null, (qb) => qb.where('r.window_id', 'in', windowIds!.length > 0 ? [...windowIds!] : [-1]))
    .orderBy('r.id', 'desc')
    .limit(COMMENTS * 5)
    .execute()
  const out: Overview['comments'] = []
  for (const r of rows) {
    const def = definitions.get(r.questionnaire_version_id)
    if (!def) continue
    const answers = JSON.parse(r.answers) as Record<string, unknown>
    const comment = def.questions
      .filter((q) => q.type === 'text' && q.format !== 'phone' && typeof answers[q.key] === 'string' && (answers[q.key] as string).trim() !== '')
      .map((q) => (answers[q.key] as string).trim())
      .join(' / ')
    if (!comment) continue
    const reasons = def.questions.filter(isReasonQuestion).flatMap((q) => {
      const value = answers[q.key]
      const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value]
      return chosen.map((v) => {
        const option = q.options?.find((o) => o.key === v)
        return option ? text(option.text, locale) : String(v)
      })
    })
    out.push({ id: r.id, submittedAt: r.submitted_at, windowId: r.window_id, windowName: r.window_name, level: r.overall_level!, text: comment, reasons })
    if (out.length === COMMENTS) break
  }
  return out
}

function summedVisits(visits: Awaited<ReturnType<typeof visitCounts>>) {
  let n = 0
  let scoreSum = 0
  let scoreN = 0
  let inspectionSum = 0
  let inspectionN = 0
  let vetoes = 0
  for (const v of visits.values()) {
    n += v.visits
    scoreSum += v.scoreSum
    scoreN += v.scoreN
    inspectionSum += v.inspectionSum
    inspectionN += v.inspectionN
    vetoes += v.vetoes
  }
  return { n, supervisorMean: scoreN > 0 ? scoreSum / scoreN : null, inspectionScore: inspectionN > 0 ? inspectionSum / inspectionN : null, vetoes }
}
