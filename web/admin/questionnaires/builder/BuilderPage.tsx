import { useEffect, useRef, useState } from 'hono/jsx'
import type { Questionnaire, QuestionnaireVersion } from '../../../../shared/schemas/questionnaire'
import type { Definition } from '../../../../shared/survey/definition'
import { api, call } from '../../../app/api'
import type { ApiError, FieldProblem } from '../../../app/api-error'
import { useUser } from '../../../app/auth'
import { formatDateTime } from '../../../app/dates'
import { useT } from '../../../app/i18n'
import { Link } from '../../../app/Link'
import { usePageTitle } from '../../../app/page-title'
import { canManageSurveys } from '../../../app/permissions'
import { useLocation } from '../../../app/router'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { LoadError, Loading } from '../../../ui/Status'
import { asApiError } from '../../../ui/use-submit'
import { formatCount, KIND_KEYS, VERSION_STATUS_KEYS } from '../labels'
import { RenameDialog } from '../RenameDialog'
import { addQuestion, dependentsOf, forSaving, moveQuestion, problemAt, removeQuestion, sortProblems } from './draft-model'
import { TextInput } from './fields'
import { PreviewDialog } from './PreviewDialog'
import { QuestionCard } from './QuestionCard'
import { VersionHistory } from './VersionHistory'

/** Server problems of the last save, with question problems filed under the question's key (so they move with it). */
interface Problems {
  general: FieldProblem[]
  title: FieldProblem[]
  intro: FieldProblem[]
  byKey: Map<string, FieldProblem[]>
}
const NO_PROBLEMS: Problems = { general: [], title: [], intro: [], byKey: new Map() }

type BuilderDialog = { kind: 'rename' } | { kind: 'publish' } | { kind: 'preview'; version: number } | { kind: 'remove'; index: number }

const snapshot = (def: Definition) => JSON.stringify(forSaving(def))

/**
 * The questionnaire builder: the latest version's questions as a list of cards, each opening into its form. Saving
 * sends the whole definition (PUT …/draft); the server validates it and its messages appear next to the question and
 * field they are about. A published version is never changed: saving it starts the next version as a draft.
 */
export function BuilderPage() {
  const t = useT()
  const user = useUser()
  const { path, search } = useLocation()
  const id = Number(/^\/questionnaires\/(\d+)/.exec(path)?.[1] ?? 0)
  const requested = Number(search.get('version') ?? 0) || null

  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null)
  const [version, setVersion] = useState<QuestionnaireVersion | null>(null)
  const [draft, setDraft] = useState<Definition | null>(null)
  // The latest edit, for a save that follows it before the page has re-rendered.
  const latestDraft = useRef<Definition | null>(null)
  const [baseline, setBaseline] = useState('')
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [saveError, setSaveError] = useState<ApiError | null>(null)
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS)
  const [openKey, setOpenKey] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [dialog, setDialog] = useState<BuilderDialog | null>(null)
  usePageTitle(questionnaire?.name ?? t('navQuestionnaires'))

  const showVersion = (v: QuestionnaireVersion) => {
    setVersion(v)
    latestDraft.current = v.definition
    setDraft(v.definition)
    setBaseline(snapshot(v.definition))
    setProblems(NO_PROBLEMS)
    setSaveError(null)
  }

  const load = async () => {
    try {
      const q = await call(api.questionnaires[':id'].$get({ param: { id: String(id) } }))
      const wanted = requested ?? q.versions[0]?.version ?? 1
      const v = await call(api.questionnaires[':id'].versions[':version'].$get({ param: { id: String(id), version: String(wanted) } }))
      setQuestionnaire(q)
      showVersion(v)
      setOpenKey(null)
      setLoadError(null)
    } catch (e) {
      setLoadError(asApiError(e))
    }
  }
  useEffect(() => {
    setNotice(null)
    void load()
  }, [id, requested])

  const dirty = draft !== null && snapshot(draft) !== baseline
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    addEventListener('beforeunload', warn)
    return () => removeEventListener('beforeunload', warn)
  }, [dirty])

  if (loadError) return <LoadError error={loadError} onRetry={() => void load()} />
  if (!questionnaire || !version || !draft) return <Loading />

  const latest = questionnaire.versions[0]!
  const isLatest = version.version === latest.version
  const mayEdit = canManageSurveys(user)
  const editable = mayEdit && isLatest
  const summary = questionnaire.versions.find((v) => v.version === version.version)

  /** Applies an edit to the latest draft (not to the one of the last render: events may come faster than renders). */
  const edit = (change: (def: Definition) => Definition) => {
    const next = change(latestDraft.current ?? draft)
    latestDraft.current = next
    setDraft(next)
    setNotice(null)
  }

  /** Saves the draft; returns the saved version, or null when the server refused (its messages are then shown). */
  const save = async (): Promise<QuestionnaireVersion | null> => {
    const sent = forSaving(latestDraft.current ?? draft)
    setBusy(true)
    setSaveError(null)
    setNotice(null)
    try {
      const saved = await call(api.questionnaires[':id'].draft.$put({ param: { id: String(id) }, json: { definition: sent } }))
      const q = await call(api.questionnaires[':id'].$get({ param: { id: String(id) } }))
      setQuestionnaire(q)
      showVersion(saved)
      setNotice(t('savedAsDraft', { n: saved.version }))
      return saved
    } catch (e) {
      const error = asApiError(e)
      const sorted = sortProblems(error.fields)
      const byKey = new Map<string, FieldProblem[]>()
      sorted.questions.forEach((list, i) => {
        const key = sent.questions[i]?.key
        if (key) byKey.set(key, list)
      })
      setSaveError(error)
      setProblems({ general: sorted.general, title: sorted.title, intro: sorted.intro, byKey })
      const first = sent.questions.find((q) => byKey.has(q.key))
      if (first) {
        setOpenKey(first.key)
        requestAnimationFrame(() => document.querySelector(`[data-key="${first.key}"]`)?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }))
      }
      return null
    } finally {
      setBusy(false)
    }
  }

  const isDirty = () => snapshot(latestDraft.current ?? draft) !== baseline
  const publishClicked = async () => {
    if (isDirty() && !(await save())) return
    setDialog({ kind: 'publish' })
  }
  const previewClicked = async () => {
    if (editable && isDirty()) {
      const saved = await save()
      if (saved) setDialog({ kind: 'preview', version: saved.version })
      return
    }
    setDialog({ kind: 'preview', version: version.version })
  }

  const canPublish = editable && (latest.status === 'draft' || dirty)
  const close = () => setDialog(null)
  const removing = dialog?.kind === 'remove' ? draft.questions[dialog.index] : undefined

  return (
    <div class="page page-builder">
      <p class="back-nav">
        <Link href="/questionnaires" class="back-link">
          ← {t('backToQuestionnaires')}
        </Link>
      </p>
      <header class="page-header">
        <div>
          <h1 class="page-title">
            {questionnaire.name} <span class={`kind-tag kind-${questionnaire.kind}`}>{t(KIND_KEYS[questionnaire.kind])}</span>
            {questionnaire.archived ? <span class="badge badge-muted">{t('archived')}</span> : null}
          </h1>
          {questionnaire.description ? <p class="page-subtitle">{questionnaire.description}</p> : null}
        </div>
        {mayEdit ? (
          <div class="page-actions">
            <button type="button" class="btn" onClick={() => setDialog({ kind: 'rename' })}>
              {t('renameQuestionnaire')}
            </button>
          </div>
        ) : null}
      </header>

      <div class="builder-toolbar" role="region" aria-label={t('actions')}>
        <div class="builder-state">
          <span class="version-name">{t('versionN', { n: version.version })}</span>
          <span class={`status-tag status-${version.status}`}>{t(VERSION_STATUS_KEYS[version.status])}</span>
          <span class="builder-save-state" role="status">
            {notice ? <span class="save-ok">{notice}</span> : editable ? dirty ? <span class="save-dirty">{t('unsavedChanges')}</span> : <span class="muted">{t('allSaved')}</span> : null}
          </span>
        </div>
        <div class="builder-buttons">
          <button type="button" class="btn" disabled={busy} onClick={() => void previewClicked()}>
            {t('preview')}
          </button>
          {editable ? (
            <button type="button" class={canPublish && !dirty ? 'btn' : 'btn btn-primary'} disabled={busy || !dirty} aria-busy={busy ? 'true' : undefined} onClick={() => void save()}>
              {busy ? t('saving') : t('save')}
            </button>
          ) : null}
          {canPublish ? (
            <button type="button" class={dirty ? 'btn' : 'btn btn-primary'} disabled={busy} onClick={() => void publishClicked()}>
              {dirty ? t('saveAndPublish') : t('publish')}
            </button>
          ) : null}
        </div>
      </div>

      <VersionBanner questionnaire={questionnaire} version={version} isLatest={isLatest} mayEdit={mayEdit} responses={summary?.responseCount ?? 0} />

      {saveError ? (
        <div class="alert alert-error" role="alert">
          <p class="alert-title">{saveError.message}</p>
          {problems.general.length > 0 ? (
            <ul class="alert-list">
              {problems.general.map((p) => (
                <li>{p.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <div class="builder-layout">
        <div class="builder-main">
          <section class="card card-padded builder-texts" aria-labelledby="builder-texts-title">
            <h2 class="card-title" id="builder-texts-title">
              {t('surveyTitleSection')}
            </h2>
            {editable ? (
              <>
                <div class="field-row">
                  <TextInput label={t('titleZh')} lang="zh-CN" required maxLength={100} value={draft.title.zh} error={problemAt(problems.title, 'zh')} onInput={(zh) => edit((d) => ({ ...d, title: { ...d.title, zh } }))} />
                  <TextInput label={t('titleEn')} lang="en" maxLength={100} value={draft.title.en ?? ''} error={problemAt(problems.title, 'en')} onInput={(en) => edit((d) => ({ ...d, title: { ...d.title, en } }))} />
                </div>
                <div class="field-row">
                  <TextInput
                    label={t('introZh')}
                    lang="zh-CN"
                    multiline
                    maxLength={500}
                    value={draft.intro?.zh ?? ''}
                    error={problemAt(problems.intro, 'zh')}
                    onInput={(zh) => edit((d) => ({ ...d, intro: { en: d.intro?.en, zh } }))}
                  />
                  <TextInput
                    label={t('introEn')}
                    lang="en"
                    multiline
                    maxLength={500}
                    value={draft.intro?.en ?? ''}
                    error={problemAt(problems.intro, 'en')}
                    onInput={(en) => edit((d) => ({ ...d, intro: { zh: d.intro?.zh ?? '', en } }))}
                  />
                </div>
              </>
            ) : (
              <div class="builder-texts-read">
                <p class="survey-title">{draft.title.zh}</p>
                {draft.title.en ? <p class="muted" lang="en">{draft.title.en}</p> : null}
                {draft.intro?.zh ? <p class="survey-intro">{draft.intro.zh}</p> : null}
                {draft.intro?.en ? <p class="muted" lang="en">{draft.intro.en}</p> : null}
              </div>
            )}
          </section>

          <section class="builder-questions" aria-labelledby="builder-questions-title">
            <h2 class="section-title" id="builder-questions-title">
              {t('questions')} <span class="count">{draft.questions.length}</span>
            </h2>
            {draft.questions.length === 0 ? <p class="empty-inline">{t('noQuestions')}</p> : null}
            <ol class="q-list">
              {draft.questions.map((q, index) => (
                <QuestionCard
                  key={q.key}
                  def={draft}
                  index={index}
                  kind={questionnaire.kind}
                  editable={editable}
                  open={openKey === q.key}
                  problems={problems.byKey.get(q.key)}
                  onToggle={() => setOpenKey(openKey === q.key ? null : q.key)}
                  onChange={edit}
                  onMove={(delta) => edit((d) => moveQuestion(d, index, delta))}
                  onRemove={() => setDialog({ kind: 'remove', index })}
                />
              ))}
            </ol>
            {editable ? (
              <button
                type="button"
                class="btn add-question"
                disabled={draft.questions.length >= 60}
                onClick={() => {
                  const next = addQuestion(latestDraft.current ?? draft)
                  const added = next.questions[next.questions.length - 1]!
                  edit(() => next)
                  setOpenKey(added.key)
                  requestAnimationFrame(() => document.querySelector(`[data-key="${added.key}"]`)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }))
                }}
              >
                + {t('addQuestion')}
              </button>
            ) : null}
          </section>
        </div>
        <aside class="builder-side">
          <VersionHistory questionnaire={questionnaire} viewing={version.version} />
        </aside>
      </div>

      {dialog?.kind === 'rename' ? (
        <RenameDialog
          questionnaire={questionnaire}
          onClose={close}
          onSaved={(q) => {
            setQuestionnaire(q)
            close()
          }}
        />
      ) : null}
      {dialog?.kind === 'publish' ? (
        <ConfirmDialog
          title={t('publishVersion', { n: latest.version })}
          message={t('publishNote')}
          confirmLabel={t('publish')}
          onConfirm={async () => {
            const published = await call(api.questionnaires[':id'].publish.$post({ param: { id: String(id) } }))
            setQuestionnaire(await call(api.questionnaires[':id'].$get({ param: { id: String(id) } })))
            showVersion(published)
            setNotice(t('publishedNow', { n: published.version }))
          }}
          onDone={close}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'preview' ? <PreviewDialog questionnaireId={id} version={dialog.version} onClose={close} /> : null}
      {dialog?.kind === 'remove' && removing ? (
        <ConfirmDialog
          title={t('removeQuestionNamed', { n: dialog.index + 1 })}
          message={[
            t('removeQuestionNote', { text: removing.text.zh }),
            ...(dependentsOf(draft, dialog.index).length > 0 ? [t('removeQuestionDependents', { list: dependentsOf(draft, dialog.index).map((j) => j + 1).join('、') })] : []),
          ].join(' ')}
          confirmLabel={t('removeQuestion')}
          danger
          onConfirm={async () => edit((d) => removeQuestion(d, dialog.index))}
          onDone={close}
          onClose={close}
        />
      ) : null}
    </div>
  )
}

interface BannerProps {
  questionnaire: Questionnaire
  version: QuestionnaireVersion
  isLatest: boolean
  mayEdit: boolean
  responses: number
}

/** What state the version on screen is in, and what saving it will do. */
function VersionBanner({ questionnaire, version, isLatest, mayEdit, responses }: BannerProps) {
  const t = useT()
  const readOnly = mayEdit ? null : <p>{t('bannerReadOnly')}</p>
  if (!isLatest) {
    return (
      <div class="alert alert-info version-banner">
        <p class="alert-title">{t('bannerOldVersion', { n: version.version })}</p>
        <p>
          <Link href={`/questionnaires/${questionnaire.id}`}>{t('viewLatest')}</Link>
        </p>
      </div>
    )
  }
  if (version.status === 'draft') {
    const previous = questionnaire.versions.find((v) => v.status === 'published')
    return (
      <div class="alert alert-info version-banner">
        <p class="alert-title">{t('bannerDraft', { n: version.version })}</p>
        {previous ? <p>{t('bannerDraftAfter', { prev: previous.version })}</p> : null}
        {readOnly}
      </div>
    )
  }
  return (
    <div class="alert alert-success version-banner">
      <p class="alert-title">{t('bannerPublished', { n: version.version, time: formatDateTime(version.publishedAt), count: formatCount(responses) })}</p>
      {mayEdit ? <p>{t('bannerFrozen', { next: version.version + 1 })}</p> : readOnly}
    </div>
  )
}
