import { randomInt } from 'node:crypto'
import type { Insertable, Kysely, Transaction } from 'kysely'
import { isUniqueViolation } from '../../db/errors'
import type { Database, ResponseTable } from '../../db/schema'
import { prepare } from '../../db/prepared'
import { localDayHour } from '../../shared/time'
import { checkAnswers, type Answers } from '../../shared/survey/answers'
import { overallQuestion, type Definition } from '../../shared/survey/definition'
import { AppError } from '../http/errors'
import { AggregateBuffer, writeAggregates } from './aggregates'
import { GroupCommitter } from './group-commit'

export const CHANNELS = ['qr', 'kiosk', 'web', 'hotline', 'paper', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]
export type FlagReason = 'repeat_device' | 'too_fast' | 'honeypot' | 'burst'

/** Responses from one network prefix to one window within this window count as a burst past the threshold. */
const BURST_WINDOW_MS = 10 * 60 * 1000
const BURST_FLOOR = 20
const BURST_FACTOR = 5

export interface Submission {
  campaign: { id: number; repeat_interval_hours: number; min_seconds: number }
  windowId: number
  staffId: number | null
  version: { id: number; definition: Definition }
  channel: Channel
  answers: Answers
  durationMs: number | null
  clientKey: string | null
  honeypot: string | null
  sender: { deviceHash: string | null; ipHash: string | null; netHash: string | null }
  operatorId?: number | null
  kioskId?: number | null
  oneTimeCodeId?: number | null
}

export interface Receipt {
  responseId: number
  trackingCode: string
  status: 'valid' | 'flagged'
  flagReasons: FlagReason[]
  /** True when this was a retry of a response already stored (same client key). */
  duplicate: boolean
}

/** The columns a submission writes, in the order the prepared insert takes them. */
const RESPONSE_COLUMNS = [
  'campaign_id', 'window_id', 'staff_id', 'questionnaire_version_id', 'channel', 'status', 'flag_reasons', 'answers', 'overall_level', 'phone',
  'tracking_code', 'client_key', 'device_hash', 'ip_hash', 'net_hash', 'duration_ms', 'submitted_at', 'day', 'hour', 'operator_id', 'kiosk_id',
  'one_time_code_id',
] as const

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** A tracking code (查询码) a person can read out: 10 characters (50 bits) as XXXXX-XXXXX. */
export function newTrackingCode(): string {
  let s = ''
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return `${s.slice(0, 5)}-${s.slice(5)}`
}

/** Writes citizen responses and their aggregate counters durably, in group commits. */
export class Ingestor {
  private readonly committer: GroupCommitter<AggregateBuffer>
  private readonly typicalVolume = new Map<number, { at: number; per10min: number }>()
  // The statements every submission runs, built once (see db/prepared.ts).
  private readonly sameDevice
  private readonly fromNetwork
  private readonly insertResponse

  constructor(
    private readonly db: Kysely<Database>,
    private readonly timeZone: string,
    private readonly now: () => Date,
  ) {
    this.committer = new GroupCommitter(db, () => new AggregateBuffer(), writeAggregates)
    this.sameDevice = prepare(
      (windowId: number, deviceHash: string, since: string) =>
        db.selectFrom('responses').select('id').where('window_id', '=', windowId).where('device_hash', '=', deviceHash).where('submitted_at', '>', since).where('status', '!=', 'rejected').limit(1),
      3,
    )
    this.fromNetwork = prepare(
      (windowId: number, netHash: string, since: string) =>
        db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('window_id', '=', windowId)
          .where('net_hash', '=', netHash)
          .where('submitted_at', '>', since),
      3,
    )
    this.insertResponse = prepare(
      (...values: unknown[]) =>
        db
          .insertInto('responses')
          .values(Object.fromEntries(RESPONSE_COLUMNS.map((column, i) => [column, values[i]])) as unknown as Insertable<ResponseTable>)
          .returning('id'),
      RESPONSE_COLUMNS.length,
    )
  }

  /** Commits and submissions so far (the average batch size shows group commit at work). */
  get stats() {
    return this.committer.stats
  }

  /** Validates, flags, stores and counts one response; resolves once it is durable. */
  async submit(s: Submission): Promise<Receipt> {
    const checked = checkAnswers(s.version.definition, s.answers)
    if (!checked.ok) {
      throw new AppError(400, 'answers_invalid', undefined, { answers: checked.problems })
    }
    // A resend (same client key) is not looked up first: the unique key refuses the copy, and the original is answered
    // below. Resends are rare; a lookup on every submission is not free.
    const at = this.now()
    const phoneQuestion = s.version.definition.questions.find((q) => q.format === 'phone')
    const phone = phoneQuestion ? ((checked.answers[phoneQuestion.key] as string | undefined) ?? null) : null
    const answers = { ...checked.answers }
    if (phoneQuestion) delete answers[phoneQuestion.key]
    const overall = overallQuestion(s.version.definition)
    const overallLevel = overall ? ((checked.answers[overall.key] as number | undefined) ?? null) : null
    const { day, hour } = localDayHour(at, this.timeZone)
    const write = async (trx: Transaction<Database>, buffer: AggregateBuffer): Promise<Receipt> => {
      // Checked inside the write transaction, so that submissions arriving together still see each other.
      const reasons = await this.flagReasons(trx, s, at)
      const status = reasons.length > 0 ? 'flagged' : 'valid'
      if (s.oneTimeCodeId) {
        const used = await trx
          .updateTable('one_time_codes')
          .set({ used_at: at.toISOString() })
          .where('id', '=', s.oneTimeCodeId)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at.toISOString())
          .executeTakeFirst()
        if (Number(used.numUpdatedRows) !== 1) throw new AppError(409, 'code_used')
      }
      const trackingCode = newTrackingCode()
      const row: Record<(typeof RESPONSE_COLUMNS)[number], unknown> = {
        campaign_id: s.campaign.id,
        window_id: s.windowId,
        staff_id: s.staffId,
        questionnaire_version_id: s.version.id,
        channel: s.channel,
        status,
        flag_reasons: reasons.length > 0 ? reasons.join(',') : null,
        answers: JSON.stringify(answers),
        overall_level: overallLevel,
        phone,
        tracking_code: trackingCode,
        client_key: s.clientKey,
        device_hash: s.sender.deviceHash,
        ip_hash: s.sender.ipHash,
        net_hash: s.sender.netHash,
        duration_ms: s.durationMs,
        submitted_at: at.toISOString(),
        day,
        hour,
        operator_id: s.operatorId ?? null,
        kiosk_id: s.kioskId ?? null,
        one_time_code_id: s.oneTimeCodeId ?? null,
      }
      const inserted = await trx.executeQuery(this.insertResponse.with(...RESPONSE_COLUMNS.map((c) => row[c])))
      const { id } = inserted.rows[0] as { id: number }
      if (status === 'valid') {
        buffer.add({ campaignId: s.campaign.id, windowId: s.windowId, staffId: s.staffId, versionId: s.version.id, day, hour, channel: s.channel, overallLevel, answers }, s.version.definition)
      }
      return { responseId: id, trackingCode, status, flagReasons: reasons, duplicate: false }
    }

    try {
      return await this.committer.run(write)
    } catch (e) {
      if (isUniqueViolation(e)) {
        // The same client key arrived twice at once: the other copy was stored; answer with it.
        const existing = s.clientKey ? await this.byClientKey(s.clientKey) : null
        if (existing) return existing
        return this.committer.run(write) // a tracking-code collision (about 1 in 10^9): try once more
      }
      throw e
    }
  }

  private async byClientKey(clientKey: string): Promise<Receipt | null> {
    const row = await this.db.selectFrom('responses').select(['id', 'tracking_code', 'status', 'flag_reasons']).where('client_key', '=', clientKey).executeTakeFirst()
    if (!row) return null
    return {
      responseId: row.id,
      trackingCode: row.tracking_code,
      status: row.status === 'flagged' ? 'flagged' : 'valid',
      flagReasons: (row.flag_reasons?.split(',') ?? []) as FlagReason[],
      duplicate: true,
    }
  }

  /** Why a response should wait for review instead of counting: never a refusal, only a flag. */
  private async flagReasons(db: Transaction<Database>, s: Submission, at: Date): Promise<FlagReason[]> {
    const reasons: FlagReason[] = []
    if (s.channel === 'qr' && s.sender.deviceHash && s.campaign.repeat_interval_hours > 0) {
      const since = new Date(at.getTime() - s.campaign.repeat_interval_hours * 3600_000).toISOString()
      const repeat = await db.executeQuery(this.sameDevice.with(s.windowId, s.sender.deviceHash, since))
      if (repeat.rows.length > 0) reasons.push('repeat_device')
    }
    if ((s.channel === 'qr' || s.channel === 'kiosk') && s.durationMs !== null && s.durationMs < s.campaign.min_seconds * 1000) reasons.push('too_fast')
    if (s.honeypot) reasons.push('honeypot')
    if (s.channel === 'qr' && s.sender.netHash) {
      const since = new Date(at.getTime() - BURST_WINDOW_MS).toISOString()
      const { n } = (await db.executeQuery(this.fromNetwork.with(s.windowId, s.sender.netHash, since))).rows[0]!
      if (Number(n) + 1 > Math.max(BURST_FLOOR, BURST_FACTOR * (await this.typicalPer10Min(db, s.campaign.id, s.windowId, at)))) reasons.push('burst')
    }
    return reasons
  }

  /** A window's usual responses per 10 minutes of opening time over the past week (cached for 5 minutes). */
  private async typicalPer10Min(db: Transaction<Database>, campaignId: number, windowId: number, at: Date): Promise<number> {
    const cached = this.typicalVolume.get(windowId)
    if (cached && at.getTime() - cached.at < 5 * 60_000) return cached.per10min
    const weekAgo = localDayHour(new Date(at.getTime() - 7 * 86400_000), this.timeZone).day
    const { n } = await db
      .selectFrom('agg_levels')
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .where('campaign_id', '=', campaignId)
      .where('window_id', '=', windowId)
      .where('day', '>=', weekAgo)
      .executeTakeFirstOrThrow()
    // About 8 opening hours a day, 6 ten-minute slots an hour.
    const per10min = Number(n ?? 0) / (7 * 8 * 6)
    this.typicalVolume.set(windowId, { at: at.getTime(), per10min })
    return per10min
  }
}
