import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Publication, PublicationContent, PublicPublication } from '../../shared/schemas/publication'
import { AppError, notFound } from '../http/errors'
import { getCampaign } from '../campaigns/service'
import { buildSnapshot, canonicalText, snapshotHash } from './snapshot'

type Db = Kysely<Database>

const selectPublications = (db: Db) =>
  db
    .selectFrom('publications as p')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .innerJoin('users as pu', 'pu.id', 'p.published_by')
    .leftJoin('users as wu', 'wu.id', 'p.withdrawn_by')
    .select([
      'p.id',
      'p.campaign_id',
      'c.name as campaign_name',
      'p.title',
      'p.period_from',
      'p.period_to',
      'p.sha256',
      'p.overall_n',
      'p.overall_rate',
      'p.published_at',
      'pu.display_name as published_by',
      'p.withdrawn_at',
      'wu.display_name as withdrawn_by',
      'p.withdraw_reason',
    ])

type Row = Awaited<ReturnType<ReturnType<typeof selectPublications>['executeTakeFirstOrThrow']>>

const toPublication = (r: Row): Publication => ({
  id: r.id,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name,
  title: r.title,
  from: r.period_from,
  to: r.period_to,
  status: r.withdrawn_at ? 'withdrawn' : 'published',
  sha256: r.sha256,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  withdrawnAt: r.withdrawn_at,
  withdrawnBy: r.withdrawn_by,
  withdrawReason: r.withdraw_reason,
  overall: { n: r.overall_n, rate: r.overall_rate === null ? null : Number(r.overall_rate) },
})

const toPublic = (r: Row): PublicPublication => ({
  id: r.id,
  campaignName: r.campaign_name,
  title: r.title,
  from: r.period_from,
  to: r.period_to,
  publishedAt: r.published_at,
  sha256: r.sha256,
  overall: { n: r.overall_n, rate: r.overall_rate === null ? null : Number(r.overall_rate) },
})

/** Every publication (withdrawn ones too, with who and why), newest period first. */
export async function listPublications(db: Db, campaignId?: number): Promise<Publication[]> {
  const rows = await selectPublications(db)
    .$if(campaignId !== undefined, (q) => q.where('p.campaign_id', '=', campaignId!))
    .orderBy('p.period_from', 'desc')
    .orderBy('p.id', 'desc')
    .execute()
  return rows.map(toPublication)
}

/**
 * Publishes a campaign's rankings over a finished period: the snapshot is built, stored as its canonical text with the
 * SHA-256 of it, and never changed afterwards. One live publication per campaign and period: to correct one, withdraw
 * it and publish again (both stay on record).
 */
export async function publish(db: Db, input: { campaignId: number; from: string; to: string; title: string | null }, userId: number, now: Date, today: string): Promise<Publication> {
  const campaign = await getCampaign(db, input.campaignId)
  if (campaign.status === 'draft') throw new AppError(409, 'publication_campaign_draft')
  if (input.to >= today) throw new AppError(400, 'publication_period_open')
  const from = input.from > campaign.startsOn ? input.from : campaign.startsOn
  const to = input.to < campaign.endsOn ? input.to : campaign.endsOn
  if (from > to) throw new AppError(400, 'publication_outside_campaign')
  const live = await db
    .selectFrom('publications')
    .select('id')
    .where('campaign_id', '=', campaign.id)
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  if (live) throw new AppError(409, 'publication_exists')
  const title = input.title ?? `${campaign.name} ${from} 至 ${to} 满意度监测结果`
  const content = await buildSnapshot(db, campaign, { from, to }, title, today)
  const text = canonicalText(content)
  const row = await db
    .insertInto('publications')
    .values({
      campaign_id: campaign.id,
      title,
      period_from: from,
      period_to: to,
      content: text,
      sha256: snapshotHash(text),
      overall_n: content.overall.n,
      overall_rate: content.overall.rate,
      published_at: now.toISOString(),
      published_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return getPublication(db, row.id)
}

export async function getPublication(db: Db, id: number): Promise<Publication> {
  const row = await selectPublications(db).where('p.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return toPublication(row)
}

/** Withdraws a publication with a reason: it leaves the public pages at once; its record and snapshot stay. */
export async function withdraw(db: Db, id: number, reason: string, userId: number, now: Date): Promise<Publication> {
  await getPublication(db, id)
  const updated = await db
    .updateTable('publications')
    .set({ withdrawn_at: now.toISOString(), withdrawn_by: userId, withdraw_reason: reason })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, 'publication_withdrawn')
  return getPublication(db, id)
}

/** Published periods for the public pages: never a withdrawn one. */
export async function listPublic(db: Db): Promise<PublicPublication[]> {
  const rows = await selectPublications(db).where('p.withdrawn_at', 'is', null).orderBy('p.period_from', 'desc').orderBy('p.id', 'desc').execute()
  return rows.map(toPublic)
}

/** A live publication's canonical text (exactly what was hashed), or 404 — withdrawn ones are gone from public view. */
export async function publicSnapshotText(db: Db, id: number): Promise<{ publication: PublicPublication; text: string }> {
  const row = await selectPublications(db).select('p.content').where('p.id', '=', id).where('p.withdrawn_at', 'is', null).executeTakeFirst()
  if (!row) throw notFound()
  return { publication: toPublic(row), text: row.content }
}

export const parseContent = (text: string) => JSON.parse(text) as PublicationContent
