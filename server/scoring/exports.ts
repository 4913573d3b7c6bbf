import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { CSV_BOM, csvLine } from '../../shared/csv'
import { percent, score } from '../../shared/scoring/format'
import type { Campaign } from '../../shared/schemas/campaign'
import type { Ranking } from '../../shared/schemas/scoring'
import { localDayHour } from '../../shared/time'
import type { Scope } from '../access/policy'
import { getCampaign } from '../campaigns/service'
import { xlsxStream, type XlsxCell } from '../export/xlsx-stream'
import { campaignWindows, windowsAt, wholeCampaign, type Place } from './campaign-windows'
import { requestedPeriod } from './rankings'

const ATTAINMENT = { attained: '达标', not_attained: '未达标', insufficient: '样本不足' } as const

const RANKING_HEADER = ['排名', '上期排名', '名称', '编号', '所属', '样本数', '满意数', '满意率', '95%区间下限', '95%区间上限', '满意度指数', '差评率', '达标情况', '监督员评议', '检查得分', '综合得分', '星级']

/** A ranking's rows, figures formatted as on the screens (shared/scoring/format.ts). */
function rankingRows(r: Ranking): XlsxCell[][] {
  return r.items.map((i) => [
    i.rank ?? '样本不足',
    i.previousRank ?? '—',
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
  ])
}

/** A ranking as CSV (UTF-8 with BOM, so that Excel opens the Chinese). */
export function rankingCsv(r: Ranking): string {
  return CSV_BOM + csvLine(RANKING_HEADER) + rankingRows(r).map((row) => csvLine(row)).join('')
}

/** A ranking as an XLSX workbook. */
export function rankingXlsx(r: Ranking): ReadableStream<Uint8Array> {
  const rows = rankingRows(r)
  return xlsxStream({
    sheetName: '排名',
    header: RANKING_HEADER,
    rows: (async function* () {
      yield* rows
    })(),
  })
}

const PAGE = 2000
const RESPONSE_HEADER = ['编号', '提交时间', '日期', '窗口编号', '窗口', '单位', '渠道', '状态', '整体满意度', '标记原因', '答案', '查询码']

export interface ResponsesRequest extends Place {
  from?: string | undefined
  to?: string | undefined
  channel?: string | undefined
}

/**
 * A campaign's responses, a page at a time (keyset on id), so that a million rows export with flat memory. Only
 * windows in the caller's units (and the chosen place); never phone numbers or sender hashes.
 */
async function* responseRows(db: Kysely<Database>, scope: Scope, campaign: Campaign, q: ResponsesRequest, timeZone: string): AsyncGenerator<XlsxCell[][]> {
  const campaignId = campaign.id
  const period = requestedPeriod(campaign, q)
  const windowIds = wholeCampaign(scope, q) ? null : windowsAt(await campaignWindows(db, campaignId), scope, q).map((w) => w.id)
  let after = 0
  for (;;) {
    const rows = await db
      .selectFrom('responses as r')
      .innerJoin('windows as w', 'w.id', 'r.window_id')
      .innerJoin('units as u', 'u.id', 'w.unit_id')
      .select(['r.id', 'r.submitted_at', 'r.day', 'w.code', 'w.name', 'u.name as unit_name', 'r.channel', 'r.status', 'r.overall_level', 'r.flag_reasons', 'r.answers', 'r.tracking_code'])
      .where('r.campaign_id', '=', campaignId)
      .where('r.day', '>=', period.from)
      .where('r.day', '<=', period.to)
      .where('r.id', '>', after)
      .$if(q.channel !== undefined, (qb) => qb.where('r.channel', '=', q.channel!))
      .$if(windowIds !== null, (qb) => qb.where('r.window_id', 'in', windowIds!.length > 0 ? windowIds! : [-1]))
      .orderBy('r.id')
      .limit(PAGE)
      .execute()
    if (rows.length === 0) return
    after = rows[rows.length - 1]!.id
    yield rows.map((r) => {
      // Local date and hour; the minutes are the instant's own (the deployment's zones are whole-hour offsets).
      const local = localDayHour(new Date(r.submitted_at), timeZone)
      const at = `${local.day} ${String(local.hour).padStart(2, '0')}:${r.submitted_at.slice(14, 16)}`
      return [r.id, at, r.day, r.code, r.name, r.unit_name, r.channel, r.status, r.overall_level, r.flag_reasons, r.answers, r.tracking_code]
    })
  }
}

/** A campaign's responses as CSV (UTF-8 with BOM) or XLSX, streamed: pages are read only as the client takes them. */
export async function exportResponses(db: Kysely<Database>, scope: Scope, campaignId: number, q: ResponsesRequest, timeZone: string, format: 'csv' | 'xlsx'): Promise<ReadableStream<Uint8Array>> {
  const campaign = await getCampaign(db, campaignId) // a 404 before the first byte, not a broken download
  if (format === 'xlsx') {
    return xlsxStream({
      sheetName: '评价明细',
      header: RESPONSE_HEADER,
      rows: (async function* () {
        for await (const page of responseRows(db, scope, campaign, q, timeZone)) yield* page
      })(),
    })
  }
  const pages = responseRows(db, scope, campaign, q, timeZone)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(RESPONSE_HEADER)))
    },
    async pull(controller) {
      const next = await pages.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value.map((row) => csvLine(row)).join('')))
    },
    async cancel() {
      await pages.return(undefined)
    },
  })
}
