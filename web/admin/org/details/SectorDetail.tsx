import { useState } from 'hono/jsx'
import type { SectorNode } from '../../../../shared/org-tree'
import type { User } from '../../../../shared/schemas/auth'
import { formatDateTime } from '../../../app/dates'
import { useT } from '../../../app/i18n'
import { canEditStructure } from '../../../app/permissions'
import { SectorForm } from '../forms/SectorForm'
import { UnitForm } from '../forms/UnitForm'
import { KindIcon } from '../KindIcon'
import { sectorKey, unitKey, windowTotal, type NodeKey } from '../tree-model'
import { DetailHeader } from './DetailHeader'
import { Facts } from './Facts'
import { ToggleActiveDialog } from './ToggleActiveDialog'
import { UnitList } from './UnitList'

interface SectorDetailProps {
  node: SectorNode
  user: User
  showInactive: boolean
  onChanged: (select?: NodeKey) => Promise<void>
  onSelect: (key: NodeKey) => void
}

/** A sector (行业): its units; an administrator may rename it, add a top-level unit, deactivate it. */
export function SectorDetail({ node, user, showInactive, onChanged, onSelect }: SectorDetailProps) {
  const t = useT()
  const { sector } = node
  const [dialog, setDialog] = useState<'edit' | 'unit' | 'toggle' | null>(null)
  const close = () => setDialog(null)
  const mayEdit = canEditStructure(user)
  const activeUnits = node.units.filter((u) => u.unit.active)
  const windows = activeUnits.reduce((sum, u) => sum + windowTotal(u), 0)

  const actions = mayEdit ? (
    <>
      {sector.active ? (
        <button type="button" class="btn btn-primary" onClick={() => setDialog('unit')}>
          {t('newUnit')}
        </button>
      ) : null}
      <button type="button" class="btn" onClick={() => setDialog('edit')}>
        {t('edit')}
      </button>
      <button type="button" class={`btn ${sector.active ? 'btn-danger-quiet' : ''}`} onClick={() => setDialog('toggle')}>
        {sector.active ? t('deactivate') : t('activate')}
      </button>
    </>
  ) : null

  return (
    <article class="detail" aria-label={sector.name}>
      <DetailHeader kind={t('sector')} icon={<KindIcon kind="sector" />} title={sector.name} code={sector.code} path={[]} active={sector.active} actions={actions} />
      <Facts
        items={[
          [t('sectorName'), sector.name],
          [t('code'), sector.code],
          [t('topLevelUnits'), String(activeUnits.length)],
          [t('windowsTotal'), String(windows)],
          [t('status'), sector.active ? t('active') : t('inactive')],
          [t('updatedAt'), formatDateTime(sector.updatedAt)],
        ]}
      />
      <section class="detail-section" aria-labelledby="sector-units">
        <h3 id="sector-units" class="section-title">
          {t('units')}
        </h3>
        <UnitList units={node.units.filter((u) => showInactive || u.unit.active)} onSelect={onSelect} empty={mayEdit && sector.active ? t('noUnitsYetAdmin') : t('noUnitsYet')} />
      </section>

      {dialog === 'edit' ? <SectorForm sector={sector} onClose={close} onSaved={() => void onChanged().then(close)} /> : null}
      {dialog === 'unit' ? (
        <UnitForm place={{ sectorId: sector.id, parentId: null }} location={sector.name} onClose={close} onSaved={(u) => void onChanged(unitKey(u.id)).then(close)} />
      ) : null}
      {dialog === 'toggle' ? (
        <ToggleActiveDialog kind="sectors" id={sector.id} name={sector.name} active={sector.active} onClose={close} onDone={() => void onChanged(sectorKey(sector.id)).then(close)} />
      ) : null}
    </article>
  )
}
