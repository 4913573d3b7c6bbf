import { rawHeaders } from '../../app/api'

/** The request options of an import endpoint: the CSV text as the body, and whether it is only a dry run. */
export const csvUpload = (csv: string, dryRun: boolean) =>
  [{ query: { dryRun: dryRun ? 'true' : 'false' } }, { init: { body: csv, headers: rawHeaders('text/csv; charset=utf-8') } }] as const
