import { useState } from 'hono/jsx'
import type { User } from '../../../../shared/schemas/auth'
import type { Window } from '../../../../shared/schemas/org'
import { formatDateTime } from '../../../app/dates'
import { useT } from '../../../app/i18n'
import { canEditWindows, canManageQr } from '../../../app/permissions'
import { WindowQr } from '../../windows-qr/WindowQr'
import { WindowForm } from '../forms/WindowForm'
import { KIND_KEYS, KindIcon } from '../KindIcon'
import { breadcrumb, windowKey, type NodeKey, type OrgIndex } from '../tree-model'
import { DetailHeader } from './DetailHeader'
import { Facts } from './Facts'
import { StaffList } from './StaffList'
import { ToggleActiveDialog } from './ToggleActiveDialog'

interface WindowDetailProps {
  window: Window
  index: OrgIndex
  user: User
  showInactive: boolean
  onChanged: (select?: NodeKey) => Promise<void>
}

/** A window (窗口 / 站点 / 班组): its fields and its staff; admins and the unit's managers may change both. */
export function WindowDetail({ window, index, user, showInactive, onChanged }: WindowDetailProps) {
  const t = useT()
  const [dialog, setDialog] = useState<'edit' | 'toggle' | null>(null)
  const close = () => setDialog(null)
  const unit = index.units.get(window.unitId)?.unit
  const path = unit ? breadcrumb(index, unit.sectorId, unit.id) : []
  const mayEdit = canEditWindows(user)

  const actions = mayEdit ? (
    <>
      <button type="button" class="btn" onClick={() => setDialog('edit')}>
        {t('edit')}
      </button>
      <button type="button" class={`btn ${window.active ? 'btn-danger-quiet' : ''}`} onClick={() => setDialog('toggle')}>
        {window.active ? t('deactivate') : t('activate')}
      </button>
    </>
  ) : null

  return (
    <article class="detail" aria-label={window.name}>
      <DetailHeader kind={t(KIND_KEYS[window.kind])} icon={<KindIcon kind={window.kind} />} title={window.name} code={window.code} path={path} active={window.active} actions={actions} />
      <Facts
        items={[
          [t('windowCode'), <span class="code">{window.code}</span>],
          [t('windowKind'), t(KIND_KEYS[window.kind])],
          [t('status'), window.active ? t('active') : t('inactive')],
          [t('updatedAt'), formatDateTime(window.updatedAt)],
          [t('unit'), unit?.name, 'wide'],
          [t('location'), window.location, 'wide'],
          [t('openingHours'), window.openingHours, 'wide'],
        ]}
      />
      {canManageQr(user) && window.active ? <WindowQr window={window} /> : null}
      <StaffList window={window} mayEdit={mayEdit} showInactive={showInactive} onChanged={() => onChanged(windowKey(window.id))} />

      {dialog === 'edit' ? <WindowForm window={window} unitId={window.unitId} location={path.join(' / ')} onClose={close} onSaved={() => void onChanged(windowKey(window.id)).then(close)} /> : null}
      {dialog === 'toggle' ? (
        <ToggleActiveDialog kind="windows" id={window.id} name={`${window.code} ${window.name}`} active={window.active} onClose={close} onDone={() => void onChanged(windowKey(window.id)).then(close)} />
      ) : null}
    </article>
  )
}
