import type { Child } from 'hono/jsx'
import { useState } from 'hono/jsx'
import { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'
import { asApiError } from '../../ui/use-submit'
import { ImportErrors } from './ImportErrors'
import { MAX_IMPORT_BYTES, readCsvFile } from './read-csv-file'

/** What every import endpoint reports: how many rows the file had. */
interface RowsReport {
  rows: number
}

type Step<R> =
  | { step: 'choose' }
  | { step: 'checking'; file: string }
  | { step: 'preview'; file: string; csv: string; report: R }
  | { step: 'importing'; file: string; csv: string; report: R }
  | { step: 'done'; file: string; report: R }
  | { step: 'failed'; file: string; error: ApiError }

interface DryRunImportDialogProps<R extends RowsReport> {
  title: string
  intro: string
  /** What the file must look like. */
  formatHelp: Child
  /** The file input's id. */
  inputId: string
  /** Sends the CSV to the import endpoint, as a dry run or for real. */
  upload: (csv: string, dryRun: boolean) => Promise<R>
  /** The counts of a report, shown in the preview and after the import. */
  summary: (report: R) => Child
  /** The preview's closing remark; by default, that nothing has been imported yet. */
  previewNote?: (report: R) => string
  /** Shown under the success message, e.g. what the import created that must be handed on. */
  afterImport?: (report: R) => Child
  /** The closing button's text after the import; by default 完成. */
  doneLabel?: (report: R) => string
  onClose: () => void
  onImported: () => void
}

/**
 * Import a CSV file: choose a file, see what it would change (a dry run on the server), confirm. The server takes all
 * rows or none; a bad file is listed row by row and nothing is imported.
 */
export function DryRunImportDialog<R extends RowsReport>(props: DryRunImportDialogProps<R>) {
  const { title, intro, formatHelp, inputId, upload, summary, previewNote, afterImport, doneLabel, onClose, onImported } = props
  const t = useT()
  const [state, setState] = useState<Step<R>>({ step: 'choose' })

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
    <Dialog title={title} onClose={onClose} size="wide">
      <div class="dialog-body">
        {state.step !== 'done' ? (
          <>
            <p>{intro}</p>
            {formatHelp}
            <div class="file-pick">
              <input id={inputId} class="visually-hidden file-input" type="file" accept=".csv,text/csv" disabled={busy} onChange={choose} />
              <label class={`btn${busy ? ' is-disabled' : ''}`} for={inputId}>
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
              {summary(state.report)}
              <p>{previewNote ? previewNote(state.report) : t('csvPreviewNote')}</p>
            </div>
          ) : null}
          {state.step === 'done' ? (
            <>
              <div class="alert alert-success" role="status">
                <p class="alert-title">{t('csvImported', { rows: state.report.rows })}</p>
                {summary(state.report)}
              </div>
              {afterImport ? afterImport(state.report) : null}
            </>
          ) : null}
          {state.step === 'failed' ? <ImportErrors error={state.error} /> : null}
        </div>
      </div>
      <footer class="dialog-footer">
        {state.step === 'done' ? (
          <button type="button" class="btn btn-primary" onClick={() => onClose()}>
            {doneLabel ? doneLabel(state.report) : t('done')}
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
