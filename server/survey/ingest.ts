import type { Kysely } from 'kysely'
import { isUniqueViolation } from '../../db/errors'
import type { Database } from '../../db/schema'
import { localDayHour } from '../../shared/time'
import { checkAnswers, type Answers } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import { AppError } from '../http/errors'
import { countedAnswers } from './aggregates'
import { ResponseWriter, type Channel, type FlagReason, type Receipt, type ResponseSink, type WriteJob } from './response-writer'

export { CHANNELS, newTrackingCode, type Channel, type FlagReason, type Receipt } from './response-writer'

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

/**
 * The one way in for responses, whatever the channel: checks the answers against their version, works out what needs no
 * database, and hands the response to the writer (in this thread, or the writer thread for a SQLite file); resolves once
 * it is durable.
 */
export class Ingestor {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly timeZone: string,
    private readonly now: () => Date,
    private readonly sink: ResponseSink = new ResponseWriter(db, timeZone),
  ) {}

  /** Validates, flags, stores and counts one response; resolves once it is durable. */
  async submit(s: Submission): Promise<Receipt> {
    const checked = checkAnswers(s.version.definition, s.answers)
    if (!checked.ok) {
      throw new AppError(400, 'answers_invalid', undefined, { answers: checked.problems })
    }
    const at = this.now()
    // The phone number is kept apart from the answers (stored only when given, masked in lists).
    let phone: string | null = null
    let overallLevel: number | null = null
    const answers: Answers = {}
    for (const q of s.version.definition.questions) {
      const value = checked.answers[q.key]
      if (value === undefined) continue
      if (q.format === 'phone') phone = value as string
      else answers[q.key] = value
      if (q.overall) overallLevel = value as number
    }
    const { day, hour } = localDayHour(at, this.timeZone)
    const job: WriteJob = {
      campaignId: s.campaign.id,
      repeatIntervalHours: s.campaign.repeat_interval_hours,
      minSeconds: s.campaign.min_seconds,
      windowId: s.windowId,
      staffId: s.staffId,
      versionId: s.version.id,
      channel: s.channel,
      answersJson: JSON.stringify(answers),
      counted: countedAnswers(s.version.definition, answers),
      overallLevel,
      phone,
      clientKey: s.clientKey,
      deviceHash: s.sender.deviceHash,
      ipHash: s.sender.ipHash,
      netHash: s.sender.netHash,
      durationMs: s.durationMs,
      honeypot: Boolean(s.honeypot),
      at: at.toISOString(),
      day,
      hour,
      operatorId: s.operatorId ?? null,
      kioskId: s.kioskId ?? null,
      oneTimeCodeId: s.oneTimeCodeId ?? null,
    }
    // A resend (same client key) is not looked up first: the unique key refuses the copy, and the original is answered
    // below. Resends are rare; a lookup on every submission is not free.
    try {
      return await this.sink.write(job)
    } catch (e) {
      if (isUniqueViolation(e)) {
        // The same client key arrived twice at once: the other copy was stored; answer with it.
        const existing = s.clientKey ? await this.byClientKey(s.clientKey) : null
        if (existing) return existing
        return this.sink.write(job) // a tracking-code collision (about 1 in 10^9): try once more
      }
      throw e
    }
  }

  /** Stops the writer (its thread, if any) once what it holds is written. */
  close() {
    return this.sink.close()
  }

  private async byClientKey(clientKey: string): Promise<Receipt | null> {
    const row = await this.db.selectFrom('responses').select(['tracking_code', 'status', 'flag_reasons']).where('client_key', '=', clientKey).executeTakeFirst()
    if (!row) return null
    return {
      trackingCode: row.tracking_code,
      status: row.status === 'flagged' ? 'flagged' : 'valid',
      flagReasons: (row.flag_reasons?.split(',') ?? []) as FlagReason[],
      duplicate: true,
    }
  }
}
