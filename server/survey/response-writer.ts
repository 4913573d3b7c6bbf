import { randomFillSync } from 'node:crypto'
import { sql, type Insertable, type Kysely } from 'kysely'
import type { Database, ResponseTable } from '../../db/schema'
import { prepare } from '../../db/prepared'
import { localDayHour } from '../../shared/time'
import { AppError } from '../http/app-error'
import { AggregateBuffer, CounterWriter } from './aggregates'
import { GroupCommitter } from './group-commit'
import { kyselyWriteStore, type WriteStore, type WriteTx } from './write-store'

export const CHANNELS = ['qr', 'kiosk', 'web', 'hotline', 'paper', 'sms'] as const
export type Channel = (typeof CHANNELS)[number]
export type FlagReason = 'repeat_device' | 'too_fast' | 'honeypot' | 'burst'

/**
 * One checked response, ready to store: plain data only, so that it can cross to the writer thread unchanged.
 * Everything that needs no database (answer checks, hashes, the local day) was worked out before.
 */
export interface WriteJob {
  campaignId: number
  repeatIntervalHours: number
  minSeconds: number
  windowId: number
  staffId: number | null
  versionId: number
  channel: Channel
  /** The answers as stored (JSON, without the phone number). */
  answersJson: string
  /** What the response adds to the answer counters (see countedAnswers). */
  counted: [string, string][]
  overallLevel: number | null
  phone: string | null
  clientKey: string | null
  deviceHash: string | null
  ipHash: string | null
  netHash: string | null
  durationMs: number | null
  honeypot: boolean
  /** When it arrived (ISO), and its local day and hour. */
  at: string
  day: string
  hour: number
  operatorId: number | null
  kioskId: number | null
  oneTimeCodeId: number | null
}

/** What a citizen is told: the tracking code is how a response is found again (no database id leaves the writer). */
export interface Receipt {
  trackingCode: string
  status: 'valid' | 'flagged'
  flagReasons: FlagReason[]
  /** True when this was a retry of a response already stored (same client key). */
  duplicate: boolean
}

/** Where checked responses go: stored durably, each promise settling once its own commit is done. */
export interface ResponseSink {
  write(job: WriteJob): Promise<Receipt>
  close(): Promise<void>
}

/** Responses from one network prefix to one window within this window count as a burst past the threshold. */
const BURST_WINDOW_MS = 10 * 60 * 1000
const BURST_FLOOR = 20
const BURST_FACTOR = 5

/** The columns a submission writes, in the order the prepared insert takes them. */
const RESPONSE_COLUMNS = [
  'campaign_id', 'window_id', 'staff_id', 'questionnaire_version_id', 'channel', 'status', 'flag_reasons', 'answers', 'overall_level', 'phone',
  'tracking_code', 'client_key', 'device_hash', 'ip_hash', 'net_hash', 'duration_ms', 'submitted_at', 'day', 'hour', 'operator_id', 'kiosk_id',
  'one_time_code_id',
] as const

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** Random bytes for tracking codes, read from the system's generator 4 KB at a time (one call per 512 codes). */
const pool = Buffer.alloc(4096)
let poolAt = pool.length
/** A tracking code (查询码) a person can read out: 10 characters (50 bits) as XXXXX-XXXXX. */
export function newTrackingCode(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  // 32 characters: each is 5 random bits, so 10 of them take 50 of the 64 bits read (no bias to correct).
  const high = pool.readUInt32BE(poolAt)
  const low = pool.readUInt32BE(poolAt + 4)
  poolAt += 8
  let s = ''
  for (let i = 0; i < 6; i++) s += CODE_ALPHABET[(high >>> (i * 5)) & 31]
  for (let i = 0; i < 4; i++) s += CODE_ALPHABET[(low >>> (i * 5)) & 31]
  return `${s.slice(0, 5)}-${s.slice(5)}`
}

/**
 * Stores responses and their aggregate counters in group commits (one durable commit serves every response that
 * arrived meanwhile). The fairness checks run inside the write transaction, so responses arriving together see each
 * other. Runs in the server's thread, or in the writer thread (see writer-thread.ts) where SQLite's commits would block.
 */
export class ResponseWriter implements ResponseSink {
  private readonly committer: GroupCommitter<AggregateBuffer>
  private readonly typicalVolume = new Map<number, { at: number; per10min: number }>()
  // The statements every response runs, built once (see db/prepared.ts).
  private readonly sameDevice
  private readonly fromNetwork
  private readonly insertResponse
  private readonly useCode
  private readonly weekVolume

  /** `store` runs the transactions: through Kysely by default, or straight to SQLite in the writer thread. */
  constructor(
    db: Kysely<Database>,
    private readonly timeZone: string,
    store: WriteStore = kyselyWriteStore(db),
  ) {
    const counters = new CounterWriter(db)
    this.committer = new GroupCommitter(store, () => new AggregateBuffer(), (tx, buffer) => counters.write(tx, buffer))
    this.sameDevice = prepare(
      (windowId: number, deviceHash: string, since: string) =>
        db
          .selectFrom('responses')
          .select('id')
          .where('window_id', '=', windowId)
          .where('device_hash', '=', deviceHash)
          .where('submitted_at', '>', since)
          // A literal, not a bound value: compared with a column that partial indexes filter on, a bound value makes
          // SQLite (with STAT4) prepare the statement again on every run (see db/sqlite-dialect.ts).
          .where('status', '!=', sql.lit('rejected'))
          .limit(1),
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
        db.insertInto('responses').values(Object.fromEntries(RESPONSE_COLUMNS.map((column, i) => [column, values[i]])) as unknown as Insertable<ResponseTable>),
      RESPONSE_COLUMNS.length,
    )
    this.useCode = prepare(
      (id: number, at: string) =>
        db.updateTable('one_time_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', at).returning('id'),
      2,
    )
    this.weekVolume = prepare(
      (campaignId: number, windowId: number, since: string) =>
        db
          .selectFrom('agg_levels')
          .select((eb) => eb.fn.sum<number>('n').as('n'))
          .where('campaign_id', '=', campaignId)
          .where('window_id', '=', windowId)
          .where('day', '>=', since),
      3,
    )
  }

  /** Commits and responses so far (the average batch size shows group commit at work). */
  get stats() {
    return this.committer.stats
  }

  write(job: WriteJob): Promise<Receipt> {
    return this.committer.run((trx, buffer) => this.store(trx, buffer, job))
  }

  async close() {}

  private async store(tx: WriteTx, buffer: AggregateBuffer, job: WriteJob): Promise<Receipt> {
    const reasons = await this.flagReasons(tx, job)
    const status = reasons.length > 0 ? 'flagged' : 'valid'
    if (job.oneTimeCodeId) {
      const used = await tx.rows(this.useCode.with(job.oneTimeCodeId, job.at))
      if (used.length !== 1) throw new AppError(409, 'code_used')
    }
    const trackingCode = newTrackingCode()
    const row: Record<(typeof RESPONSE_COLUMNS)[number], unknown> = {
      campaign_id: job.campaignId,
      window_id: job.windowId,
      staff_id: job.staffId,
      questionnaire_version_id: job.versionId,
      channel: job.channel,
      status,
      flag_reasons: reasons.length > 0 ? reasons.join(',') : null,
      answers: job.answersJson,
      overall_level: job.overallLevel,
      phone: job.phone,
      tracking_code: trackingCode,
      client_key: job.clientKey,
      device_hash: job.deviceHash,
      ip_hash: job.ipHash,
      net_hash: job.netHash,
      duration_ms: job.durationMs,
      submitted_at: job.at,
      day: job.day,
      hour: job.hour,
      operator_id: job.operatorId,
      kiosk_id: job.kioskId,
      one_time_code_id: job.oneTimeCodeId,
    }
    const values = RESPONSE_COLUMNS.map((c) => row[c])
    await tx.rows(this.insertResponse.with(...values))
    if (status === 'valid') buffer.add(job, job.counted)
    return { trackingCode, status, flagReasons: reasons, duplicate: false }
  }

  /** Why a response should wait for review instead of counting: never a refusal, only a flag. */
  private async flagReasons(tx: WriteTx, job: WriteJob): Promise<FlagReason[]> {
    const reasons: FlagReason[] = []
    const at = Date.parse(job.at)
    if (job.channel === 'qr' && job.deviceHash && job.repeatIntervalHours > 0) {
      const since = new Date(at - job.repeatIntervalHours * 3600_000).toISOString()
      const repeat = await tx.rows(this.sameDevice.with(job.windowId, job.deviceHash, since))
      if (repeat.length > 0) reasons.push('repeat_device')
    }
    if ((job.channel === 'qr' || job.channel === 'kiosk') && job.durationMs !== null && job.durationMs < job.minSeconds * 1000) reasons.push('too_fast')
    if (job.honeypot) reasons.push('honeypot')
    if (job.channel === 'qr' && job.netHash) {
      const since = new Date(at - BURST_WINDOW_MS).toISOString()
      const { n } = (await tx.rows(this.fromNetwork.with(job.windowId, job.netHash, since)))[0]!
      if (Number(n) + 1 > Math.max(BURST_FLOOR, BURST_FACTOR * (await this.typicalPer10Min(tx, job.campaignId, job.windowId, at)))) reasons.push('burst')
    }
    return reasons
  }

  /** A window's usual responses per 10 minutes of opening time over the past week (cached for 5 minutes). */
  private async typicalPer10Min(tx: WriteTx, campaignId: number, windowId: number, at: number): Promise<number> {
    const cached = this.typicalVolume.get(windowId)
    if (cached && at - cached.at < 5 * 60_000) return cached.per10min
    const weekAgo = localDayHour(new Date(at - 7 * 86400_000), this.timeZone).day
    const { n } = (await tx.rows(this.weekVolume.with(campaignId, windowId, weekAgo)))[0]!
    // About 8 opening hours a day, 6 ten-minute slots an hour.
    const per10min = Number(n ?? 0) / (7 * 8 * 6)
    this.typicalVolume.set(windowId, { at, per10min })
    return per10min
  }
}
