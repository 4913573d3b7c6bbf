import type { Child } from 'hono/jsx'
import type { ApiError } from '../app/api-error'
import { useT } from '../app/i18n'
import { Dialog } from './Dialog'
import { FormAlert } from './FormAlert'
import { useSubmit } from './use-submit'

interface FormDialogProps<T> {
  title: string
  submitLabel: string
  /** Names of the fields the form shows; other fields' errors go above the form. */
  fields: readonly string[]
  onSubmit: (form: FormData) => Promise<T>
  onDone: (result: T) => void
  onClose: () => void
  children: (error: ApiError | null) => Child
  size?: 'normal' | 'wide'
}

/** A form in a modal dialog that the server validates; each field's message appears next to the field. */
export function FormDialog<T>(props: FormDialogProps<T>) {
  const t = useT()
  const { busy, error, onSubmit } = useSubmit(props.onSubmit, props.onDone)
  return (
    <Dialog title={props.title} onClose={props.onClose} size={props.size}>
      <form class="dialog-form" noValidate onSubmit={onSubmit}>
        <div class="dialog-body">
          <FormAlert error={error} fields={props.fields} />
          {props.children(error)}
        </div>
        <footer class="dialog-footer">
          <button type="button" class="btn" onClick={() => props.onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
            {busy ? t('saving') : props.submitLabel}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
