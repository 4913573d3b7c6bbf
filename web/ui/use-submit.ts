import { useState } from 'hono/jsx'
import { ApiError } from '../app/api-error'
import { t } from '../app/i18n'

/** Anything thrown while saving, as an ApiError the form can show. */
export const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'client_error', t('unexpectedClientError')))

/**
 * Submit handling for a form: reads its fields, runs the action, keeps the server's error (with per-field messages)
 * for the form to show, and ignores double submits while busy.
 */
export function useSubmit<T>(action: (form: FormData) => Promise<T>, done: (result: T) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const onSubmit = async (e: Event) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    let result: T
    try {
      result = await action(new FormData(e.currentTarget as HTMLFormElement))
    } catch (err) {
      setBusy(false)
      setError(asApiError(err))
      return
    }
    setBusy(false)
    done(result)
  }
  return { busy, error, setError, onSubmit }
}

/** A text field of a form, trimmed ('' when absent). */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim()

/** An optional text field: null when empty, so that clearing it clears it on the server. */
export const optional = (form: FormData, name: string) => text(form, name) || null
