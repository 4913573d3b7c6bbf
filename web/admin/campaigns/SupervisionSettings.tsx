import { useEffect, useRef, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import type { Assignment, Supervision } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { FormAlert } from '../../ui/FormAlert'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { NumberTextInput } from '../questionnaires/builder/fields'
import type { OrgIndex } from '../org/tree-model'
import { AssignmentDialog } from './AssignmentDialog'
import { campaignIndex, scopeNames } from './campaign-windows'

interface SupervisionSettingsProps {
  campaign: Campaign
  index: OrgIndex
  /** Administrators change the settings; everyone else reads them. */
  mayEdit: boolean
}

const isPublished = (q: Questionnaire) => q.versions.some((v) => v.status === 'published')
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s))

/**
 * 监督评议 on a saved campaign: the supervisor forms its visits use, the monthly visit quota per window (of which
 * undercover), and which supervisor is assigned to which windows.
 */
export function SupervisionSettings({ campaign, index, mayEdit }: SupervisionSettingsProps) {
  const t = useT()
  const user = useUser()
  // Who is assigned where is not for unit managers: it would tell them who may visit undercover.
  const showAssignments = user.role !== 'manager'
  const [supervision, setSupervision] = useState<Supervision | null>(null)
  const [forms, setForms] = useState<Questionnaire[]>([])
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [chosen, setChosen] = useState<number[]>([])
  const [visits, setVisits] = useState('')
  const [undercover, setUndercover] = useState('')
  // What was typed last, for a save that comes before the section has re-rendered.
  const latest = useRef({ chosen, visits, undercover })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<Assignment | null>(null)

  const show = (s: Supervision) => {
    setSupervision(s)
    latest.current = {
      chosen: s.forms.map((f) => f.questionnaireId),
      visits: s.visitsPerWindowPerMonth === null ? '' : String(s.visitsPerWindowPerMonth),
      undercover: s.undercoverPerWindowPerMonth === null ? '' : String(s.undercoverPerWindowPerMonth),
    }
    setChosen(latest.current.chosen)
    setVisits(latest.current.visits)
    setUndercover(latest.current.undercover)
  }

  const load = async () => {
    try {
      const param = { id: String(campaign.id) }
      const [s, qs] = await Promise.all([call(api.campaigns[':id'].supervision.$get({ param })), call(api.questionnaires.$get({ query: { kind: 'supervisor', includeArchived: 'true' } }))])
      setForms(qs.items)
      show(s)
      setLoadError(null)
    } catch (e) {
      setLoadError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [campaign.id])

  const edit = (patch: Partial<typeof latest.current>) => {
    latest.current = { ...latest.current, ...patch }
    if (patch.chosen) setChosen(patch.chosen)
    if (patch.visits !== undefined) setVisits(patch.visits)
    if (patch.undercover !== undefined) setUndercover(patch.undercover)
    setNotice(null)
  }

  const save = async (e: Event) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    const f = latest.current
    try {
      const saved = await call(
        api.campaigns[':id'].supervision.$put({
          param: { id: String(campaign.id) },
          json: { questionnaireIds: f.chosen, visitsPerWindowPerMonth: numberOrNull(f.visits), undercoverPerWindowPerMonth: numberOrNull(f.undercover) },
        }),
      )
      show(saved)
      setNotice(t('svSettingsSaved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const heading = (
    <h2 class="card-title" id="campaign-supervision">
      {t('svSection')}
    </h2>
  )
  if (loadError) {
    return (
      <section class="card card-padded sv-campaign-section" aria-labelledby="campaign-supervision">
        {heading}
        <LoadError error={loadError} onRetry={() => void load()} />
      </section>
    )
  }
  if (!supervision) {
    return (
      <section class="card card-padded sv-campaign-section" aria-labelledby="campaign-supervision">
        {heading}
        <Loading />
      </section>
    )
  }

  const inCampaign = campaignIndex(index, campaign.scope)
  const formsError = error?.field('questionnaireIds') ?? (error?.code === 'supervision_form_invalid' ? error.message : undefined)
  const offered = forms.filter((q) => !q.archived || chosen.includes(q.id))
  const quotaText =
    supervision.visitsPerWindowPerMonth === null && supervision.undercoverPerWindowPerMonth === null
      ? t('svNoQuotaSet')
      : supervision.undercoverPerWindowPerMonth === null
        ? t('svQuotaRuleVisits', { visits: supervision.visitsPerWindowPerMonth! })
        : supervision.visitsPerWindowPerMonth === null
          ? t('svQuotaRuleUndercover', { undercover: supervision.undercoverPerWindowPerMonth })
          : t('svQuotaRule', { visits: supervision.visitsPerWindowPerMonth, undercover: supervision.undercoverPerWindowPerMonth })

  return (
    <section class="card card-padded sv-campaign-section" aria-labelledby="campaign-supervision">
      {heading}
      <p class="field-hint sv-section-intro">{t('svSectionIntro')}</p>

      {mayEdit ? (
        <form class="sv-settings-form" noValidate onSubmit={save}>
          {notice ? (
            <p class="alert alert-success" role="status">
              {notice}
            </p>
          ) : null}
          {error && !formsError ? <FormAlert error={error} fields={['questionnaireIds', 'visitsPerWindowPerMonth', 'undercoverPerWindowPerMonth']} /> : null}
          <fieldset class={`field sv-forms${formsError ? ' has-error' : ''}`} aria-describedby="sv-forms-hint">
            <legend class="field-label">{t('svForms')}</legend>
            {offered.length === 0 ? (
              <p class="empty-inline">
                {t('svNoSupervisorForms')} <Link href="/questionnaires">{t('navQuestionnaires')}</Link>
              </p>
            ) : (
              <div class="check-grid">
                {offered.map((q) => {
                  const published = isPublished(q)
                  return (
                    <label class={`check check-chip${published ? '' : ' is-disabled'}`}>
                      <input
                        type="checkbox"
                        checked={chosen.includes(q.id)}
                        disabled={!published && !chosen.includes(q.id)}
                        onChange={(e: Event) => {
                          const on = (e.currentTarget as HTMLInputElement).checked
                          edit({ chosen: on ? [...latest.current.chosen.filter((id) => id !== q.id), q.id] : latest.current.chosen.filter((id) => id !== q.id) })
                        }}
                      />
                      <span>
                        {q.name}
                        {published ? null : <span class="muted">（{t('notPublishedYet')}）</span>}
                      </span>
                    </label>
                  )
                })}
              </div>
            )}
            {formsError ? (
              <p class="field-error">{formsError}</p>
            ) : (
              <p class="field-hint" id="sv-forms-hint">
                {t('svFormsHint')}
              </p>
            )}
          </fieldset>
          <div class="field-row">
            <NumberTextInput label={t('svQuotaVisitsLabel')} value={visits} min={1} max={100} step="1" hint={t('svQuotaVisitsHint')} error={error?.field('visitsPerWindowPerMonth')} onInput={(v) => edit({ visits: v })} />
            <NumberTextInput
              label={t('svQuotaUndercoverLabel')}
              value={undercover}
              min={1}
              max={100}
              step="1"
              hint={t('svQuotaUndercoverHint')}
              error={error?.field('undercoverPerWindowPerMonth')}
              onInput={(v) => edit({ undercover: v })}
            />
          </div>
          <div class="sv-settings-actions">
            <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
              {busy ? t('saving') : t('svSaveSettings')}
            </button>
          </div>
        </form>
      ) : (
        <dl class="facts sv-readonly-facts">
          <div class="fact">
            <dt>{t('svForms')}</dt>
            <dd>{supervision.forms.length === 0 ? <span class="muted">{t('svNoFormsChosen')}</span> : supervision.forms.map((f) => f.name).join('、')}</dd>
          </div>
          <div class="fact">
            <dt>{t('svQuota')}</dt>
            <dd>{quotaText}</dd>
          </div>
        </dl>
      )}

      {showAssignments ? (
        <div class="sv-assignments">
          <div class="sv-assignments-head">
            <h3 class="sv-subtitle">
              {t('svAssignments')} <span class="count">{supervision.assignments.length}</span>
            </h3>
            {mayEdit ? (
              <button type="button" class="btn btn-small" onClick={() => setAdding(true)}>
                + {t('svAddAssignment')}
              </button>
            ) : null}
          </div>
          {supervision.assignments.length === 0 ? (
            <p class="empty-inline">{mayEdit ? t('svNoAssignmentsAdmin') : t('svNoAssignments')}</p>
          ) : (
            <div class="table-wrap">
              <table class="table table-compact sv-assignment-table">
                <thead>
                  <tr>
                    <th scope="col">{t('svSupervisor')}</th>
                    <th scope="col">{t('svAssignedScope')}</th>
                    <th scope="col" class="num">
                      {t('windows')}
                    </th>
                    <th scope="col">{t('svAssignedAt')}</th>
                    {mayEdit ? (
                      <th scope="col" class="actions-col">
                        <span class="visually-hidden">{t('actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {supervision.assignments.map((a) => (
                    <tr>
                      <th scope="row" class="sv-row-head">
                        {a.supervisorName}
                      </th>
                      <td class="sv-cell-scope">{scopeNames(index, a.scope).join('、')}</td>
                      <td class="num">{a.windowCount}</td>
                      <td class="nowrap">{formatDateTime(a.createdAt)}</td>
                      {mayEdit ? (
                        <td class="actions-col">
                          <button type="button" class="btn btn-small btn-quiet btn-danger-quiet" aria-label={t('svRemoveAssignmentNamed', { name: a.supervisorName })} onClick={() => setRemoving(a)}>
                            {t('svRemove')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ) : null}

      {adding ? (
        <AssignmentDialog
          campaignId={campaign.id}
          index={inCampaign}
          onClose={() => setAdding(false)}
          onDone={(a) => {
            setAdding(false)
            setSupervision({ ...supervision, assignments: [...supervision.assignments, a].sort((x, y) => x.supervisorName.localeCompare(y.supervisorName, 'zh-CN') || x.id - y.id) })
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('svRemoveAssignmentNamed', { name: removing.supervisorName })}
          message={t('svRemoveAssignmentNote')}
          confirmLabel={t('svRemove')}
          danger
          onConfirm={() => call(api.campaigns[':id'].assignments[':assignmentId'].$delete({ param: { id: String(campaign.id), assignmentId: String(removing.id) } }))}
          onDone={() => {
            setSupervision({ ...supervision, assignments: supervision.assignments.filter((a) => a.id !== removing.id) })
            setRemoving(null)
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </section>
  )
}
