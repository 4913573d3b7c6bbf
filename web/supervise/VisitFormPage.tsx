import { useEffect, useRef, useState } from 'hono/jsx'
import { isMessageKey, message } from '../../shared/i18n'
import type { MyAssignments, Visit, VisitBody, VisitType } from '../../shared/schemas/supervision'
import { VISIT_TYPES } from '../../shared/supervision-words'
import { answerProblem, visibleQuestions, type Answers, type AnswerValue } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import { api, call } from '../app/api'
import type { ApiError } from '../app/api-error'
import { useLocale, useT } from '../app/i18n'
import { Link } from '../app/Link'
import { usePageTitle } from '../app/page-title'
import { navigate, useLocation } from '../app/router'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { FormAlert } from '../ui/FormAlert'
import { LoadError, Loading } from '../ui/Status'
import { asApiError } from '../ui/use-submit'
import { TYPE_HINT, TYPE_LABEL } from './labels'
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PhotoPicker, removePhoto, uploadPhoto, type Photo } from './Photos'
import { QuestionField } from './QuestionField'
import { SuperviseShell } from './SuperviseShell'
import { fromLocalInput, toLocalInput } from './visit-time'
import { VisitView } from './VisitView'
import { localText } from '../survey/i18n'

type Campaign = MyAssignments['campaigns'][number]
type Form = Campaign['forms'][number]

interface FormState {
  questionnaireId: number | null
  type: VisitType | null
  /** The datetime-local value, on the deployment's clock. */
  visitedAt: string
  answers: Answers
  notes: string
}

type LocalField = 'form' | 'type' | 'visitedAt'

/** Fields the form shows; other problems the server reports go above it. */
const SHOWN_FIELDS = ['campaignId', 'windowId', 'questionnaireId', 'type', 'visitedAt', 'answers', 'notes']
/** Rule failures the server reports by code, and the field each is about. */
const FIELD_OF_CODE: Record<string, string> = {
  visit_time_future: 'visitedAt',
  visit_time_before_campaign: 'visitedAt',
  visit_time_after_campaign: 'visitedAt',
  visit_form_not_in_campaign: 'questionnaireId',
}

const blankFor = (campaign: Campaign | undefined): FormState => ({
  questionnaireId: campaign?.forms[0]?.questionnaireId ?? null,
  type: null,
  visitedAt: toLocalInput(new Date()),
  answers: {},
  notes: '',
})

const fromVisit = (v: Visit): FormState => ({
  questionnaireId: v.questionnaireId,
  type: v.type,
  visitedAt: toLocalInput(v.visitedAt),
  answers: v.answers as Answers,
  notes: v.notes ?? '',
})

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const scrollToProblem = () =>
  requestAnimationFrame(() => document.querySelector('.spv-form .spv-q-invalid, .spv-form .spv-field-invalid, .spv-form .alert-error')?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }))

/**
 * 评议: record a visit to an assigned window on the phone. A new visit comes from /supervise/visits/new?campaign=…&window=…;
 * it becomes a draft when first saved (or when its first photo is added) and is read-only once submitted.
 */
export function VisitFormPage() {
  const t = useT()
  const locale = useLocale()
  const { path, search } = useLocation()
  const param = /^\/supervise\/visits\/(new|\d+)/.exec(path)?.[1] ?? 'new'
  const routeId = param === 'new' ? null : Number(param)
  const query = search.toString()

  const [mine, setMine] = useState<MyAssignments | null>(null)
  const [visit, setVisitState] = useState<Visit | null>(null)
  // The visit as last saved, for actions that follow one another before the page re-renders (save, then upload).
  const visitRef = useRef<Visit | null>(null)
  const setVisit = (v: Visit | null) => {
    visitRef.current = v
    setVisitState(v)
  }
  const [form, setFormState] = useState<FormState>(blankFor(undefined))
  const latest = useRef<FormState>(form)
  const replaceForm = (next: FormState) => {
    latest.current = next
    setFormState(next)
  }
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [answerErrors, setAnswerErrors] = useState<Record<string, string>>({})
  const [localErrors, setLocalErrors] = useState<Partial<Record<LocalField, string>>>({})
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [photoBusy, setPhotoBusy] = useState(false)
  const [photoError, setPhotoError] = useState<string | null>(null)
  usePageTitle(routeId === null ? t('spvNewVisit') : t('spvVisitTitle'))

  const load = async () => {
    try {
      const [assignments, loaded] = await Promise.all([
        call(api.my.assignments.$get()),
        routeId === null ? Promise.resolve(null) : call(api.visits[':id'].$get({ param: { id: String(routeId) } })),
      ])
      setMine(assignments)
      setVisit(loaded)
      replaceForm(loaded ? fromVisit(loaded) : blankFor(assignments.campaigns.find((c) => c.id === Number(search.get('campaign')))))
      setLoadError(null)
    } catch (e) {
      setLoadError(asApiError(e))
    }
  }
  useEffect(() => {
    // A new visit that has just been saved moves to its own address: nothing to load again.
    if (routeId !== null && visitRef.current?.id === routeId) return
    setError(null)
    setNotice(null)
    setAnswerErrors({})
    setLocalErrors({})
    void load()
  }, [routeId, query])

  const back = (
    <Link href="/supervise" class="spv-back">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M10 3.5L5.5 8l4.5 4.5" stroke="currentColor" stroke-width="1.8" fill="none" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      {t('spvBack')}
    </Link>
  )
  if (loadError) {
    return (
      <SuperviseShell>
        <div class="spv-page">
          {back}
          <LoadError error={loadError} onRetry={() => void load()} />
        </div>
      </SuperviseShell>
    )
  }
  if (!mine || (routeId !== null && !visit)) {
    return (
      <SuperviseShell>
        <div class="spv-page">
          {back}
          <Loading />
        </div>
      </SuperviseShell>
    )
  }

  const campaignId = visit?.campaignId ?? Number(search.get('campaign'))
  const windowId = visit?.windowId ?? Number(search.get('window'))
  const campaign = mine.campaigns.find((c) => c.id === campaignId)
  const assigned = campaign?.windows.find((w) => w.id === windowId)
  const forms = campaign?.forms ?? []

  if (!visit && (!campaign || !assigned)) {
    return (
      <SuperviseShell>
        <div class="spv-page">
          {back}
          <div class="alert alert-error" role="alert">
            <p class="alert-title">{t('spvNotAssigned')}</p>
          </div>
        </div>
      </SuperviseShell>
    )
  }

  const header = (
    <header class="spv-head">
      <p class="spv-window-unit">{visit?.unitName ?? assigned?.unitName}</p>
      <h1 class="spv-title">
        <span class="spv-code">{visit?.windowCode ?? assigned?.code}</span> {visit?.windowName ?? assigned?.name}
      </h1>
      <p class="spv-muted">{visit?.campaignName ?? campaign?.name}</p>
    </header>
  )
  const noticeLine = notice ? (
    <p class="alert alert-success" role="status">
      {notice}
    </p>
  ) : null

  const editable = mine.term.canSubmit && (!visit || visit.status === 'draft')
  if (!editable) {
    return (
      <SuperviseShell>
        <div class="spv-page">
          {back}
          {header}
          {noticeLine}
          {!mine.term.canSubmit && (!visit || visit.status === 'draft') ? (
            <div class="alert alert-warning spv-banner" role="status">
              <p class="alert-title">{t('spvOutOfTermTitle')}</p>
              {visit ? <p>{t('spvReadOnlyOutOfTerm')}</p> : null}
            </div>
          ) : null}
          {visit ? <VisitView visit={visit} definition={visit.definition} /> : null}
        </div>
      </SuperviseShell>
    )
  }

  const chosen: Form | undefined = forms.find((f) => f.questionnaireId === form.questionnaireId)
  const definition: Definition | undefined = chosen?.definition
  const questions = definition ? visibleQuestions(definition, form.answers) : []

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    replaceForm({ ...latest.current, [key]: value })
    setNotice(null)
  }
  const setAnswer = (key: string, value: AnswerValue | undefined) => {
    const answers = { ...latest.current.answers }
    if (value === undefined) delete answers[key]
    else answers[key] = value
    set('answers', answers)
    if (answerErrors[key]) {
      const rest = { ...answerErrors }
      delete rest[key]
      setAnswerErrors(rest)
    }
  }
  const chooseForm = (questionnaireId: number) => {
    const next = forms.find((f) => f.questionnaireId === questionnaireId)
    if (!next) return
    // Answers carry over only to questions of the same key that they still fit.
    const kept = Object.fromEntries(
      Object.entries(latest.current.answers).filter(([key, value]) => {
        const q = next.definition.questions.find((x) => x.key === key)
        return q !== undefined && answerProblem(q, value) === null
      }),
    )
    replaceForm({ ...latest.current, questionnaireId, answers: kept })
    setAnswerErrors({})
    setLocalErrors({ ...localErrors, form: undefined })
  }

  /** The request body, or null (with the problems shown) when something the server would refuse is missing. */
  const toBody = (): VisitBody | null => {
    const f = latest.current
    const selected = forms.find((x) => x.questionnaireId === f.questionnaireId)
    const visitedAt = fromLocalInput(f.visitedAt)
    const problems: Partial<Record<LocalField, string>> = {}
    if (!selected) problems.form = t('spvFormRequired')
    if (!f.type) problems.type = t('spvTypeRequired')
    if (!visitedAt) problems.visitedAt = t('spvTimeRequired')
    else if (Date.parse(visitedAt) > Date.now() + 60_000) problems.visitedAt = t('spvTimeFuture')
    setLocalErrors(problems)
    if (!selected || !f.type || !visitedAt || problems.visitedAt) return null
    // Answers to questions that are hidden now (their condition no longer holds) are not sent.
    const shown = new Set(visibleQuestions(selected.definition, f.answers).map((q) => q.key))
    const answers = Object.fromEntries(Object.entries(f.answers).filter(([key]) => shown.has(key)))
    return { campaignId, windowId, questionnaireId: selected.questionnaireId, type: f.type, visitedAt, answers, notes: f.notes.trim() || null }
  }

  /** Creates the draft or saves it; a new draft moves to its own address. Null when the form is not ready. */
  const persist = async (): Promise<Visit | null> => {
    const json = toBody()
    if (!json) {
      scrollToProblem()
      return null
    }
    const current = visitRef.current
    const saved = current ? await call(api.visits[':id'].$put({ param: { id: String(current.id) }, json })) : await call(api.visits.$post({ json }))
    setVisit(saved)
    if (!current) navigate(`/supervise/visits/${saved.id}`, { replace: true })
    return saved
  }

  const fail = (e: unknown) => {
    const err = asApiError(e)
    const details = isRecord(err.details) && Array.isArray(err.details['answers']) ? err.details['answers'] : []
    const byQuestion: Record<string, string> = {}
    for (const p of details) {
      if (!isRecord(p) || typeof p['question'] !== 'string' || typeof p['problem'] !== 'string') continue
      const problem = p['problem']
      byQuestion[p['question']] ??= isMessageKey(problem) ? message(locale, problem) : err.message
    }
    for (const f of err.fields) if (f.path.startsWith('answers.')) byQuestion[f.path.slice('answers.'.length)] ??= f.message
    setError(err)
    setAnswerErrors(byQuestion)
    scrollToProblem()
  }

  const saveDraft = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      if (await persist()) setNotice(t('spvDraftSaved'))
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  const askSubmit = () => {
    setError(null)
    setNotice(null)
    if (toBody()) setConfirming(true)
    else scrollToProblem()
  }

  const submit = async () => {
    setError(null)
    setAnswerErrors({})
    try {
      const saved = await persist()
      if (!saved) return
      const done = await call(api.visits[':id'].submit.$post({ param: { id: String(saved.id) } }))
      setVisit(done)
      setNotice(t('spvSubmitted'))
      document.querySelector('.spv-head')?.scrollIntoView?.({ block: 'start' })
    } catch (e) {
      fail(e)
    }
  }

  const addPhotos = async (files: File[]) => {
    if (photoBusy) return
    setPhotoError(null)
    setPhotoBusy(true)
    try {
      let current = visitRef.current
      if (!current) {
        current = await persist()
        if (!current) {
          setPhotoError(t('spvPhotoNeedsDraft'))
          return
        }
      }
      for (const file of files) {
        const photos = visitRef.current?.photos ?? []
        if (photos.length >= MAX_PHOTOS) break
        if (file.size > MAX_PHOTO_BYTES) {
          setPhotoError(t('spvPhotoTooLarge', { name: file.name }))
          break
        }
        const photo = await uploadPhoto(current.id, file)
        setVisit({ ...visitRef.current!, photos: [...(visitRef.current?.photos ?? []), photo] })
      }
    } catch (e) {
      setPhotoError(asApiError(e).message)
    } finally {
      setPhotoBusy(false)
    }
  }

  const dropPhoto = async (photo: Photo) => {
    const current = visitRef.current
    if (!current || photoBusy) return
    setPhotoError(null)
    setPhotoBusy(true)
    try {
      await removePhoto(current.id, photo.id)
      setVisit({ ...visitRef.current!, photos: (visitRef.current?.photos ?? []).filter((p) => p.id !== photo.id) })
    } catch (e) {
      setPhotoError(asApiError(e).message)
    } finally {
      setPhotoBusy(false)
    }
  }

  const fieldError = (field: LocalField | 'notes') => {
    const local = field === 'notes' ? undefined : localErrors[field]
    if (local) return local
    const server = field === 'form' ? 'questionnaireId' : field
    return error?.field(server) ?? (error && FIELD_OF_CODE[error.code] === server ? error.message : undefined)
  }
  const answerProblems = Object.keys(answerErrors).length
  const typeError = fieldError('type')
  const timeError = fieldError('visitedAt')
  const formError = fieldError('form')
  const notesError = fieldError('notes')

  return (
    <SuperviseShell>
      <div class="spv-page">
        {back}
        {header}
        {noticeLine}
        <form class="spv-form" noValidate onSubmit={(e: Event) => e.preventDefault()}>
          {error && answerProblems > 0 ? (
            <div class="alert alert-error" role="alert">
              <p class="alert-title">{error.message}</p>
              <p>{t('spvFixAnswers', { count: answerProblems })}</p>
            </div>
          ) : (
            <FormAlert error={error && !FIELD_OF_CODE[error.code] ? error : null} fields={SHOWN_FIELDS} />
          )}

          <section class="spv-card">
            {forms.length > 1 ? (
              <fieldset class={`spv-field${formError ? ' spv-field-invalid' : ''}`} aria-describedby={formError ? 'spv-form-error' : undefined}>
                <legend class="spv-label">{t('spvForm')}</legend>
                <div class="spv-options spv-options-forms">
                  {forms.map((f) => (
                    <label class="spv-option">
                      <input class="sr-only" type="radio" name="form" value={String(f.questionnaireId)} checked={form.questionnaireId === f.questionnaireId} onChange={() => chooseForm(f.questionnaireId)} />
                      <span class="spv-option-box">
                        <span class="spv-option-name">{f.name}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {formError ? (
                  <p class="field-error" id="spv-form-error">
                    {formError}
                  </p>
                ) : null}
              </fieldset>
            ) : (
              <div class="spv-field">
                <p class="spv-label">{t('spvForm')}</p>
                <p class="spv-static">{chosen?.name ?? '—'}</p>
                {formError ? <p class="field-error">{formError}</p> : null}
              </div>
            )}

            <fieldset class={`spv-field${typeError ? ' spv-field-invalid' : ''}`} aria-describedby={typeError ? 'spv-type-error' : undefined}>
              <legend class="spv-label">
                {t('spvVisitType')}
                <span class="spv-req">{t('spvRequired')}</span>
              </legend>
              <div class="spv-options spv-options-types">
                {VISIT_TYPES.map((type) => (
                  <label class="spv-option">
                    <input class="sr-only" type="radio" name="type" value={type} checked={form.type === type} onChange={() => {
                      set('type', type)
                      setLocalErrors({ ...localErrors, type: undefined })
                    }} />
                    <span class="spv-option-box">
                      <span class="spv-option-name">{t(TYPE_LABEL[type])}</span>
                      <span class="spv-option-hint">{t(TYPE_HINT[type])}</span>
                    </span>
                  </label>
                ))}
              </div>
              {typeError ? (
                <p class="field-error" id="spv-type-error">
                  {typeError}
                </p>
              ) : null}
            </fieldset>

            <div class={`spv-field${timeError ? ' spv-field-invalid' : ''}`}>
              <label class="spv-label" for="spv-visited-at">
                {t('spvVisitedAt')}
                <span class="spv-req">{t('spvRequired')}</span>
              </label>
              <input
                id="spv-visited-at"
                class="input spv-input"
                type="datetime-local"
                value={form.visitedAt}
                max={toLocalInput(new Date())}
                min={campaign ? `${campaign.startsOn}T00:00` : undefined}
                aria-invalid={timeError ? 'true' : undefined}
                aria-describedby={timeError ? 'spv-visited-at-error' : 'spv-visited-at-hint'}
                onInput={(e: Event) => {
                  set('visitedAt', (e.currentTarget as HTMLInputElement).value)
                  setLocalErrors({ ...localErrors, visitedAt: undefined })
                }}
              />
              {timeError ? (
                <p class="field-error" id="spv-visited-at-error">
                  {timeError}
                </p>
              ) : (
                <p class="spv-q-hint spv-q-hint-after" id="spv-visited-at-hint">
                  {t('spvVisitedAtHint')}
                </p>
              )}
            </div>
          </section>

          {definition ? (
            <section class="spv-questions" aria-labelledby="spv-questions-title">
              <h2 class="spv-section-title" id="spv-questions-title">
                {localText(definition.title, locale) || t('spvQuestions')}
              </h2>
              {questions.map((q) => (
                <QuestionField question={q} value={form.answers[q.key]} error={answerErrors[q.key]} locale={locale} t={t} onChange={(value) => setAnswer(q.key, value)} />
              ))}
            </section>
          ) : null}

          <section class="spv-card">
            <div class={`spv-field${notesError ? ' spv-field-invalid' : ''}`}>
              <label class="spv-label" for="spv-notes">
                {t('spvNotes')}
              </label>
              <textarea
                id="spv-notes"
                class="input spv-textarea"
                rows={3}
                maxlength={2000}
                value={form.notes}
                aria-invalid={notesError ? 'true' : undefined}
                aria-describedby={notesError ? 'spv-notes-error' : 'spv-notes-hint'}
                onInput={(e: Event) => set('notes', (e.currentTarget as HTMLTextAreaElement).value)}
              />
              {notesError ? (
                <p class="field-error" id="spv-notes-error">
                  {notesError}
                </p>
              ) : (
                <p class="spv-q-hint spv-q-hint-after" id="spv-notes-hint">
                  {t('spvNotesHint')}
                </p>
              )}
            </div>
          </section>

          <PhotoPicker photos={visit?.photos ?? []} busy={photoBusy} error={photoError} onAdd={(files) => void addPhotos(files)} onRemove={(p) => void dropPhoto(p)} />

          <div class="spv-actions">
            <button type="button" class="btn spv-action" disabled={busy} aria-busy={busy ? 'true' : undefined} onClick={() => void saveDraft()}>
              {busy ? t('saving') : t('spvSaveDraft')}
            </button>
            <button type="button" class="btn btn-primary spv-action" disabled={busy} onClick={askSubmit}>
              {t('spvSubmit')}
            </button>
          </div>
        </form>
        {confirming ? (
          <ConfirmDialog
            title={t('spvSubmitTitle')}
            message={t('spvSubmitMessage')}
            confirmLabel={t('spvSubmitConfirm')}
            onConfirm={submit}
            onDone={() => setConfirming(false)}
            onClose={() => setConfirming(false)}
          />
        ) : null}
      </div>
    </SuperviseShell>
  )
}
