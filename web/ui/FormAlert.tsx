import type { ApiError } from '../app/api-error'

/**
 * The form's overall error (role=alert, so screen readers hear it), plus problems of fields the form does not show,
 * so that no message from the server is lost.
 */
export function FormAlert({ error, fields = [] }: { error: ApiError | null; fields?: readonly string[] }) {
  if (!error) return null
  const others = error.otherFields(fields)
  // A conflict about one field ("code A-01 is taken") is already shown next to that field; once is enough.
  if (others.length === 0 && error.fields.length > 0 && error.fields.every((f) => f.message === error.message)) return null
  return (
    <div class="alert alert-error" role="alert">
      <p class="alert-title">{error.message}</p>
      {others.length > 0 ? (
        <ul class="alert-list">
          {others.map((f) => (
            <li>
              {f.path ? <code>{f.path}</code> : null} {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
