/** One server-side validation problem of a form field, already in the user's language. */
export interface FieldProblem {
  path: string
  code: string
  message: string
}

/** One bad row of an imported CSV file. */
export interface RowProblem {
  row: number
  message: string
}

/**
 * Conflicts (409) and some rule failures name no field; these are the fields they are about, so that the message
 * appears next to the input the user has to change.
 */
const FIELD_OF_CODE: Record<string, string> = {
  sector_name_taken: 'name',
  unit_name_taken: 'name',
  window_code_taken: 'code',
  staff_no_taken: 'employeeNo',
  username_taken: 'username',
  manager_needs_units: 'unitIds',
}

/** A failed API call: status, the server's stable code, its localised message, and per-field problems. */
export class ApiError extends Error {
  readonly fields: FieldProblem[]

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    const listed = isRecord(details) && Array.isArray(details['fields']) ? details['fields'].filter(isFieldProblem) : []
    const implied = FIELD_OF_CODE[code]
    this.fields = listed.length === 0 && implied ? [{ path: implied, code, message }] : listed
  }

  /** The message for one field (the first, when several), or undefined. */
  field(path: string): string | undefined {
    return this.fields.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message
  }

  /** Problems of fields other than the given ones (shown above the form, so nothing is lost). */
  otherFields(shown: readonly string[]): FieldProblem[] {
    return this.fields.filter((f) => !shown.some((p) => f.path === p || f.path.startsWith(`${p}.`)))
  }

  /** The bad rows of a CSV import (code csv_invalid), in row order. */
  get rows(): RowProblem[] {
    if (!isRecord(this.details) || !Array.isArray(this.details['rows'])) return []
    return this.details['rows'].filter(isRowProblem).sort((a, b) => a.row - b.row)
  }

  /** Seconds to wait after too many sign-in attempts (429). */
  get retryAfter(): number | undefined {
    const seconds = isRecord(this.details) ? this.details['retryAfter'] : undefined
    return typeof seconds === 'number' ? seconds : undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return isRecord(value) && typeof value['path'] === 'string' && typeof value['message'] === 'string'
}

function isRowProblem(value: unknown): value is RowProblem {
  return isRecord(value) && typeof value['row'] === 'number' && typeof value['message'] === 'string'
}

/** Reads the `{error:{code,message,details}}` body of a failed response. */
export async function errorFromResponse(res: Response, fallbackMessage: string): Promise<ApiError> {
  try {
    const body: unknown = await res.json()
    const error = isRecord(body) ? body['error'] : undefined
    if (isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string') {
      return new ApiError(res.status, error['code'], error['message'], error['details'])
    }
  } catch {
    // not JSON (a proxy's error page, say)
  }
  return new ApiError(res.status, 'http_error', fallbackMessage)
}
