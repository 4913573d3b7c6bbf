import type { UiKey } from '../../../../shared/i18n'
import { useT } from '../../../app/i18n'
import { CsvColumnsHelp } from '../../csv/CsvColumnsHelp'

const COLUMNS: readonly [column: string, description: UiKey][] = [
  ['sector', 'csvColSector'],
  ['unit_path', 'csvColUnitPath'],
  ['window_code', 'csvColWindowCode'],
  ['window_name', 'csvColWindowName'],
  ['window_kind', 'csvColWindowKind'],
  ['location', 'csvColLocation'],
  ['opening_hours', 'csvColOpeningHours'],
  ['staff_no', 'csvColStaffNo'],
  ['staff_name', 'csvColStaffName'],
  ['active', 'csvColActive'],
]

/** What the file must look like: one row per window, or per staff member of a window. */
export function CsvFormatHelp() {
  const t = useT()
  return <CsvColumnsHelp intro={t('csvFormatIntro')} columns={COLUMNS} notes={[t('csvFormatTip')]} />
}
