import type { UiKey } from '../../../shared/i18n'
import { useT } from '../../app/i18n'

interface CsvColumnsHelpProps {
  intro: string
  /** Each column's header and what it holds. */
  columns: readonly (readonly [column: string, description: UiKey])[]
  /** Remarks shown under the table. */
  notes: readonly string[]
}

/** What an import file must look like: an introduction, a table of its columns, and remarks. Folded by default. */
export function CsvColumnsHelp({ intro, columns, notes }: CsvColumnsHelpProps) {
  const t = useT()
  return (
    <details class="csv-help">
      <summary>{t('csvFormatTitle')}</summary>
      <p>{intro}</p>
      <table class="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('csvColumn')}</th>
            <th scope="col">{t('csvMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map(([column, description]) => (
            <tr>
              <td>
                <code>{column}</code>
              </td>
              <td>{t(description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.map((note) => (
        <p class="muted">{note}</p>
      ))}
    </details>
  )
}
