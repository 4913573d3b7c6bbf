import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'

export type Toggleable = 'sectors' | 'units' | 'windows' | 'staff'

interface ToggleProps {
  kind: Toggleable
  id: number
  name: string
  /** Whether it is active now (so the dialog deactivates it), or not (activates it). */
  active: boolean
  onDone: () => void
  onClose: () => void
}

function setActive(kind: Toggleable, id: number, active: boolean): Promise<unknown> {
  const param = { param: { id: String(id) } }
  const verb = active ? 'activate' : 'deactivate'
  switch (kind) {
    case 'sectors':
      return call(api.org.sectors[':id'][verb].$post(param))
    case 'units':
      return call(api.org.units[':id'][verb].$post(param))
    case 'windows':
      return call(api.org.windows[':id'][verb].$post(param))
    case 'staff':
      return call(api.org.staff[':id'][verb].$post(param))
  }
}

/** Deactivate or activate something. Nothing is ever deleted: its history stays, and it can be activated again. */
export function ToggleActiveDialog({ kind, id, name, active, onDone, onClose }: ToggleProps) {
  const t = useT()
  const run = () => setActive(kind, id, !active)
  const consequence = active ? t(kind === 'units' ? 'deactivateUnitNote' : kind === 'windows' ? 'deactivateWindowNote' : kind === 'sectors' ? 'deactivateSectorNote' : 'deactivateStaffNote') : t('activateNote')
  return (
    <ConfirmDialog
      title={active ? t('deactivateNamed', { name }) : t('activateNamed', { name })}
      message={consequence}
      confirmLabel={active ? t('deactivate') : t('activate')}
      danger={active}
      onConfirm={run}
      onDone={onDone}
      onClose={onClose}
    />
  )
}
