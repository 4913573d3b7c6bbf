import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import type { Definition, QuestionnaireKind } from '../../../shared/survey/definition'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { TextField } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'
import { KIND_KEYS } from './labels'

/** A built-in template as GET /api/questionnaires/templates lists it. */
export interface TemplateInfo {
  key: string
  kind: QuestionnaireKind
  name: string
  description: string
  definition: Definition
}

/** Pick a built-in template (window service, 五个好, 六项承诺); the new questionnaire starts as its version 1 draft. */
export function TemplateDialog({ templates, onCreated, onClose }: { templates: TemplateInfo[]; onCreated: (q: Questionnaire) => void; onClose: () => void }) {
  const t = useT()
  const create = (form: FormData) => {
    const name = text(form, 'name')
    return call(api.questionnaires.$post({ json: { fromTemplate: text(form, 'template'), ...(name ? { name } : {}) } }))
  }
  return (
    <FormDialog title={t('templateDialogTitle')} submitLabel={t('create')} fields={['fromTemplate', 'name']} onSubmit={create} onDone={onCreated} onClose={onClose} size="wide">
      {(error) => (
        <>
          <fieldset class="field template-choices">
            <legend class="field-label">{t('chooseTemplate')}</legend>
            {templates.map((tpl, i) => (
              <label class="template-choice">
                <input type="radio" name="template" value={tpl.key} checked={i === 0} />
                <span class="template-choice-text">
                  <span class="template-choice-name">{tpl.name}</span>
                  <span class="template-choice-description">{tpl.description}</span>
                  <span class="template-choice-meta">
                    {t(KIND_KEYS[tpl.kind])} · {t('templateQuestions', { count: tpl.definition.questions.length })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <TextField name="name" label={t('nameOptional')} maxLength={100} hint={t('nameFromTemplateHint')} error={error?.field('name')} />
        </>
      )}
    </FormDialog>
  )
}
