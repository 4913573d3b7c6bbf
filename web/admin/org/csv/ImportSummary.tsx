import type { ImportReport } from '../../../../shared/schemas/org'
import type { UiKey } from '../../../../shared/i18n'
import { useT } from '../../../app/i18n'

const LINES: readonly [keyof ImportReport, UiKey][] = [
  ['sectorsCreated', 'csvSectorsCreated'],
  ['unitsCreated', 'csvUnitsCreated'],
  ['windowsCreated', 'csvWindowsCreated'],
  ['windowsUpdated', 'csvWindowsUpdated'],
  ['staffCreated', 'csvStaffCreated'],
  ['staffUpdated', 'csvStaffUpdated'],
]

/** What an import creates and updates, as counts. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const t = useT()
  return (
    <dl class="summary-grid">
      {LINES.map(([field, label]) => (
        <div class="summary-item">
          <dt>{t(label)}</dt>
          <dd>{String(report[field])}</dd>
        </div>
      ))}
    </dl>
  )
}
