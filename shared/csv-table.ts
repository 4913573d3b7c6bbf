import type { z } from 'zod'
import { parseCsv } from './csv'
import type { MessageKey } from './i18n/errors'
import { issueMessage } from './i18n/field-errors'

/** A problem found in a CSV file: a message key with its parameters, addressed by spreadsheet row. */
export interface CsvProblem {
  row: number
  key: MessageKey
  params: Record<string, string | number>
  /** For csv_row_field: what is wrong with the cell. */
  field?: { key: MessageKey; params?: Record<string, string | number> }
}

/** Undoes the apostrophe that csvField puts before formula-like text, so an export imports unchanged. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

export type TableCsvParse<R> = { ok: true; rows: (R & { row: number })[] } | { ok: false; problems: CsvProblem[] }

/**
 * Parses a CSV with a header line into validated rows: columns by their English names or Chinese aliases, each row
 * checked by `rowSchema`. Every problem of every row is reported (by spreadsheet row number), or every row returned.
 */
export function parseTableCsv<C extends string, S extends z.ZodType>(
  input: string,
  spec: { columns: readonly C[]; aliases: Record<string, C>; required: readonly C[]; rowSchema: S },
): TableCsvParse<z.infer<S>> {
  const parsed = parseCsv(input)
  if (!parsed.ok) return { ok: false, problems: [{ row: parsed.row, key: 'csv_row_quote', params: { row: parsed.row } }] }
  const [header, ...records] = parsed.records
  if (!header) return { ok: false, problems: [{ row: 1, key: 'csv_empty', params: {} }] }
  const columns = header.cells.map((h) => {
    const name = h.trim()
    return (spec.columns as readonly string[]).includes(name.toLowerCase()) ? (name.toLowerCase() as C) : spec.aliases[name]
  })
  const missing = spec.required.filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    return { ok: false, problems: [{ row: header.row, key: 'csv_bad_header', params: { columns: missing.join(', ') } }] }
  }
  if (records.length === 0) return { ok: false, problems: [{ row: 1, key: 'csv_empty', params: {} }] }

  const problems: CsvProblem[] = []
  const rows: (z.infer<S> & { row: number })[] = []
  for (const record of records) {
    if (record.cells.length > header.cells.length) {
      problems.push({ row: record.row, key: 'csv_row_columns', params: { row: record.row, found: record.cells.length, expected: header.cells.length } })
      continue
    }
    const raw: Record<string, string> = Object.fromEntries(spec.columns.map((c) => [c, '']))
    columns.forEach((column, i) => {
      if (column) raw[column] = unguard(record.cells[i] ?? '')
    })
    const result = spec.rowSchema.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [key, params] = issueMessage(issue)
        const column = String(issue.path[0] ?? '')
        problems.push({ row: record.row, key: 'csv_row_field', params: { row: record.row, column }, field: { key, params } })
      }
      continue
    }
    rows.push(Object.assign({}, result.data as object, { row: record.row }) as z.infer<S> & { row: number })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows }
}
