import { useEffect, useRef, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { canManageSurveys } from '../../app/permissions'
import { navigate, useLocation } from '../../app/router'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { indexOrg, type OrgIndex } from '../org/tree-model'
import { LEVEL_KEYS, LEVEL_ORDER } from '../questionnaires/labels'
import { NumberTextInput as NumberField, SelectInput, TextInput } from '../questionnaires/builder/fields'
import { CampaignActionDialog } from './CampaignActionDialog'
import { STATUS_KEYS } from './labels'
import { OverlapAlert } from './OverlapAlert'
import { ScopePicker } from './ScopePicker'
import { EMPTY_SCOPE, type Scope } from './scope-model'
import { SupervisionSettings } from './SupervisionSettings'

/** The form as the user edits it: numbers stay text until saved, so that a field can be cleared and retyped. */
interface FormState {
  name: string
  description: string
  startsOn: string
  endsOn: string
  /** Each phase with a key of its own, so that removing one keeps the others' inputs in place. */
  phases: { uid: number; name: string; startsOn: string; endsOn: string }[]
  scope: Scope
  questionnaireId: string
  targetPercent: string
  satisfiedLevels: number[]
  minSample: string
  quotaTotal: string
  quotaPerWindow: string
  repeatIntervalHours: string
  minSeconds: string
  weightCitizen: string
  weightSupervisor: string
  weightInspection: string
  publishStaffNames: boolean
}

/** Today in the deployment's zone (Asia/Shanghai), as YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

const blank = (): FormState => ({
  name: '',
  description: '',
  startsOn: today(),
  endsOn: `${today().slice(0, 4)}-12-31`,
  phases: [],
  scope: EMPTY_SCOPE,
  questionnaireId: '',
  targetPercent: '95',
  satisfiedLevels: [5, 4, 3],
  minSample: '30',
  quotaTotal: '',
  quotaPerWindow: '',
  repeatIntervalHours: '12',
  minSeconds: '3',
  weightCitizen: '70',
  weightSupervisor: '30',
  weightInspection: '0',
  publishStaffNames: false,
})

const fromCampaign = (c: Campaign): FormState => ({
  name: c.name,
  description: c.description ?? '',
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  phases: c.phases.map((p) => ({ ...p, uid: nextUid() })),
  scope: c.scope,
  questionnaireId: String(c.questionnaireId),
  targetPercent: String(Math.round(c.targetRate * 10000) / 100),
  satisfiedLevels: [...c.satisfiedLevels].sort((a, b) => b - a),
  minSample: String(c.minSample),
  quotaTotal: c.quotaTotal === null ? '' : String(c.quotaTotal),
  quotaPerWindow: c.quotaPerWindow === null ? '' : String(c.quotaPerWindow),
  repeatIntervalHours: String(c.repeatIntervalHours),
  minSeconds: String(c.minSeconds),
  weightCitizen: String(c.weights.citizenIndex),
  weightSupervisor: String(c.weights.supervisorMean),
  weightInspection: String(c.weights.inspectionScore),
  publishStaffNames: c.publishStaffNames,
})

let uid = 0
const nextUid = () => ++uid

/** Text to a number for the API: empty is "not given" (the server's default applies), anything else is sent as typed. */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s))

/** The request body; the server validates it (and says which field is wrong). */
function toBody(f: FormState) {
  const target = num(f.targetPercent)
  return {
    name: f.name,
    description: f.description.trim() || null,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    phases: f.phases.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
    scope: f.scope,
    questionnaireId: Number(f.questionnaireId) || 0,
    targetRate: target === undefined ? undefined : Math.round(target * 100) / 10000,
    satisfiedLevels: f.satisfiedLevels,
    minSample: num(f.minSample),
    quotaTotal: num(f.quotaTotal) ?? null,
    quotaPerWindow: num(f.quotaPerWindow) ?? null,
    repeatIntervalHours: num(f.repeatIntervalHours),
    minSeconds: num(f.minSeconds),
    weights: { citizenIndex: num(f.weightCitizen) ?? 0, supervisorMean: num(f.weightSupervisor) ?? 0, inspectionScore: num(f.weightInspection) ?? 0 },
    publishStaffNames: f.publishStaffNames,
  }
}

/** Fields of the form, for errors the server reports without a field. */
const FIELD_OF_CODE: Record<string, string> = { campaign_needs_citizen: 'questionnaireId', campaign_needs_published: 'questionnaireId', campaign_no_windows: 'scope' }

/**
 * Create or change a campaign: name and period (with optional phases), the windows in scope, the citizen
 * questionnaire and the target, quotas and the fairness settings. Activating and closing are here too.
 */
export function CampaignFormPage() {
  const t = useT()
  const user = useUser()
  const { path } = useLocation()
  const param = /^\/campaigns\/(new|\d+)/.exec(path)?.[1] ?? 'new'
  const id = param === 'new' ? null : Number(param)
  const [campaign, setCampaign] = useState<Campaign | null>(null)
  const [form, setForm] = useState<FormState>(blank)
  // What the user typed last, for a submit that comes before the page has re-rendered.
  const latest = useRef<FormState>(form)
  const replaceForm = (next: FormState) => {
    latest.current = next
    setForm(next)
  }
  const [index, setIndex] = useState<OrgIndex | null>(null)
  const [questionnaires, setQuestionnaires] = useState<Questionnaire[]>([])
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [targetInvalid, setTargetInvalid] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [action, setAction] = useState<'activate' | 'close' | null>(null)
  usePageTitle(campaign?.name ?? (id === null ? t('newCampaign') : t('navCampaigns')))

  const load = async () => {
    try {
      const [tree, qs, c] = await Promise.all([
        call(api.org.tree.$get({ query: {} })),
        call(api.questionnaires.$get({ query: { kind: 'citizen', includeArchived: 'true' } })),
        id === null ? Promise.resolve(null) : call(api.campaigns[':id'].$get({ param: { id: String(id) } })),
      ])
      setIndex(indexOrg(tree))
      setQuestionnaires(qs.items)
      setCampaign(c)
      replaceForm(c ? fromCampaign(c) : blank())
      setLoadError(null)
    } catch (e) {
      setLoadError(asApiError(e))
    }
  }
  useEffect(() => {
    setError(null)
    setNotice(null)
    void load()
  }, [id])

  if (loadError) return <LoadError error={loadError} onRetry={() => void load()} />
  if (!index || (id !== null && !campaign)) return <Loading />

  const mayEdit = canManageSurveys(user) && campaign?.status !== 'closed'
  const set = <K extends keyof FormState>(key: K, value: FormState[K] | ((old: FormState[K]) => FormState[K])) => {
    const old = latest.current
    replaceForm({ ...old, [key]: typeof value === 'function' ? (value as (o: FormState[K]) => FormState[K])(old[key]) : value })
    setNotice(null)
  }
  const fieldError = (field: string) => error?.field(field) ?? (error && FIELD_OF_CODE[error.code] === field ? error.message : undefined)
  const shownFields = ['name', 'description', 'startsOn', 'endsOn', 'phases', 'scope', 'questionnaireId', 'targetRate', 'satisfiedLevels', 'minSample', 'quotaTotal', 'quotaPerWindow', 'repeatIntervalHours', 'minSeconds', 'weights', 'publishStaffNames']

  const save = async (e: Event) => {
    e.preventDefault()
    if (busy) return
    const form = latest.current
    const target = num(form.targetPercent)
    const badTarget = target !== undefined && !(target >= 50 && target <= 100)
    setTargetInvalid(badTarget)
    if (badTarget) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      const json = toBody(form)
      const saved = id === null ? await call(api.campaigns.$post({ json })) : await call(api.campaigns[':id'].$put({ param: { id: String(id) }, json }))
      setBusy(false)
      if (id === null) {
        navigate(`/campaigns/${saved.id}`, { replace: true })
        return
      }
      setCampaign(saved)
      replaceForm(fromCampaign(saved))
      setNotice(t('campaignSaved'))
    } catch (err) {
      setBusy(false)
      setError(asApiError(err))
      requestAnimationFrame(() => document.querySelector('.campaign-form [aria-invalid="true"], .campaign-form .has-error, .campaign-form .alert-error')?.scrollIntoView?.({ block: 'center', behavior: 'smooth' }))
    }
  }

  const offered = questionnaires.filter((q) => !q.archived || String(q.id) === form.questionnaireId)
  const questionnaireOptions = [
    { value: '', label: t('chooseQuestionnaire') },
    ...offered.map((q) => ({ value: String(q.id), label: q.versions.some((v) => v.status === 'published') ? q.name : `${q.name}（${t('notPublishedYet')}）` })),
  ]
  const chosen = questionnaires.find((q) => String(q.id) === form.questionnaireId)
  const unpublished = chosen !== undefined && !chosen.versions.some((v) => v.status === 'published')
  const others = error ? error.otherFields(shownFields).filter((f) => !/^phases\.\d+\./.test(f.path)) : []

  return (
    <div class="page page-campaign">
      <p class="back-nav">
        <Link href="/campaigns" class="back-link">
          ← {t('backToCampaigns')}
        </Link>
      </p>
      <header class="page-header">
        <div>
          <h1 class="page-title">
            {campaign ? campaign.name : t('newCampaign')}
            {campaign ? <span class={`status-tag status-${campaign.status}`}>{t(STATUS_KEYS[campaign.status])}</span> : null}
          </h1>
          <p class="page-subtitle">{t('campaignsSubtitle')}</p>
        </div>
        {campaign && canManageSurveys(user) ? (
          <div class="page-actions">
            {campaign.status === 'draft' ? (
              <button type="button" class="btn btn-primary" onClick={() => setAction('activate')}>
                {t('activate')}
              </button>
            ) : null}
            {campaign.status === 'active' ? (
              <button type="button" class="btn btn-danger-quiet" onClick={() => setAction('close')}>
                {t('endCampaign')}
              </button>
            ) : null}
          </div>
        ) : null}
      </header>

      {campaign?.status === 'closed' ? <p class="alert alert-info">{t('campaignClosedBanner')}</p> : null}
      {campaign?.status === 'active' && mayEdit ? <p class="alert alert-success">{t('campaignActiveBanner')}</p> : null}
      {!canManageSurveys(user) ? <p class="alert alert-info">{t('campaignReadOnly')}</p> : null}
      {notice ? (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {error && error.fields.length === 0 ? <OverlapAlert error={error} /> : null}
      {error && error.fields.length > 0 ? (
        <div class="alert alert-error" role="alert">
          <p class="alert-title">{error.message}</p>
          {others.length > 0 ? (
            <ul class="alert-list">
              {others.map((f) => (
                <li>
                  <code>{f.path}</code> {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form key={campaign?.updatedAt ?? 'new'} class="campaign-form" noValidate onSubmit={save}>
        <fieldset class="form-sections" disabled={!mayEdit}>
          <section class="card card-padded form-section" aria-labelledby="campaign-basics">
            <h2 class="card-title" id="campaign-basics">
              {t('sectionBasics')}
            </h2>
            <TextInput label={t('campaignName')} value={form.name} required maxLength={100} hint={t('campaignNameHint')} error={fieldError('name')} onInput={(v) => set('name', v)} />
            <TextInput label={t('description')} value={form.description} maxLength={500} multiline error={fieldError('description')} onInput={(v) => set('description', v)} />
            <div class="field-row">
              <TextInput label={t('startsOn')} type="date" value={form.startsOn} required error={fieldError('startsOn')} onInput={(v) => set('startsOn', v)} />
              <TextInput label={t('endsOn')} type="date" value={form.endsOn} required error={fieldError('endsOn')} onInput={(v) => set('endsOn', v)} />
            </div>
            <PhasesEditor phases={form.phases} onChange={(update) => set('phases', update)} error={error} />
          </section>

          <section class="card card-padded form-section" aria-labelledby="campaign-scope">
            <h2 class="card-title" id="campaign-scope">
              {t('sectionScope')}
              <span class="field-required" aria-hidden="true">
                {' '}
                *
              </span>
            </h2>
            <ScopePicker index={index} value={form.scope} onChange={(update) => set('scope', update)} disabled={!mayEdit} error={fieldError('scope')} />
          </section>

          <section class="card card-padded form-section" aria-labelledby="campaign-target">
            <h2 class="card-title" id="campaign-target">
              {t('sectionQuestionnaire')}
            </h2>
            <SelectInput
              label={t('citizenQuestionnaire')}
              value={form.questionnaireId}
              options={questionnaireOptions}
              onChange={(v) => set('questionnaireId', v)}
              error={fieldError('questionnaireId')}
              hint={questionnaires.length === 0 ? t('noCitizenQuestionnaires') : unpublished ? t('questionnaireNeedsPublish') : undefined}
            />
            <div class="field-row field-row-3">
              <NumberField label={t('targetRate')} value={form.targetPercent} min={50} max={100} step="0.1" hint={t('targetRateHint')} error={targetInvalid ? t('targetRateInvalid') : fieldError('targetRate')} onInput={(v) => set('targetPercent', v)} />
              <NumberField label={t('minSample')} value={form.minSample} min={1} step="1" hint={t('minSampleHint')} error={fieldError('minSample')} onInput={(v) => set('minSample', v)} />
            </div>
            <fieldset class={`field level-choices${fieldError('satisfiedLevels') ? ' has-error' : ''}`}>
              <legend class="field-label">{t('satisfiedLevels')}</legend>
              <div class="check-grid">
                {LEVEL_ORDER.map((level) => (
                  <label class="check check-chip">
                    <input
                      type="checkbox"
                      checked={form.satisfiedLevels.includes(level)}
                      onChange={(e: Event) => {
                        const on = (e.currentTarget as HTMLInputElement).checked
                        set('satisfiedLevels', (old) => LEVEL_ORDER.filter((l) => (l === level ? on : old.includes(l))))
                      }}
                    />
                    <span>{t(LEVEL_KEYS[level]!)}</span>
                  </label>
                ))}
              </div>
              {fieldError('satisfiedLevels') ? <p class="field-error">{fieldError('satisfiedLevels')}</p> : <p class="field-hint">{t('satisfiedLevelsHint')}</p>}
            </fieldset>
            <fieldset class={`field${fieldError('weights') ? ' has-error' : ''}`}>
              <legend class="field-label">{t('compositeWeights')}</legend>
              <div class="field-row weights-row">
                <NumberField label={t('weightCitizen')} value={form.weightCitizen} min={0} max={100} step="1" onInput={(v) => set('weightCitizen', v)} />
                <NumberField label={t('weightSupervisor')} value={form.weightSupervisor} min={0} max={100} step="1" onInput={(v) => set('weightSupervisor', v)} />
                <NumberField label={t('weightInspection')} value={form.weightInspection} min={0} max={100} step="1" onInput={(v) => set('weightInspection', v)} />
              </div>
              {fieldError('weights') ? <p class="field-error">{fieldError('weights')}</p> : <p class="field-hint">{t('compositeWeightsHint')}</p>}
            </fieldset>
            <div class="field">
              <label class="check">
                <input
                  type="checkbox"
                  checked={form.publishStaffNames}
                  onChange={(e: Event) => set('publishStaffNames', () => (e.currentTarget as HTMLInputElement).checked)}
                />
                <span>{t('publishStaffNames')}</span>
              </label>
              <p class="field-hint">{t('publishStaffNamesHint')}</p>
            </div>
          </section>

          <section class="card card-padded form-section" aria-labelledby="campaign-fairness">
            <h2 class="card-title" id="campaign-fairness">
              {t('sectionFairness')}
            </h2>
            <div class="field-row">
              <NumberField label={t('quotaTotal')} value={form.quotaTotal} min={1} step="1" hint={t('quotaTotalHint')} error={fieldError('quotaTotal')} onInput={(v) => set('quotaTotal', v)} />
              <NumberField label={t('quotaPerWindow')} value={form.quotaPerWindow} min={1} step="1" error={fieldError('quotaPerWindow')} onInput={(v) => set('quotaPerWindow', v)} />
            </div>
            <div class="field-row">
              <NumberField
                label={t('repeatInterval')}
                value={form.repeatIntervalHours}
                min={0}
                max={720}
                step="1"
                hint={t('repeatIntervalHint')}
                error={fieldError('repeatIntervalHours')}
                onInput={(v) => set('repeatIntervalHours', v)}
              />
              <NumberField label={t('minSeconds')} value={form.minSeconds} min={0} max={120} step="1" hint={t('minSecondsHint')} error={fieldError('minSeconds')} onInput={(v) => set('minSeconds', v)} />
            </div>
          </section>
        </fieldset>

        {mayEdit ? (
          <div class="form-footer">
            <Link href="/campaigns" class="btn">
              {t('cancel')}
            </Link>
            <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
              {busy ? t('saving') : id === null ? t('create') : t('save')}
            </button>
          </div>
        ) : null}
      </form>

      {campaign ? <SupervisionSettings campaign={campaign} index={index} mayEdit={mayEdit} /> : null}

      {campaign && action ? (
        <CampaignActionDialog
          campaign={campaign}
          action={action}
          onClose={() => setAction(null)}
          onDone={(c) => {
            setCampaign(c)
            replaceForm(fromCampaign(c))
            setAction(null)
            setNotice(action === 'activate' ? t('campaignActivated') : null)
          }}
        />
      ) : null}
    </div>
  )
}

interface PhasesEditorProps {
  phases: FormState['phases']
  onChange: (update: (phases: FormState['phases']) => FormState['phases']) => void
  error: ApiError | null
}

/** Optional phases of the campaign (动员部署, 自查整改 …), each with its own dates inside the period. */
function PhasesEditor({ phases, onChange, error }: PhasesEditorProps) {
  const t = useT()
  const setPhase = (i: number, patch: Partial<FormState['phases'][number]>) => onChange((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <fieldset class="field phases-editor">
      <legend class="field-label">{t('phases')}</legend>
      <p class="field-hint">{t('phasesHint')}</p>
      {phases.length > 0 ? (
        <ol class="phase-list">
          {phases.map((p, i) => (
            <li key={p.uid} class="phase-row">
              <TextInput label={t('phaseNameN', { n: i + 1 })} value={p.name} required maxLength={50} error={error?.field(`phases.${i}.name`)} onInput={(name) => setPhase(i, { name })} />
              <TextInput label={t('phaseStartN', { n: i + 1 })} type="date" value={p.startsOn} required error={error?.field(`phases.${i}.startsOn`)} onInput={(startsOn) => setPhase(i, { startsOn })} />
              <TextInput label={t('phaseEndN', { n: i + 1 })} type="date" value={p.endsOn} required error={error?.field(`phases.${i}.endsOn`)} onInput={(endsOn) => setPhase(i, { endsOn })} />
              <button type="button" class="btn btn-small btn-quiet btn-danger-quiet phase-remove" aria-label={t('removePhaseNamed', { n: i + 1 })} onClick={() => onChange((list) => list.filter((_, j) => j !== i))}>
                {t('removeQuestion')}
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div>
        <button type="button" class="btn btn-small" disabled={phases.length >= 12} onClick={() => onChange((list) => [...list, { uid: nextUid(), name: '', startsOn: list[list.length - 1]?.endsOn ?? '', endsOn: '' }])}>
          + {t('addPhase')}
        </button>
      </div>
    </fieldset>
  )
}
