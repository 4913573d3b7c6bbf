import type { FieldProblem } from '../../../app/api-error'
import type { Definition } from '../../../../shared/survey/definition'
import { useLocale, useT } from '../../../app/i18n'
import { DIMENSION_KEYS, isBuiltInDimension, TYPE_KEYS } from '../labels'
import { answerLabel } from './ConditionEditor'
import { answerValues } from './draft-model'
import { localText } from './fields'
import { ArrowIcon, ChevronIcon, RemoveIcon } from './icons'
import { QuestionEditor } from './QuestionEditor'

interface QuestionCardProps {
  def: Definition
  index: number
  kind: 'citizen' | 'supervisor'
  editable: boolean
  open: boolean
  problems: readonly FieldProblem[] | undefined
  onToggle: () => void
  onChange: (change: (def: Definition) => Definition) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}

/** One question: its number, text and settings at a glance; opened, the form that edits it. */
export function QuestionCard(props: QuestionCardProps) {
  const t = useT()
  const locale = useLocale()
  const { def, index, editable, open, problems } = props
  const q = def.questions[index]!
  const n = index + 1
  const source = q.condition ? def.questions.find((s) => s.key === q.condition!.question) : undefined
  const dimension = q.dimension ? (isBuiltInDimension(q.dimension) ? t(DIMENSION_KEYS[q.dimension]) : q.dimension) : null
  const problemCount = problems?.length ?? 0
  const headingId = `q-${q.key}-title`

  return (
    <li class={`q-card${open ? ' is-open' : ''}${problemCount > 0 ? ' has-error' : ''}`} data-key={q.key} aria-labelledby={headingId}>
      <div class="q-card-head">
        <span class="q-number" aria-hidden="true">
          {n}
        </span>
        <div class="q-summary">
          <h3 class="q-text" id={headingId}>
            <span class="visually-hidden">{t('questionN', { n })}：</span>
            {localText(q.text, locale)}
          </h3>
          <p class="q-meta">
            <span class="tag">{t(TYPE_KEYS[q.type])}</span>
            {q.overall ? <span class="tag tag-accent">{t('badgeOverall')}</span> : null}
            {q.required ? <span class="tag tag-quiet">{t('badgeRequired')}</span> : null}
            {q.veto ? <span class="tag tag-danger">{t('badgeVeto')}</span> : null}
            {dimension ? <span class="q-meta-item">{dimension}</span> : null}
            <span class="q-meta-item">{t('weightN', { n: q.weight })}</span>
            {q.type === 'check' && q.points !== undefined ? <span class="q-meta-item">{t('pointsN', { n: Math.round(q.points * 100) / 100 })}</span> : null}
            {q.format === 'phone' ? <span class="q-meta-item">{t('badgePhone')}</span> : null}
            {q.type === 'text' && q.maxLength !== undefined ? <span class="q-meta-item">{t('maxLengthN', { n: q.maxLength })}</span> : null}
            <span class="q-meta-item code">{q.key}</span>
          </p>
          {source ? (
            <p class="q-condition">
              <span class="tag tag-quiet">{t('badgeCondition')}</span>{' '}
              {t('conditionSummary', {
                n: def.questions.indexOf(source) + 1,
                values:
                  answerValues(source)
                    .filter((v) => q.condition!.anyOf.includes(v))
                    .map((v) => answerLabel(source, v, t, locale))
                    .join(locale === 'en' ? ', ' : '、') || '—',
              })}
            </p>
          ) : null}
          {!open && q.options ? (
            <ul class="q-options">
              {q.options.map((o) => (
                <li>{localText(o.text, locale)}</li>
              ))}
            </ul>
          ) : null}
          {!open && problemCount > 0 ? <p class="field-error">{t('questionProblems', { count: problemCount })}</p> : null}
        </div>
        {editable ? (
          <div class="q-actions">
            <button type="button" class="icon-button" disabled={index === 0} aria-label={t('moveUpNamed', { n })} title={t('moveUp')} onClick={() => props.onMove(-1)}>
              <ArrowIcon direction="up" />
            </button>
            <button type="button" class="icon-button" disabled={index === def.questions.length - 1} aria-label={t('moveDownNamed', { n })} title={t('moveDown')} onClick={() => props.onMove(1)}>
              <ArrowIcon direction="down" />
            </button>
            <button type="button" class="icon-button icon-button-danger" aria-label={t('removeQuestionNamed', { n })} title={t('removeQuestion')} onClick={() => props.onRemove()}>
              <RemoveIcon />
            </button>
            <button type="button" class="btn btn-small q-toggle" aria-expanded={open ? 'true' : 'false'} aria-label={open ? undefined : t('editQuestionNamed', { n })} onClick={() => props.onToggle()}>
              {open ? t('collapse') : t('edit')}
              <ChevronIcon open={open} />
            </button>
          </div>
        ) : null}
      </div>
      {editable && open ? <QuestionEditor key={q.key} def={def} index={index} kind={props.kind} problems={problems} onChange={props.onChange} /> : null}
    </li>
  )
}
