import { useState } from 'hono/jsx'
import type { RosterCsvColumn } from '../../../shared/roster-csv'
import type { SupervisorImportReport } from '../../../shared/schemas/supervision'
import { api, call, rawHeaders } from '../../app/api'
import { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'
import { asApiError } from '../../ui/use-submit'
import { ImportErrors } from '../org/csv/ImportErrors'
import { MAX_IMPORT_BYTES, readCsvFile } from '../org/csv/read-csv-file'
import { PasswordList } from './InitialPasswords'
import { BUILT_IN_KINDS, CSV_COLUMN_KEYS, KIND_KEYS } from './labels'

type Step =
  | { step: 'choose' }
  | { step: 'checking'; file: string }
  | { step: 'preview'; file: string; csv: string; report: SupervisorImportReport }
  | { step: 'importing'; file: string; csv: string; report: SupervisorImportReport }
  | { step: 'done'; file: string; report: SupervisorImportReport }
  | { step: 'failed'; file: string; error: ApiError }

const upload = (csv: string, dryRun: boolean) =>
  call(api.supervisors.import.$post({ query: { dryRun: dryRun ? 'true' : 'false' } }, { init: { body: csv, headers: rawHeaders('text/csv; charset=utf-8') } }))

/** What the file must look like: the export's columns, one supervisor a row. */
function RosterCsvHelp() {
  const t = useT()
  const columns = Object.entries(CSV_COLUMN_KEYS) as [RosterCsvColumn, (typeof CSV_COLUMN_KEYS)[RosterCsvColumn]][]
  return (
    <details class="csv-help">
      <summary>{t('csvFormatTitle')}</summary>
      <p>{t('svCsvFormatIntro')}</p>
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
      <p class="muted">{t('svCsvKinds', { kinds: BUILT_IN_KINDS.map((k) => t(KIND_KEYS[k])).join('、') })}</p>
      <p class="muted">{t('svCsvFormatTip')}</p>
    </details>
  )
}

/** Created and updated counts of an import. */
function RosterImportSummary({ report }: { report: SupervisorImportReport }) {
  const t = useT()
  return (
    <dl class="summary-grid">
      <div class="summary-item">
        <dt>{t('svCsvCreated')}</dt>
        <dd>{String(report.created)}</dd>
      </div>
      <div class="summary-item">
        <dt>{t('svCsvUpdated')}</dt>
        <dd>{String(report.updated)}</dd>
      </div>
    </dl>
  )
}

/**
 * Import the roster from CSV: choose a file, see what it would change (a dry run on the server), confirm. The server
 * takes all rows or none; a bad file is listed row by row. New accounts' first passwords are shown once at the end.
 */
export function RosterImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const t = useT()
  const [state, setState] = useState<Step>({ step: 'choose' })

  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return
    input.value = '' // choosing the same file again (after fixing it) checks it again
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ step: 'failed', file: file.name, error: new ApiError(413, 'file_too_large', t('csvFileTooLarge')) })
      return
    }
    setState({ step: 'checking', file: file.name })
    try {
      const csv = await readCsvFile(file)
      setState({ step: 'preview', file: file.name, csv, report: await upload(csv, true) })
    } catch (err) {
      setState({ step: 'failed', file: file.name, error: asApiError(err) })
    }
  }

  const confirm = async () => {
    if (state.step !== 'preview') return
    setState({ ...state, step: 'importing' })
    try {
      const report = await upload(state.csv, false)
      setState({ step: 'done', file: state.file, report })
      onImported()
    } catch (err) {
      setState({ step: 'failed', file: state.file, error: asApiError(err) })
    }
  }

  const busy = state.step === 'checking' || state.step === 'importing'
  return (
    <Dialog title={t('svImportTitle')} onClose={onClose} size="wide">
      <div class="dialog-body">
        {state.step !== 'done' ? (
          <>
            <p>{t('svCsvImportIntro')}</p>
            <RosterCsvHelp />
            <div class="file-pick">
              <input id="roster-csv-file" class="visually-hidden file-input" type="file" accept=".csv,text/csv" disabled={busy} onChange={choose} />
              <label class={`btn${busy ? ' is-disabled' : ''}`} for="roster-csv-file">
                {state.step === 'choose' ? t('chooseCsvFile') : t('chooseAnotherFile')}
              </label>
              {'file' in state ? <span class="file-name">{state.file}</span> : <span class="muted">{t('noFileChosen')}</span>}
            </div>
          </>
        ) : null}
        <div aria-live="polite">
          {state.step === 'checking' ? <p class="loading">{t('csvChecking')}</p> : null}
          {state.step === 'preview' || state.step === 'importing' ? (
            <div class="alert alert-info">
              <p class="alert-title">{t('csvPreviewTitle', { rows: state.report.rows })}</p>
              <RosterImportSummary report={state.report} />
              <p>{state.report.created > 0 ? t('svCsvPreviewPasswords') : t('csvPreviewNote')}</p>
            </div>
          ) : null}
          {state.step === 'done' ? (
            <>
              <div class="alert alert-success" role="status">
                <p class="alert-title">{t('csvImported', { rows: state.report.rows })}</p>
                <RosterImportSummary report={state.report} />
              </div>
              {state.report.initialPasswords.length > 0 ? (
                <section aria-labelledby="roster-import-passwords">
                  <h3 class="sv-subtitle" id="roster-import-passwords">
                    {t('svImportPasswordsTitle', { count: state.report.initialPasswords.length })}
                  </h3>
                  <p class="dialog-message">{t('svAppointedText')}</p>
                  <PasswordList accounts={state.report.initialPasswords} />
                </section>
              ) : null}
            </>
          ) : null}
          {state.step === 'failed' ? <ImportErrors error={state.error} /> : null}
        </div>
      </div>
      <footer class="dialog-footer">
        {state.step === 'done' ? (
          <button type="button" class="btn btn-primary" onClick={() => onClose()}>
            {state.report.initialPasswords.length > 0 ? t('temporaryPasswordDone') : t('done')}
          </button>
        ) : (
          <>
            <button type="button" class="btn" onClick={() => onClose()}>
              {t('cancel')}
            </button>
            <button type="button" class="btn btn-primary" disabled={state.step !== 'preview'} onClick={() => void confirm()}>
              {state.step === 'importing' ? t('importing') : t('confirmImport')}
            </button>
          </>
        )}
      </footer>
    </Dialog>
  )
}
