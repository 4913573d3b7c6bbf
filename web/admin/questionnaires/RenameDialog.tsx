import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { TextField } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { optional, text } from '../../ui/use-submit'

/** A questionnaire's name and description (staff-facing; the title citizens see is part of each version). */
export function RenameDialog({ questionnaire, onSaved, onClose }: { questionnaire: Questionnaire; onSaved: (q: Questionnaire) => void; onClose: () => void }) {
  const t = useT()
  const save = (form: FormData) =>
    call(api.questionnaires[':id'].$patch({ param: { id: String(questionnaire.id) }, json: { name: text(form, 'name'), description: optional(form, 'description') } }))
  return (
    <FormDialog title={t('editQuestionnaireTitle')} submitLabel={t('save')} fields={['name', 'description']} onSubmit={save} onDone={onSaved} onClose={onClose}>
      {(error) => (
        <>
          <TextField name="name" label={t('questionnaireName')} value={questionnaire.name} required maxLength={100} error={error?.field('name')} />
          <TextField name="description" label={t('description')} value={questionnaire.description} maxLength={500} hint={t('descriptionHint')} error={error?.field('description')} />
        </>
      )}
    </FormDialog>
  )
}
