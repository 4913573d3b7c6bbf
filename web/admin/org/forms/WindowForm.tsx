import type { Window, WindowKind } from '../../../../shared/schemas/org'
import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { SelectField, TextField } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { optional, text } from '../../../ui/use-submit'
import { KIND_KEYS } from '../KindIcon'

interface WindowFormProps {
  window?: Window
  /** The unit a new window goes into. */
  unitId: number
  location: string
  onSaved: (w: Window) => void
  onClose: () => void
}

/** Create a window (窗口 / 站点 / 班组) in a unit, or edit one. */
export function WindowForm({ window, unitId, location, onSaved, onClose }: WindowFormProps) {
  const t = useT()
  const save = (form: FormData) => {
    const kind = text(form, 'kind') as WindowKind
    const fields = { code: text(form, 'code'), name: text(form, 'name'), kind, location: optional(form, 'location'), openingHours: optional(form, 'openingHours') }
    return window
      ? call(api.org.windows[':id'].$patch({ param: { id: String(window.id) }, json: fields }))
      : call(api.org.windows.$post({ json: { ...fields, unitId } }))
  }
  const kinds = (Object.keys(KIND_KEYS) as WindowKind[]).map((k) => ({ value: k, label: t(KIND_KEYS[k]) }))
  return (
    <FormDialog
      title={window ? t('editWindow') : t('newWindow')}
      submitLabel={window ? t('save') : t('create')}
      fields={['code', 'name', 'kind', 'location', 'openingHours']}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      {(error) => (
        <>
          <p class="form-context">
            <span class="muted">{window ? t('belongsTo') : t('createIn')}</span> {location}
          </p>
          <div class="field-row">
            <TextField name="code" label={t('windowCode')} value={window?.code} required maxLength={32} hint={t('windowCodeHint')} error={error?.field('code')} />
            <SelectField name="kind" label={t('windowKind')} value={window?.kind ?? 'window'} options={kinds} error={error?.field('kind')} />
          </div>
          <TextField name="name" label={t('windowName')} value={window?.name} required maxLength={100} error={error?.field('name')} />
          <TextField name="location" label={t('location')} value={window?.location} maxLength={200} error={error?.field('location')} />
          <TextField name="openingHours" label={t('openingHours')} value={window?.openingHours} maxLength={200} placeholder={t('openingHoursExample')} error={error?.field('openingHours')} />
        </>
      )}
    </FormDialog>
  )
}
