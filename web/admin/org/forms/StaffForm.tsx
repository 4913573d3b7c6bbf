import type { Staff } from '../../../../shared/schemas/org'
import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { TextField } from '../../../ui/Field'
import { FormDialog } from '../../../ui/FormDialog'
import { text } from '../../../ui/use-submit'

/** Add a staff member (服务人员) to a window, or edit one. */
export function StaffForm({ staff, windowId, onSaved, onClose }: { staff?: Staff; windowId: number; onSaved: (s: Staff) => void; onClose: () => void }) {
  const t = useT()
  const save = (form: FormData) => {
    const fields = { employeeNo: text(form, 'employeeNo'), name: text(form, 'name') }
    return staff
      ? call(api.org.staff[':id'].$patch({ param: { id: String(staff.id) }, json: fields }))
      : call(api.org.staff.$post({ json: { ...fields, windowId } }))
  }
  return (
    <FormDialog title={staff ? t('editStaff') : t('newStaff')} submitLabel={staff ? t('save') : t('add')} fields={['employeeNo', 'name']} onSubmit={save} onDone={onSaved} onClose={onClose}>
      {(error) => (
        <>
          <TextField name="employeeNo" label={t('employeeNo')} value={staff?.employeeNo} required maxLength={32} hint={t('employeeNoHint')} error={error?.field('employeeNo')} />
          <TextField name="name" label={t('staffName')} value={staff?.name} required maxLength={50} error={error?.field('name')} />
        </>
      )}
    </FormDialog>
  )
}
