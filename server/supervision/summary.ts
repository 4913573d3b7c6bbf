import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { SupervisionSummary } from '../../shared/schemas/supervision'
import { localDayHour } from '../../shared/time'
import type { Actor, Scope } from '../access/policy'
import { getCampaign } from '../campaigns/service'
import { hidesUndercover } from './undercover'
import { localMonth, quotaProgress } from './assignments'

const round2 = (x: number) => Math.round(x * 100) / 100

/**
 * Per window of the campaign (in the caller's units): submitted visits, the supervisor mean and inspection score, vetoes
 * and the month's quota progress, read from the agg_visits counters; per supervisor: their visits. A manager sees no
 * trace of undercover visits before the campaign's period is over.
 */
export async function supervisionSummary(db: Kysely<Database>, actor: Actor, scope: Scope, campaignId: number, month: string | undefined, now: Date, timeZone: string): Promise<SupervisionSummary> {
  const campaign = await getCampaign(db, campaignId)
  const today = localDayHour(now, timeZone).day
  const hideUndercover = hidesUndercover(actor.role, today, campaign.endsOn)
  const forMonth = month ?? localMonth(now, timeZone)
  const inUnits = scope.all ? null : [...scope.unitIds]
  const windows = await db
    .selectFrom('campaign_windows as cw')
    .innerJoin('windows as w', 'w.id', 'cw.window_id')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select(['w.id', 'w.name', 'w.code', 'u.name as unit_name'])
    .where('cw.campaign_id', '=', campaignId)
    .$if(inUnits !== null, (q) => q.where('w.unit_id', 'in', inUnits!.length > 0 ? inUnits! : [-1]))
    .orderBy('u.name')
    .orderBy('w.code')
    .execute()
  const counters = await db
    .selectFrom('agg_visits')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .$if(hideUndercover, (q) => q.where('undercover', '=', 0))
    .execute()
  const quota = await db.selectFrom('campaign_supervision').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst()
  const byWindow = new Map<number, typeof counters>()
  for (const c of counters) byWindow.set(c.window_id, [...(byWindow.get(c.window_id) ?? []), c])
  const sum = (rows: typeof counters, f: (r: (typeof counters)[number]) => number) => rows.reduce((n, r) => n + Number(f(r)), 0)

  const windowIds = new Set(windows.map((w) => w.id))
  const perSupervisor = await db
    .selectFrom('visits as v')
    .innerJoin('users as s', 's.id', 'v.supervisor_id')
    .innerJoin('supervisor_profiles as p', 'p.user_id', 'v.supervisor_id')
    .select(['s.id', 's.display_name', 'p.kind', 'v.window_id', 'v.visit_type'])
    .where('v.campaign_id', '=', campaignId)
    .where('v.status', '=', 'submitted')
    .$if(hideUndercover, (q) => q.where('v.visit_type', '!=', 'undercover'))
    .execute()
  const supervisors = new Map<number, SupervisionSummary['supervisors'][number] & { windowSet: Set<number> }>()
  for (const v of perSupervisor.filter((v) => windowIds.has(v.window_id))) {
    const s = supervisors.get(v.id) ?? { id: v.id, name: v.display_name, kind: v.kind, visits: 0, undercover: 0, windows: 0, windowSet: new Set<number>() }
    s.visits++
    if (v.visit_type === 'undercover') s.undercover++
    s.windowSet.add(v.window_id)
    supervisors.set(v.id, s)
  }

  return {
    campaignId,
    month: forMonth,
    windows: windows.map((w) => {
      const rows = byWindow.get(w.id) ?? []
      const monthRows = rows.filter((r) => r.month === forMonth)
      const scoreN = sum(rows, (r) => r.score_n)
      const inspectionN = sum(rows, (r) => r.inspection_n)
      return {
        windowId: w.id,
        name: w.name,
        code: w.code,
        unitName: w.unit_name,
        visits: sum(rows, (r) => r.visits),
        undercover: sum(
          rows.filter((r) => r.undercover === 1),
          (r) => r.visits,
        ),
        supervisorScore: scoreN > 0 ? round2(sum(rows, (r) => r.score_sum) / scoreN) : null,
        inspectionScore: inspectionN > 0 ? round2(sum(rows, (r) => r.inspection_sum) / inspectionN) : null,
        vetoes: sum(rows, (r) => r.vetoes),
        progress: quotaProgress(
          forMonth,
          {
            visits: sum(monthRows, (r) => r.visits),
            undercover: sum(
              monthRows.filter((r) => r.undercover === 1),
              (r) => r.visits,
            ),
          },
          hideUndercover && quota ? { ...quota, undercover_per_window_per_month: null } : quota,
        ),
      }
    }),
    supervisors: [...supervisors.values()].map(({ windowSet, ...s }) => ({ ...s, windows: windowSet.size })).sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name)),
  }
}
