import { useState } from 'hono/jsx'
import type { Role, User } from '../../../shared/schemas/auth'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { roleKey, ROLE_ORDER } from '../../app/roles'
import { SelectField, TextField } from '../../ui/Field'
import { FormDialog } from '../../ui/FormDialog'
import { text } from '../../ui/use-submit'
import type { OrgIndex } from '../org/tree-model'
import { UnitPicker } from './UnitPicker'

const scoped = (role: Role) => role === 'manager' || role === 'viewer'

interface UserFormProps {
  user?: User
  index: OrgIndex
  onSaved: (u: User) => void
  onClose: () => void
}

/** Create a user (with an initial password they must change), or change a user's name, role and units. */
export function UserForm({ user, index, onSaved, onClose }: UserFormProps) {
  const t = useT()
  const [role, setRole] = useState<Role>(user?.role ?? 'manager')
  const [unitIds, setUnitIds] = useState<number[]>(user?.unitIds ?? [])
  const roles = ROLE_ORDER.map((r) => ({ value: r, label: `${t(roleKey(r))} — ${t(`${r}Does` as const)}` }))

  const save = (form: FormData) => {
    const units = scoped(role) ? unitIds : []
    const displayName = text(form, 'displayName')
    if (user) return call(api.users[':id'].$patch({ param: { id: String(user.id) }, json: { displayName, role, unitIds: units } }))
    return call(api.users.$post({ json: { username: text(form, 'username'), displayName, role, unitIds: units, password: String(form.get('password') ?? '') } }))
  }

  return (
    <FormDialog
      title={user ? t('editUser') : t('newUser')}
      submitLabel={user ? t('save') : t('create')}
      fields={['username', 'displayName', 'role', 'unitIds', 'password']}
      onSubmit={save}
      onDone={onSaved}
      onClose={onClose}
      size="wide"
    >
      {(error) => (
        <>
          <div class="field-row">
            {user ? (
              <div class="field">
                <span class="field-label">{t('username')}</span>
                <p class="field-static">{user.username}</p>
              </div>
            ) : (
              <TextField name="username" label={t('username')} required maxLength={32} autoComplete="off" hint={t('usernameHint')} error={error?.field('username')} />
            )}
            <TextField name="displayName" label={t('displayName')} value={user?.displayName} required maxLength={50} hint={t('displayNameHint')} error={error?.field('displayName')} />
          </div>
          <SelectField name="role" label={t('role')} value={role} options={roles} required onChange={(v) => setRole(v as Role)} error={error?.field('role')} />
          {scoped(role) ? (
            <UnitPicker
              index={index}
              value={unitIds}
              onChange={setUnitIds}
              label={t('units')}
              required={role === 'manager'}
              hint={role === 'manager' ? t('unitsHintManager') : t('unitsHintViewer')}
              error={error?.field('unitIds')}
            />
          ) : null}
          {user ? null : (
            <TextField name="password" label={t('initialPassword')} type="password" required autoComplete="new-password" hint={t('initialPasswordHint')} error={error?.field('password')} />
          )}
        </>
      )}
    </FormDialog>
  )
}
