import type { Unit } from '../../../../shared/schemas/org'
import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { TextField } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { optional, text } from '../../../ui/use-submit'

interface UnitFormProps {
  /** The unit to edit; absent when creating. */
  unit?: Unit
  /** Where a new unit goes: a sector (top level) or a parent unit. */
  place?: { sectorId: number; parentId: number | null }
  /** Sector / parent path, shown so the user knows where the unit goes. */
  location: string
  onSaved: (u: Unit) => void
  onClose: () => void
}

/** Create a unit (单位) in a sector or under another unit, or edit one. */
export function UnitForm({ unit, place, location, onSaved, onClose }: UnitFormProps) {
  const t = useT()
  const save = (form: FormData) => {
    const fields = { name: text(form, 'name'), code: optional(form, 'code'), address: optional(form, 'address'), hotline: optional(form, 'hotline') }
    if (unit) return call(api.org.units[':id'].$patch({ param: { id: String(unit.id) }, json: fields }))
    const where = place?.parentId ? { parentId: place.parentId } : { sectorId: place?.sectorId }
    return call(api.org.units.$post({ json: { ...fields, ...where } }))
  }
  return (
    <FormDialog
      title={unit ? t('editUnit') : place?.parentId ? t('newSubUnit') : t('newUnit')}
      submitLabel={unit ? t('save') : t('create')}
      fields={['name', 'code', 'address', 'hotline']}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
    >
      {(error) => (
        <>
          <p class="form-context">
            <span class="muted">{unit ? t('belongsTo') : t('createIn')}</span> {location}
          </p>
          <TextField name="name" label={t('unitName')} value={unit?.name} required maxLength={100} hint={t('unitNameHint')} error={error?.field('name')} />
          <div class="field-row">
            <TextField name="code" label={t('codeOptional')} value={unit?.code} maxLength={32} error={error?.field('code')} />
            <TextField name="hotline" label={t('hotline')} value={unit?.hotline} type="tel" maxLength={40} error={error?.field('hotline')} />
          </div>
          <TextField name="address" label={t('address')} value={unit?.address} maxLength={200} error={error?.field('address')} />
        </>
      )}
    </FormDialog>
  )
}
