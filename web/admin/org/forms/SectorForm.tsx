import type { Sector } from '../../../../shared/schemas/org'
import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { TextField } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { optional, text } from '../../../ui/use-submit'

/** Create a sector (行业), or rename one. */
export function SectorForm({ sector, onSaved, onClose }: { sector?: Sector; onSaved: (s: Sector) => void; onClose: () => void }) {
  const t = useT()
  const save = (form: FormData) => {
    const body = { name: text(form, 'name'), code: optional(form, 'code') }
    return sector ? call(api.org.sectors[':id'].$patch({ param: { id: String(sector.id) }, json: body })) : call(api.org.sectors.$post({ json: body }))
  }
  return (
    <FormDialog title={sector ? t('editSector') : t('newSector')} submitLabel={sector ? t('save') : t('create')} fields={['name', 'code']} onSubmit={save} onDone={onSaved} onClose={onClose}>
      {(error) => (
        <>
          <TextField name="name" label={t('sectorName')} value={sector?.name} required maxLength={50} hint={t('sectorNameHint')} error={error?.field('name')} />
          <TextField name="code" label={t('codeOptional')} value={sector?.code} maxLength={32} error={error?.field('code')} />
        </>
      )}
    </FormDialog>
  )
}
