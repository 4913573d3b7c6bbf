import type { UiKey } from '../../../../shared/i18n'
import { useT } from '../../../app/i18n'

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
  return (
    <details class="csv-help">
      <summary>{t('csvFormatTitle')}</summary>
      <p>{t('csvFormatIntro')}</p>
      <table class="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('csvColumn')}</th>
            <th scope="col">{t('csvMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS.map(([column, description]) => (
            <tr>
              <td>
                <code>{column}</code>
              </td>
              <td>{t(description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('csvFormatTip')}</p>
    </details>
  )
}
