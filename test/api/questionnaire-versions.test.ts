import { beforeAll, describe, expect, it } from 'vitest'
import { seedOrg, seedSurvey, type Org, type Survey } from '../support/fixtures'
import { useHarness } from '../support/harness'

const h = useHarness()
let o: Org
let s: Survey
beforeAll(async () => {
  o = await seedOrg(h())
  s = await seedSurvey(h(), o)
})

let n = 0
const submit = async (versionId: number, answers: Record<string, unknown>) => {
  const res = await h().request('POST', `/api/s/${s.tokens.A}/responses`, { body: { versionId, answers, clientKey: `versions-test-key-${String(++n).padStart(4, '0')}`, durationMs: 20_000 } })
  expect(res.status, await res.clone().text()).toBe(201)
}
/** Per-version counts of one question's answers, from the aggregates the dashboards read. */
const counts = async (versionId: number, question: string) => {
  const rows = await h().db.selectFrom('agg_answers').select(['value', 'n']).where('questionnaire_version_id', '=', versionId).where('question_key', '=', question).orderBy('value').execute()
  return Object.fromEntries(rows.map((r) => [r.value, Number(r.n)]))
}

describe('questionnaire versions', () => {
  it('freeze once published: editing makes version 2, old responses keep version 1, results stay apart', async () => {
    await submit(s.versionId, { overall: 5, environment: 4 })
    await submit(s.versionId, { overall: 5, environment: 5 })
    await submit(s.versionId, { overall: 2, reasons: ['slow'] })

    const v1 = (await (await h().request('GET', `/api/questionnaires/${s.questionnaireId}/versions/1`, { cookie: o.cookies.admin })).json()) as {
      frozen: boolean
      definition: { questions: { key: string; text: { zh: string } }[] }
    }
    expect(v1.frozen).toBe(true)
    // Edit: drop 环境, add a question about waiting time.
    const edited = {
      ...v1.definition,
      questions: [
        ...v1.definition.questions.filter((q) => q.key !== 'environment'),
        { key: 'waiting', type: 'satisfaction5', text: { zh: '排队等候时间' }, dimension: 'efficiency' },
      ],
    }
    const saved = await h().request('PUT', `/api/questionnaires/${s.questionnaireId}/draft`, { cookie: o.cookies.admin, body: { definition: edited } })
    const draft = (await saved.json()) as { id: number; version: number; status: string }
    expect(draft).toMatchObject({ version: 2, status: 'draft' })
    // Saving again edits the same draft; citizens still get version 1 until it is published.
    const again = (await (await h().request('PUT', `/api/questionnaires/${s.questionnaireId}/draft`, { cookie: o.cookies.admin, body: { definition: edited } })).json()) as { version: number }
    expect(again.version).toBe(2)
    expect((await (await h().request('GET', `/api/s/${s.tokens.A}`)).json()).version.version).toBe(1)

    expect((await h().request('POST', `/api/questionnaires/${s.questionnaireId}/publish`, { cookie: o.cookies.admin })).status).toBe(200)
    expect((await (await h().request('GET', `/api/s/${s.tokens.A}`)).json()).version.version).toBe(2)
    await submit(draft.id, { overall: 4, waiting: 2 })
    await submit(draft.id, { overall: 5, waiting: 5 })
    // A citizen who opened the page before the change still answers version 1.
    await submit(s.versionId, { overall: 3, environment: 3 })
    // A version-1 answer to a version-2 question is refused.
    const mixed = await h().request('POST', `/api/s/${s.tokens.A}/responses`, { body: { versionId: s.versionId, answers: { overall: 5, waiting: 5 }, clientKey: 'versions-test-mixed-0001' } })
    expect(mixed.status).toBe(400)

    const versions = await h().db.selectFrom('responses').select(['questionnaire_version_id as v']).where('window_id', '=', o.windows.A).orderBy('id').execute()
    expect(versions.map((r) => r.v)).toEqual([s.versionId, s.versionId, s.versionId, draft.id, draft.id, s.versionId])
    expect(await counts(s.versionId, 'overall')).toEqual({ '2': 1, '3': 1, '5': 2 })
    expect(await counts(draft.id, 'overall')).toEqual({ '4': 1, '5': 1 })
    expect(await counts(s.versionId, 'environment')).toEqual({ '3': 1, '4': 1, '5': 1 })
    expect(await counts(draft.id, 'waiting')).toEqual({ '2': 1, '5': 1 })
    expect(await counts(draft.id, 'environment')).toEqual({})

    const listed = (await (await h().request('GET', `/api/questionnaires/${s.questionnaireId}`, { cookie: o.cookies.viewer })).json()) as { versions: { version: number; status: string; responseCount: number }[] }
    expect(listed.versions.map((v) => [v.version, v.status, v.responseCount])).toEqual([
      [2, 'published', 2],
      [1, 'published', 4],
    ])
  })
})
