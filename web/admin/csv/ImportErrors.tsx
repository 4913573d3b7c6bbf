import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'

/** The server repeats the row in each message ("第 3 行…", "Row 3, …"); the table shows it in its own column. */
const withoutRowPrefix = (message: string, row: number) =>
  message.replace(new RegExp(`^(第\\s*${row}\\s*行[：:，,]?\\s*|Row ${row}[:,]?\\s*)`), '') || message

/** Why a file was refused: the overall message, every bad row by number, and that nothing was imported. */
export function ImportErrors({ error }: { error: ApiError }) {
  const t = useT()
  const rows = error.rows
  return (
    <div class="alert alert-error" role="alert">
      <p class="alert-title">{error.message}</p>
      {error.code !== 'csv_invalid' ? <p>{t('csvNothingImported')}</p> : null}
      {rows.length > 0 ? (
        <div class="table-wrap csv-errors">
          <table class="table table-compact">
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('csvRow')}
                </th>
                <th scope="col">{t('csvProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="num">{t('rowNumber', { row: r.row })}</td>
                  <td>{withoutRowPrefix(r.message, r.row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p class="muted">{t('csvFixAndRetry')}</p>
    </div>
  )
}
