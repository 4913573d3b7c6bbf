import { useState } from 'hono/jsx'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import type { Definition, QuestionnaireKind } from '../../../shared/survey/definition'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { SelectField, TextField } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { optional, text } from '../../ui/use-submit'
import { KIND_KEYS } from './labels'

/**
 * The one question a blank questionnaire starts with: a citizen questionnaire must have its overall rating, a
 * supervisor form gets an overall score. (Questionnaire texts are Chinese first, whatever the UI language.)
 */
export function starterDefinition(kind: QuestionnaireKind, title: string): Definition {
  const question =
    kind === 'citizen'
      ? { key: 'overall', type: 'satisfaction5' as const, text: { zh: '您对本次服务的整体满意度', en: 'Overall, how satisfied are you with this service?' }, required: true, weight: 1, overall: true }
      : { key: 'score', type: 'score100' as const, text: { zh: '综合评分', en: 'Overall score' }, required: true, weight: 1, overall: false }
  return { title: { zh: title, en: undefined }, questions: [question] }
}

/** A new questionnaire from scratch: who answers it and its name; the questions are then added in the builder. */
export function BlankDialog({ onCreated, onClose }: { onCreated: (q: Questionnaire) => void; onClose: () => void }) {
  const t = useT()
  const [kind, setKind] = useState<QuestionnaireKind>('citizen')
  const create = (form: FormData) => {
    const name = text(form, 'name')
    const description = optional(form, 'description')
    return call(api.questionnaires.$post({ json: { kind, name, ...(description ? { description } : {}), definition: starterDefinition(kind, name || '—') } }))
  }
  const kinds = (['citizen', 'supervisor'] as const).map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))
  return (
    <FormDialog title={t('blankDialogTitle')} submitLabel={t('create')} fields={['kind', 'name', 'description']} onSubmit={create} onDone={onCreated} onClose={onClose}>
      {(error) => (
        <>
          <SelectField
            name="kind"
            label={t('questionnaireKind')}
            value={kind}
            options={kinds}
            required
            onChange={(v) => setKind(v as QuestionnaireKind)}
            hint={kind === 'citizen' ? t('blankKindHint') : undefined}
            error={error?.field('kind')}
          />
          <TextField name="name" label={t('questionnaireName')} required maxLength={100} error={error?.field('name')} />
          <TextField name="description" label={t('description')} maxLength={500} hint={t('descriptionHint')} error={error?.field('description')} />
        </>
      )}
    </FormDialog>
  )
}
