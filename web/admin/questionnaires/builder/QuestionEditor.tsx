import { useState } from 'hono/jsx'
import type { FieldProblem } from '../../../app/api-error'
import type { Definition, QuestionType } from '../../../../shared/survey/definition'
import { useT } from '../../../app/i18n'
import { BUILT_IN_DIMENSIONS, DIMENSION_KEYS, isBuiltInDimension, QUESTION_TYPE_ORDER, TYPE_KEYS } from '../labels'
import { ConditionEditor } from './ConditionEditor'
import { problemAt, retype, setOptions, setOverall, updateQuestion } from './draft-model'
import { CheckInput, NumberInput, SelectInput, TextInput } from './fields'
import { OptionsEditor } from './OptionsEditor'

const CUSTOM = '__custom'

interface QuestionEditorProps {
  def: Definition
  index: number
  kind: 'citizen' | 'supervisor'
  problems: readonly FieldProblem[] | undefined
  /** Called with the edit; the page applies it to its latest draft. */
  onChange: (change: (def: Definition) => Definition) => void
}

/** Everything about one question: type, texts, required, dimension, weight, overall, and what its type needs. */
export function QuestionEditor({ def, index, kind, problems, onChange }: QuestionEditorProps) {
  const t = useT()
  const q = def.questions[index]!
  const [customDimension, setCustomDimension] = useState(q.dimension !== undefined && !isBuiltInDimension(q.dimension))
  const patch = (p: (question: typeof q) => typeof q) => onChange((d) => updateQuestion(d, index, p))
  const err = (path: string) => problemAt(problems, path)

  const types = QUESTION_TYPE_ORDER.map((type) => ({ value: type, label: t(TYPE_KEYS[type]) }))
  const dimensions = [
    { value: '', label: t('dimensionNone') },
    ...BUILT_IN_DIMENSIONS.map((d) => ({ value: d, label: t(DIMENSION_KEYS[d]) })),
    { value: CUSTOM, label: t('dimensionCustom') },
  ]
  const dimensionValue = customDimension ? CUSTOM : (q.dimension ?? '')
  const chooseDimension = (value: string) => {
    setCustomDimension(value === CUSTOM)
    patch(({ dimension: old, ...rest }) => (value === '' ? rest : value === CUSTOM ? { ...rest, dimension: isBuiltInDimension(old) ? '' : (old ?? '') } : { ...rest, dimension: value }))
  }
  // Arrays that are too short come back as "不能小于 2"; say what to do instead.
  const optionsProblem = problems?.find((p) => p.path === 'options')
  const optionsError = optionsProblem?.code === 'field_too_small' ? t('optionsAtLeastTwo') : optionsProblem?.message
  const conditionError = err('condition.anyOf') ? t('conditionPickValue') : err('condition')

  return (
    <div class="q-editor">
      <div class="q-editor-grid">
        <SelectInput label={t('questionType')} value={q.type} options={types} onChange={(type) => onChange((d) => retype(d, index, type as QuestionType))} error={err('type')} />
        <SelectInput label={t('dimension')} value={dimensionValue} options={dimensions} onChange={chooseDimension} error={customDimension ? undefined : err('dimension')} />
        <NumberInput label={t('weightRange')} value={q.weight} min={0} max={100} onChange={(weight) => patch((x) => ({ ...x, weight: weight ?? 0 }))} error={err('weight')} />
      </div>
      {customDimension ? (
        <TextInput
          label={t('customDimension')}
          value={q.dimension ?? ''}
          maxLength={20}
          hint={t('customDimensionHint')}
          error={err('dimension')}
          onInput={(dimension) => patch((x) => ({ ...x, dimension }))}
          class="q-custom-dimension"
        />
      ) : null}
      <div class="field-row">
        <TextInput label={t('questionTextZh')} lang="zh-CN" required multiline maxLength={300} value={q.text.zh} error={err('text.zh')} onInput={(zh) => patch((x) => ({ ...x, text: { ...x.text, zh } }))} />
        <TextInput label={t('questionTextEn')} lang="en" multiline maxLength={300} value={q.text.en ?? ''} error={err('text.en')} onInput={(en) => patch((x) => ({ ...x, text: { ...x.text, en } }))} />
      </div>
      <div class="q-flags">
        <CheckInput label={t('required')} checked={q.required} disabled={q.overall} onChange={(required) => patch((x) => ({ ...x, required }))} />
        {q.type === 'satisfaction5' && kind === 'citizen' ? (
          <CheckInput label={t('overallQuestion')} checked={q.overall} hint={t('overallHint')} onChange={(on) => onChange((d) => setOverall(d, index, on))} />
        ) : null}
      </div>
      {err('required') || err('overall') ? <p class="field-error">{err('required') ?? err('overall')}</p> : null}

      {q.type === 'single' || q.type === 'multiple' ? (
        <OptionsEditor question={q} problems={problems} error={optionsError} onChange={(update) => onChange((d) => setOptions(d, index, update(d.questions[index]?.options ?? [])))} />
      ) : optionsError ? (
        <p class="field-error">{optionsError}</p>
      ) : null}

      {q.type === 'check' ? (
        <div class="q-editor-grid q-editor-grid-2">
          <NumberInput label={t('checkPoints')} value={q.points} min={0} max={100} hint={t('checkPointsHint')} error={err('points')} onChange={(points) => patch(({ points: _old, ...x }) => (points === undefined ? x : { ...x, points }))} />
          <div class="field">
            <span class="field-label">{t('veto')}</span>
            <CheckInput label={t('vetoHint')} checked={q.veto === true} onChange={(veto) => patch(({ veto: _old, ...x }) => (veto ? { ...x, veto } : x))} />
          </div>
        </div>
      ) : null}

      {q.type === 'text' ? (
        <div class="q-editor-grid q-editor-grid-2">
          <NumberInput
            label={t('maxLength')}
            value={q.maxLength}
            min={1}
            max={2000}
            step={1}
            hint={t('maxLengthHint')}
            error={err('maxLength')}
            onChange={(maxLength) => patch(({ maxLength: _old, ...x }) => (maxLength === undefined ? x : { ...x, maxLength }))}
          />
          <div class="field">
            <span class="field-label">{t('answerFormat')}</span>
            <CheckInput label={t('phoneFormat')} checked={q.format === 'phone'} onChange={(on) => patch(({ format: _old, ...x }) => (on ? { ...x, format: 'phone' } : x))} />
            {err('format') ? <p class="field-error">{err('format')}</p> : null}
          </div>
        </div>
      ) : null}

      {q.overall ? null : <ConditionEditor def={def} index={index} onChange={onChange} error={conditionError} />}
    </div>
  )
}
