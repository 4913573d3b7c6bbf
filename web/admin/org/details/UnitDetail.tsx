import { useState } from 'hono/jsx'
import type { UnitNode } from '../../../../shared/org-tree'
import type { User } from '../../../../shared/schemas/auth'
import { formatDateTime } from '../../../app/dates'
import { useT } from '../../../app/i18n'
import { canEditStructure, canEditWindows, canManageQr } from '../../../app/permissions'
import { PrintUnitCardsLink } from '../../windows-qr/WindowQr'
import { UnitForm } from '../forms/UnitForm'
import { WindowForm } from '../forms/WindowForm'
import { KindIcon } from '../KindIcon'
import { breadcrumb, unitKey, windowKey, windowTotal, type NodeKey, type OrgIndex } from '../tree-model'
import { DetailHeader } from './DetailHeader'
import { Facts } from './Facts'
import { ToggleActiveDialog } from './ToggleActiveDialog'
import { UnitList } from './UnitList'
import { WindowTable } from './WindowTable'

interface UnitDetailProps {
  node: UnitNode
  index: OrgIndex
  user: User
  showInactive: boolean
  onChanged: (select?: NodeKey) => Promise<void>
  onSelect: (key: NodeKey) => void
}

/** A unit (单位): its fields, sub-units and windows; what the user's role allows to change. */
export function UnitDetail({ node, index, user, showInactive, onChanged, onSelect }: UnitDetailProps) {
  const t = useT()
  const { unit } = node
  const [dialog, setDialog] = useState<'edit' | 'subunit' | 'window' | 'toggle' | null>(null)
  const close = () => setDialog(null)
  const path = breadcrumb(index, unit.sectorId, unit.id)
  const here = path.join(' / ')
  const parent = unit.parentId === null ? undefined : index.units.get(unit.parentId)?.unit
  const structure = canEditStructure(user)
  const windows = canEditWindows(user)
  const visible = <T extends { active: boolean }>(x: T) => showInactive || x.active
  const shownWindows = node.windows.filter(visible)
  const shownChildren = node.children.filter((c) => visible(c.unit))

  const printable = canManageQr(user) && unit.active && windowTotal(node) > 0
  const actions =
    structure || windows || printable ? (
      <>
        {windows && unit.active ? (
          <button type="button" class="btn btn-primary" onClick={() => setDialog('window')}>
            {t('newWindow')}
          </button>
        ) : null}
        {structure && unit.active ? (
          <button type="button" class="btn" onClick={() => setDialog('subunit')}>
            {t('newSubUnit')}
          </button>
        ) : null}
        {structure ? (
          <button type="button" class="btn" onClick={() => setDialog('edit')}>
            {t('edit')}
          </button>
        ) : null}
        {printable ? <PrintUnitCardsLink unitId={unit.id} /> : null}
        {structure ? (
          <button type="button" class={`btn ${unit.active ? 'btn-danger-quiet' : ''}`} onClick={() => setDialog('toggle')}>
            {unit.active ? t('deactivate') : t('activate')}
          </button>
        ) : null}
      </>
    ) : null

  return (
    <article class="detail" aria-label={unit.name}>
      <DetailHeader kind={t('unit')} icon={<KindIcon kind="unit" />} title={unit.name} code={unit.code} path={path.slice(0, -1)} active={unit.active} actions={actions} />
      <Facts
        items={[
          [t('sector'), index.sectors.get(unit.sectorId)?.sector.name],
          // A parent outside the user's units is not shown by name (it is not in the tree they get).
          [t('parentUnit'), unit.parentId === null ? t('none') : parent?.name],
          [t('code'), unit.code],
          [t('hotline'), unit.hotline],
          [t('windowsTotal'), String(windowTotal(node))],
          [t('status'), unit.active ? t('active') : t('inactive')],
          [t('createdAt'), formatDateTime(unit.createdAt)],
          [t('updatedAt'), formatDateTime(unit.updatedAt)],
          [t('address'), unit.address, 'wide'],
        ]}
      />
      {shownChildren.length > 0 ? (
        <section class="detail-section" aria-labelledby="unit-children">
          <h3 id="unit-children" class="section-title">
            {t('subUnits')} <span class="count">{shownChildren.length}</span>
          </h3>
          <UnitList units={shownChildren} onSelect={onSelect} empty={t('noSubUnits')} />
        </section>
      ) : null}
      {shownWindows.length > 0 || shownChildren.length === 0 ? (
        <section class="detail-section" aria-labelledby="unit-windows">
          <h3 id="unit-windows" class="section-title">
            {t('windows')} <span class="count">{shownWindows.length}</span>
          </h3>
          <WindowTable windows={shownWindows} onSelect={(id) => onSelect(windowKey(id))} empty={windows && unit.active ? t('noWindowsYetEditor') : t('noWindowsYet')} />
        </section>
      ) : null}
      {dialog === 'edit' ? <UnitForm unit={unit} location={path.slice(0, -1).join(' / ')} onClose={close} onSaved={() => void onChanged().then(close)} /> : null}
      {dialog === 'subunit' ? (
        <UnitForm place={{ sectorId: unit.sectorId, parentId: unit.id }} location={here} onClose={close} onSaved={(u) => void onChanged(unitKey(u.id)).then(close)} />
      ) : null}
      {dialog === 'window' ? <WindowForm unitId={unit.id} location={here} onClose={close} onSaved={(w) => void onChanged(windowKey(w.id)).then(close)} /> : null}
      {dialog === 'toggle' ? (
        <ToggleActiveDialog kind="units" id={unit.id} name={unit.name} active={unit.active} onClose={close} onDone={() => void onChanged(unitKey(unit.id)).then(close)} />
      ) : null}
    </article>
  )
}
