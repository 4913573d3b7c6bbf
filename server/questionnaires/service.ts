import type { Kysely } from 'kysely'
import { z } from 'zod'
import { flag, isSet, toCount } from '../../db/convention'
import type { Database, QuestionnaireVersionTable } from '../../db/schema'
import type { Questionnaire, QuestionnaireVersion, VersionSummary } from '../../shared/schemas/questionnaire'
import { definitionSchema, type Definition, type QuestionnaireKind } from '../../shared/survey/definition'
import { AppError, notFound, ValidationError } from '../http/errors'
import { templateByKey } from './templates'

type Db = Kysely<Database>
type VersionRow = Omit<QuestionnaireVersionTable, 'id'> & { id: number }

/** Checks a definition against the rules of its kind; problems are reported under `definition.…`. */
export function checkDefinition(kind: QuestionnaireKind, definition: unknown): Definition {
  const result = definitionSchema(kind).safeParse(definition)
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({ ...i, path: ['definition', ...i.path] }))
  throw new ValidationError(new z.ZodError(issues), 'json')
}

async function responseCounts(db: Db, versionIds: number[]) {
  if (versionIds.length === 0) return new Map<number, number>()
  const rows = await db
    .selectFrom('responses')
    .select(['questionnaire_version_id as id', (eb) => eb.fn.countAll().as('n')])
    .where('questionnaire_version_id', 'in', versionIds)
    .groupBy('questionnaire_version_id')
    .execute()
  return new Map(rows.map((r) => [r.id, toCount(r.n)]))
}

export async function listQuestionnaires(db: Db, q: { kind?: QuestionnaireKind | undefined; includeArchived: boolean }): Promise<Questionnaire[]> {
  let query = db.selectFrom('questionnaires').selectAll()
  if (q.kind) query = query.where('kind', '=', q.kind)
  if (!q.includeArchived) query = query.where('archived', '=', 0)
  const rows = await query.orderBy('name').execute()
  if (rows.length === 0) return []
  const versions = await db
    .selectFrom('questionnaire_versions')
    .select(['id', 'questionnaire_id', 'version', 'status', 'published_at', 'updated_at'])
    .where('questionnaire_id', 'in', rows.map((r) => r.id))
    .orderBy('version', 'desc')
    .execute()
  const counts = await responseCounts(db, versions.map((v) => v.id))
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as QuestionnaireKind,
    name: r.name,
    description: r.description,
    templateKey: r.template_key,
    archived: isSet(r.archived),
    versions: versions
      .filter((v) => v.questionnaire_id === r.id)
      .map((v): VersionSummary => ({
        id: v.id,
        version: v.version,
        status: v.status as 'draft' | 'published',
        publishedAt: v.published_at,
        responseCount: counts.get(v.id) ?? 0,
        updatedAt: v.updated_at,
      })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

export async function getQuestionnaire(db: Db, id: number): Promise<Questionnaire> {
  const row = await db.selectFrom('questionnaires').select(['id', 'kind']).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  const [q] = (await listQuestionnaires(db, { kind: row.kind as QuestionnaireKind, includeArchived: true })).filter((x) => x.id === id)
  return q!
}

const toVersion = (row: VersionRow): QuestionnaireVersion => ({
  id: row.id,
  questionnaireId: row.questionnaire_id,
  version: row.version,
  status: row.status as 'draft' | 'published',
  frozen: row.status === 'published',
  definition: JSON.parse(row.definition) as Definition,
  publishedAt: row.published_at,
})

export async function getVersion(db: Db, questionnaireId: number, version: number): Promise<QuestionnaireVersion> {
  const row = await db.selectFrom('questionnaire_versions').selectAll().where('questionnaire_id', '=', questionnaireId).where('version', '=', version).executeTakeFirst()
  if (!row) throw notFound()
  return toVersion(row)
}

export async function createQuestionnaire(
  db: Db,
  body: { kind: QuestionnaireKind; name: string; description?: string | undefined; definition: Definition } | { fromTemplate: string; name?: string | undefined } | { copyOf: number; name?: string | undefined },
  now: Date,
): Promise<Questionnaire> {
  let source: { kind: QuestionnaireKind; name: string; description: string | null; templateKey: string | null; definition: Definition }
  if ('fromTemplate' in body) {
    const template = templateByKey(body.fromTemplate)
    if (!template) throw notFound()
    source = { kind: template.kind, name: body.name ?? template.name, description: template.description, templateKey: template.key, definition: template.definition }
  } else if ('copyOf' in body) {
    const original = await getQuestionnaire(db, body.copyOf)
    const latest = await getVersion(db, original.id, original.versions[0]!.version)
    source = { kind: original.kind, name: body.name ?? `${original.name}（副本）`, description: original.description, templateKey: original.templateKey, definition: latest.definition }
  } else {
    source = { kind: body.kind, name: body.name, description: body.description ?? null, templateKey: null, definition: body.definition }
  }
  const definition = checkDefinition(source.kind, source.definition)
  const at = now.toISOString()
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('questionnaires')
      .values({ kind: source.kind, name: source.name, description: source.description, template_key: source.templateKey, archived: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('questionnaire_versions')
      .values({ questionnaire_id: id, version: 1, status: 'draft', definition: JSON.stringify(definition), published_at: null, created_at: at, updated_at: at })
      .execute()
    return id
  })
  return getQuestionnaire(db, id)
}

export async function updateQuestionnaire(
  db: Db,
  id: number,
  patch: { name?: string | undefined; description?: string | null | undefined; archived?: boolean | undefined },
  now: Date,
): Promise<Questionnaire> {
  const result = await db
    .updateTable('questionnaires')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.archived !== undefined ? { archived: flag(patch.archived) } : {}),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw notFound()
  return getQuestionnaire(db, id)
}

async function latestVersion(db: Db, questionnaireId: number) {
  return db.selectFrom('questionnaire_versions').selectAll().where('questionnaire_id', '=', questionnaireId).orderBy('version', 'desc').limit(1).executeTakeFirst()
}

/**
 * Saves an edit. A draft is edited in place; a published version is never changed (responses point at it, and servers
 * cache it), so editing it starts the next version as a draft.
 */
export async function saveDraft(db: Db, questionnaireId: number, definition: Definition, now: Date): Promise<QuestionnaireVersion> {
  const q = await db.selectFrom('questionnaires').select(['kind']).where('id', '=', questionnaireId).executeTakeFirst()
  if (!q) throw notFound()
  const checked = checkDefinition(q.kind as QuestionnaireKind, definition)
  const at = now.toISOString()
  const latest = await latestVersion(db, questionnaireId)
  if (latest && latest.status === 'draft') {
    const row = await db
      .updateTable('questionnaire_versions')
      .set({ definition: JSON.stringify(checked), updated_at: at })
      .where('id', '=', latest.id)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirstOrThrow()
    return toVersion(row)
  }
  const row = await db
    .insertInto('questionnaire_versions')
    .values({ questionnaire_id: questionnaireId, version: (latest?.version ?? 0) + 1, status: 'draft', definition: JSON.stringify(checked), published_at: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toVersion(row)
}

/** Publishes the draft: from now on new responses answer this version. */
export async function publishDraft(db: Db, questionnaireId: number, now: Date): Promise<QuestionnaireVersion> {
  const latest = await latestVersion(db, questionnaireId)
  if (!latest) throw notFound()
  if (latest.status !== 'draft') throw new AppError(409, 'nothing_to_publish')
  const row = await db
    .updateTable('questionnaire_versions')
    .set({ status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', latest.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toVersion(row)
}

const definitionCache = new Map<number, Definition>()

/** The version new responses to this questionnaire answer (its latest published one), with its definition. */
export async function currentPublishedVersion(db: Db, questionnaireId: number): Promise<{ id: number; version: number; definition: Definition } | null> {
  const row = await db
    .selectFrom('questionnaire_versions')
    .select(['id', 'version', 'definition'])
    .where('questionnaire_id', '=', questionnaireId)
    .where('status', '=', 'published')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return { id: row.id, version: row.version, definition: versionDefinition(row.id, row.definition) }
}

/** A published version's parsed definition; published versions never change, so the parse is cached. */
export function versionDefinition(versionId: number, json: string): Definition {
  let def = definitionCache.get(versionId)
  if (!def) {
    def = JSON.parse(json) as Definition
    definitionCache.set(versionId, def)
  }
  return def
}
