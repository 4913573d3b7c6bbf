import type { User } from '../../../shared/schemas/auth'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { roleKey } from '../../app/roles'
import type { OrgIndex } from '../org/tree-model'

interface UserTableProps {
  users: User[]
  me: User
  index: OrgIndex
  onEdit: (u: User) => void
  onToggle: (u: User) => void
  onReset: (u: User) => void
}

/** Users with role, units, status and last sign-in (Asia/Shanghai time), and what an admin can do with each. */
export function UserTable({ users, me, index, onEdit, onToggle, onReset }: UserTableProps) {
  const t = useT()
  const scope = (u: User) => {
    if (u.role === 'admin') return <span class="muted">{t('allUnits')}</span>
    if (u.role === 'supervisor') return <span class="muted">—</span>
    if (u.unitIds.length === 0) return <span class="muted">{u.role === 'viewer' ? t('allUnits') : t('noUnitsChosen')}</span>
    return u.unitIds.map((id) => index.units.get(id)?.unit.name ?? `#${id}`).join('、')
  }
  if (users.length === 0) return <p class="empty">{t('noUsersMatch')}</p>
  return (
    <div class="table-wrap">
      <table class="table table-users">
        <thead>
          <tr>
            <th scope="col">{t('user')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('units')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('lastLogin')}</th>
            <th scope="col" class="actions-col">
              <span class="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr class={u.active ? '' : 'is-inactive'}>
              <td>
                <span class="cell-title">{u.displayName}</span>
                <span class="cell-sub">{u.username}</span>
              </td>
              <td>
                <span class={`role-tag role-${u.role}`}>{t(roleKey(u.role))}</span>
              </td>
              <td class="cell-units">{scope(u)}</td>
              <td>
                {u.active ? <span class="status-active">{t('enabled')}</span> : <span class="badge badge-muted">{t('disabled')}</span>}
                {u.active && u.mustChangePassword ? <span class="badge badge-warning">{t('mustChangePassword')}</span> : null}
              </td>
              <td class="nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span class="muted">{t('never')}</span>}</td>
              <td class="actions-col">
                <button type="button" class="btn btn-small btn-quiet" aria-label={t('editNamed', { name: u.displayName })} onClick={() => onEdit(u)}>
                  {t('edit')}
                </button>
                <button type="button" class="btn btn-small btn-quiet" aria-label={t('resetPasswordNamed', { name: u.displayName })} onClick={() => onReset(u)}>
                  {t('resetPassword')}
                </button>
                {u.id === me.id ? null : (
                  <button
                    type="button"
                    class={`btn btn-small btn-quiet${u.active ? ' btn-danger-quiet' : ''}`}
                    aria-label={u.active ? t('disableUserNamed', { name: u.displayName }) : t('enableUserNamed', { name: u.displayName })}
                    onClick={() => onToggle(u)}
                  >
                    {u.active ? t('disableUser') : t('enableUser')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
