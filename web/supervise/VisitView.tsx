import type { Visit } from '../../shared/schemas/supervision'
import { visibleQuestions, type Answers } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import { formatDateTime } from '../app/dates'
import { useLocale, useT } from '../app/i18n'
import { localText } from '../survey/i18n'
import { answerText, formatScore, STATUS_LABEL, TYPE_LABEL } from './labels'
import { PhotoGrid } from './Photos'

/**
 * A visit that can no longer change (submitted, annulled, or a draft outside the term): its scores, the veto, the
 * findings, every answer in words, the notes and the photos; an annulled visit leads with its reason.
 */
export function VisitView({ visit: v, definition }: { visit: Visit; definition: Definition | undefined }) {
  const t = useT()
  const locale = useLocale()
  const answers = v.answers as Answers
  const questions = definition ? visibleQuestions(definition, answers) : []
  const known = new Set(definition?.questions.map((q) => q.key) ?? [])
  const stray = Object.keys(answers).filter((key) => !known.has(key))
  return (
    <div class="spv-view">
      {v.status === 'annulled' ? (
        <div class="alert alert-error spv-banner">
          <p class="alert-title">{t('spvAnnulledTitle')}</p>
          {v.annulReason ? <p>{t('spvAnnulReason', { reason: v.annulReason })}</p> : null}
          {v.annulledAt ? <p>{t('spvAnnulledAt', { at: formatDateTime(v.annulledAt) })}</p> : null}
        </div>
      ) : null}
      <dl class="spv-facts">
        <div>
          <dt>{t('status')}</dt>
          <dd>
            <span class={`badge spv-status-${v.status}`}>{t(STATUS_LABEL[v.status])}</span>
          </dd>
        </div>
        <div>
          <dt>{t('spvVisitType')}</dt>
          <dd>{t(TYPE_LABEL[v.type])}</dd>
        </div>
        <div>
          <dt>{t('spvVisitedAt')}</dt>
          <dd>{formatDateTime(v.visitedAt)}</dd>
        </div>
        {v.submittedAt ? (
          <div>
            <dt>{t('spvSubmittedAt')}</dt>
            <dd>{formatDateTime(v.submittedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {v.status !== 'draft' ? (
        <div class="spv-scores">
          <div class={`spv-score-card${v.status === 'annulled' ? ' is-void' : ''}`}>
            <span class="spv-score-label">{t('spvScore')}</span>
            <span class="spv-score-value">{formatScore(v.score)}</span>
          </div>
          <div class={`spv-score-card${v.status === 'annulled' ? ' is-void' : ''}`}>
            <span class="spv-score-label">{t('spvInspectionScore')}</span>
            <span class="spv-score-value">{formatScore(v.inspectionScore)}</span>
          </div>
          {v.vetoed ? <p class="spv-veto-banner">{t('spvVetoed')}</p> : null}
        </div>
      ) : null}
      {v.status !== 'draft' && (v.findings.length > 0 || v.inspectionScore !== null) ? (
        <section class="spv-card" aria-labelledby="spv-findings-title">
          <h2 class="spv-card-title" id="spv-findings-title">
            {t('spvFindings')}
          </h2>
          {v.findings.length === 0 ? (
            <p class="spv-muted">{t('spvNoFindings')}</p>
          ) : (
            <ul class="spv-findings">
              {v.findings.map((f) => (
                <li>
                  {f.text}
                  {f.veto ? <span class="spv-veto">{t('spvVeto')}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section class="spv-card" aria-labelledby="spv-answers-title">
        <h2 class="spv-card-title" id="spv-answers-title">
          {t('spvQuestions')}
        </h2>
        <dl class="spv-answers">
          {questions.map((q) => (
            <div class={q.type === 'check' && answers[q.key] === false ? 'is-failed' : ''}>
              <dt>{localText(q.text, locale)}</dt>
              <dd>{answerText(t, locale, q, answers[q.key])}</dd>
            </div>
          ))}
          {stray.map((key) => (
            <div>
              <dt>{t('spvUnknownQuestion', { key })}</dt>
              <dd>{answerText(t, locale, undefined, answers[key])}</dd>
            </div>
          ))}
        </dl>
        {v.notes ? (
          <div class="spv-notes">
            <h3 class="spv-group-title">{t('spvNotes')}</h3>
            <p>{v.notes}</p>
          </div>
        ) : null}
      </section>
      <section class="spv-card" aria-labelledby="spv-photos-title">
        <h2 class="spv-card-title" id="spv-photos-title">
          {t('spvPhotos')}
        </h2>
        {v.photos.length === 0 ? <p class="spv-muted">{t('spvNoPhotos')}</p> : <PhotoGrid photos={v.photos} />}
      </section>
    </div>
  )
}
