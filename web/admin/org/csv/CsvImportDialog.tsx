import { api, call } from '../../../app/api'
import { useT } from '../../../app/i18n'
import { csvUpload } from '../../csv/csv-upload'
import { DryRunImportDialog } from '../../csv/DryRunImportDialog'
import { CsvFormatHelp } from './CsvFormatHelp'
import { ImportSummary } from './ImportSummary'

const upload = (csv: string, dryRun: boolean) => call(api.org.import.$post(...csvUpload(csv, dryRun)))

/** Import the organisation from CSV: sectors, units, windows and their staff, one window or staff member a row. */
export function CsvImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const t = useT()
  return (
    <DryRunImportDialog
      title={t('importCsv')}
      intro={t('csvImportIntro')}
      formatHelp={<CsvFormatHelp />}
      inputId="csv-file"
      upload={upload}
      summary={(report) => <ImportSummary report={report} />}
      onClose={onClose}
      onImported={onImported}
    />
  )
}
