import type { RosterCsvColumn } from '../../../shared/roster-csv'
import type { SupervisorImportReport } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import { useT } from '../../app/i18n'
import { CsvColumnsHelp } from '../csv/CsvColumnsHelp'
import { csvUpload } from '../csv/csv-upload'
import { DryRunImportDialog } from '../csv/DryRunImportDialog'
import { PasswordList } from './InitialPasswords'
import { BUILT_IN_KINDS, CSV_COLUMN_KEYS, KIND_KEYS } from './labels'

const upload = (csv: string, dryRun: boolean) => call(api.supervisors.import.$post(...csvUpload(csv, dryRun)))

/** What the file must look like: the export's columns, one supervisor a row. */
function RosterCsvHelp() {
  const t = useT()
  const columns = Object.entries(CSV_COLUMN_KEYS) as [RosterCsvColumn, (typeof CSV_COLUMN_KEYS)[RosterCsvColumn]][]
  const kinds = t('svCsvKinds', { kinds: BUILT_IN_KINDS.map((k) => t(KIND_KEYS[k])).join('、') })
  return <CsvColumnsHelp intro={t('svCsvFormatIntro')} columns={columns} notes={[kinds, t('svCsvFormatTip')]} />
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

/** New accounts' first passwords, shown once after the import. */
function ImportedPasswords({ report }: { report: SupervisorImportReport }) {
  const t = useT()
  if (report.initialPasswords.length === 0) return null
  return (
    <section aria-labelledby="roster-import-passwords">
      <h3 class="sv-subtitle" id="roster-import-passwords">
        {t('svImportPasswordsTitle', { count: report.initialPasswords.length })}
      </h3>
      <p class="dialog-message">{t('svAppointedText')}</p>
      <PasswordList accounts={report.initialPasswords} />
    </section>
  )
}

/** Import the roster from CSV, one supervisor a row. New accounts' first passwords are shown once at the end. */
export function RosterImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const t = useT()
  return (
    <DryRunImportDialog
      title={t('svImportTitle')}
      intro={t('svCsvImportIntro')}
      formatHelp={<RosterCsvHelp />}
      inputId="roster-csv-file"
      upload={upload}
      summary={(report) => <RosterImportSummary report={report} />}
      previewNote={(report) => (report.created > 0 ? t('svCsvPreviewPasswords') : t('csvPreviewNote'))}
      afterImport={(report) => <ImportedPasswords report={report} />}
      doneLabel={(report) => (report.initialPasswords.length > 0 ? t('temporaryPasswordDone') : t('done'))}
      onClose={onClose}
      onImported={onImported}
    />
  )
}
