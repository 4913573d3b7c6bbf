import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { CSV_BOM, csvLine } from '../../shared/csv'
import { percent, score } from '../../shared/scoring/format'
import type { Ranking } from '../../shared/schemas/scoring'
import { localDayHour } from '../../shared/time'
import type { Scope } from '../access/policy'
import { getCampaign } from '../campaigns/service'

const ATTAINMENT = { attained: '达标', not_attained: '未达标', insufficient: '样本不足' } as const

/** A ranking as CSV (UTF-8 with BOM, so that Excel opens the Chinese), figures formatted as on the screens. */
export function rankingCsv(r: Ranking): string {
  const header = ['排名', '名称', '编号', '所属', '样本数', '满意数', '满意率', '95%区间下限', '95%区间上限', '满意度指数', '差评率', '达标情况', '监督员评议', '检查得分', '综合得分', '星级']
  const lines = r.items.map((i) =>
    csvLine([
      i.rank ?? '样本不足',
      i.name,
      i.code,
      i.parentName,
      i.n,
      i.satisfied,
      percent(i.rate),
      percent(i.interval?.low),
      percent(i.interval?.high),
      score(i.index),
      percent(i.badRate),
      ATTAINMENT[i.attainment],
      score(i.supervisorMean),
      score(i.inspectionScore),
      score(i.composite),
      i.stars,
    ]),
  )
  return CSV_BOM + csvLine(header) + lines.join('')
}

const PAGE = 2000

/**
 * A campaign's responses as CSV, streamed a page at a time (keyset on id), so that a million rows export with flat
 * memory. Only windows in the caller's units; never phone numbers or sender hashes.
 */
export async function responsesCsv(db: Kysely<Database>, scope: Scope, campaignId: number, q: { from?: string | undefined; to?: string | undefined }, timeZone: string) {
  const campaign = await getCampaign(db, campaignId)
  const from = q.from ?? campaign.startsOn
  const to = q.to ?? campaign.endsOn
  const units = scope.all ? null : [...scope.unitIds]
  let after = 0
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(['编号', '提交时间', '日期', '窗口编号', '窗口', '单位', '渠道', '状态', '整体满意度', '标记原因', '答案', '查询码'])))
    },
    async pull(controller) {
      const rows = await db
        .selectFrom('responses as r')
        .innerJoin('windows as w', 'w.id', 'r.window_id')
        .innerJoin('units as u', 'u.id', 'w.unit_id')
        .select(['r.id', 'r.submitted_at', 'r.day', 'w.code', 'w.name', 'u.name as unit_name', 'r.channel', 'r.status', 'r.overall_level', 'r.flag_reasons', 'r.answers', 'r.tracking_code'])
        .where('r.campaign_id', '=', campaignId)
        .where('r.day', '>=', from)
        .where('r.day', '<=', to)
        .where('r.id', '>', after)
        .$if(units !== null, (qb) => qb.where('w.unit_id', 'in', units!.length > 0 ? units! : [-1]))
        .orderBy('r.id')
        .limit(PAGE)
        .execute()
      if (rows.length === 0) {
        controller.close()
        return
      }
      after = rows[rows.length - 1]!.id
      const text = rows
        .map((r) => {
          // Local date and hour; the minutes are the instant's own (the deployment's zones are whole-hour offsets).
          const local = localDayHour(new Date(r.submitted_at), timeZone)
          return csvLine([r.id, `${local.day} ${String(local.hour).padStart(2, '0')}:${r.submitted_at.slice(14, 16)}`, r.day, r.code, r.name, r.unit_name, r.channel, r.status, r.overall_level, r.flag_reasons, r.answers, r.tracking_code])
        })
        .join('')
      controller.enqueue(encoder.encode(text))
    },
  })
}
