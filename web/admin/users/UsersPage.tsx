import { useEffect, useState } from 'hono/jsx'
import type { User } from '../../../shared/schemas/auth'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { usePageTitle } from '../../app/page-title'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { indexOrg, matches, type OrgIndex } from '../org/tree-model'
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog'
import { UserForm } from './UserForm'
import { UserTable } from './UserTable'

type UserDialog =
  | { kind: 'new' }
  | { kind: 'edit'; user: User }
  | { kind: 'toggle'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'password'; user: User; password: string }

/** Users (admin only): who may sign in, with which role and for which units. */
export function UsersPage() {
  const t = useT()
  const me = useUser()
  usePageTitle(t('navUsers'))
  const [users, setUsers] = useState<User[] | null>(null)
  const [index, setIndex] = useState<OrgIndex | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [query, setQuery] = useState('')
  const [showDisabled, setShowDisabled] = useState(false)
  const [dialog, setDialog] = useState<UserDialog | null>(null)

  const load = async () => {
    try {
      const [list, tree] = await Promise.all([
        call(api.users.$get({ query: { includeInactive: 'true', limit: '500' } })),
        call(api.org.tree.$get({ query: { includeInactive: 'true' } })),
      ])
      setUsers(list.items)
      setIndex(indexOrg(tree))
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [])

  const close = () => setDialog(null)
  const reload = () => void load().then(close)
  const q = query.trim().toLowerCase()
  const shown = (users ?? []).filter((u) => (showDisabled || u.active) && (!q || matches(q, u.username, u.displayName)))
  const disabledCount = (users ?? []).filter((u) => !u.active).length

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navUsers')}</h1>
          <p class="page-subtitle">{t('usersSubtitle')}</p>
        </div>
        <div class="page-actions">
          <button type="button" class="btn btn-primary" disabled={!index} onClick={() => setDialog({ kind: 'new' })}>
            {t('newUser')}
          </button>
        </div>
      </header>
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {!users && !error ? <Loading /> : null}
      {users && index ? (
        <section class="card">
          <div class="list-tools">
            <input type="search" class="input list-search" value={query} placeholder={t('searchUsers')} aria-label={t('searchUsers')} onInput={(e: Event) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            <label class="check">
              <input type="checkbox" checked={showDisabled} onChange={(e: Event) => setShowDisabled((e.currentTarget as HTMLInputElement).checked)} />
              <span>{t('showDisabledUsers', { count: disabledCount })}</span>
            </label>
          </div>
          <UserTable
            users={shown}
            me={me}
            index={index}
            onEdit={(user) => setDialog({ kind: 'edit', user })}
            onToggle={(user) => setDialog({ kind: 'toggle', user })}
            onReset={(user) => setDialog({ kind: 'reset', user })}
          />
        </section>
      ) : null}

      {dialog?.kind === 'new' && index ? <UserForm index={index} onClose={close} onSaved={reload} /> : null}
      {dialog?.kind === 'edit' && index ? <UserForm user={dialog.user} index={index} onClose={close} onSaved={reload} /> : null}
      {dialog?.kind === 'toggle' ? (
        <ConfirmDialog
          title={dialog.user.active ? t('disableUserNamed', { name: dialog.user.displayName }) : t('enableUserNamed', { name: dialog.user.displayName })}
          message={dialog.user.active ? t('disableUserNote') : t('enableUserNote')}
          confirmLabel={dialog.user.active ? t('disableUser') : t('enableUser')}
          danger={dialog.user.active}
          onConfirm={() => call(api.users[':id'].$patch({ param: { id: String(dialog.user.id) }, json: { active: !dialog.user.active } }))}
          onDone={reload}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ConfirmDialog
          title={t('resetPasswordNamed', { name: dialog.user.displayName })}
          message={t('resetPasswordNote')}
          confirmLabel={t('resetPassword')}
          onConfirm={async () => {
            const { temporaryPassword } = await call(api.users[':id']['reset-password'].$post({ param: { id: String(dialog.user.id) } }))
            setDialog({ kind: 'password', user: dialog.user, password: temporaryPassword })
          }}
          onDone={() => undefined}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'password' ? <TemporaryPasswordDialog name={dialog.user.displayName} password={dialog.password} onClose={reload} /> : null}
    </div>
  )
}
