import { useState } from 'hono/jsx'
import type { ImportReport } from '../../../../shared/schemas/org'
import { api, call, rawHeaders } from '../../../app/api'
import { ApiError } from '../../../app/api-error'
import { useT } from '../../../app/i18n'
import { Dialog } from '../../../ui/Dialog'
import { asApiError } from '../../../ui/use-submit'
import { CsvFormatHelp } from './CsvFormatHelp'
import { ImportErrors } from './ImportErrors'
import { ImportSummary } from './ImportSummary'
import { MAX_IMPORT_BYTES, readCsvFile } from './read-csv-file'

type Step =
  | { step: 'choose' }
  | { step: 'checking'; file: string }
  | { step: 'preview'; file: string; csv: string; report: ImportReport }
  | { step: 'importing'; file: string; csv: string; report: ImportReport }
  | { step: 'done'; file: string; report: ImportReport }
  | { step: 'failed'; file: string; error: ApiError }

const upload = (csv: string, dryRun: boolean) =>
  call(api.org.import.$post({ query: { dryRun: dryRun ? 'true' : 'false' } }, { init: { body: csv, headers: rawHeaders('text/csv; charset=utf-8') } }))

/**
 * Import the organisation from CSV: choose a file, see what it would change (a dry run on the server), confirm.
 * The server takes all rows or none; a bad file is listed row by row and nothing is imported.
 */
export function CsvImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
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
    <Dialog title={t('importCsv')} onClose={onClose} size="wide">
      <div class="dialog-body">
        {state.step !== 'done' ? (
          <>
            <p>{t('csvImportIntro')}</p>
            <CsvFormatHelp />
            <div class="file-pick">
              <input id="csv-file" class="visually-hidden file-input" type="file" accept=".csv,text/csv" disabled={busy} onChange={choose} />
              <label class={`btn${busy ? ' is-disabled' : ''}`} for="csv-file">
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
              <ImportSummary report={state.report} />
              <p>{t('csvPreviewNote')}</p>
            </div>
          ) : null}
          {state.step === 'done' ? (
            <div class="alert alert-success" role="status">
              <p class="alert-title">{t('csvImported', { rows: state.report.rows })}</p>
              <ImportSummary report={state.report} />
            </div>
          ) : null}
          {state.step === 'failed' ? <ImportErrors error={state.error} /> : null}
        </div>
      </div>
      <footer class="dialog-footer">
        {state.step === 'done' ? (
          <button type="button" class="btn btn-primary" onClick={() => onClose()}>
            {t('done')}
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
