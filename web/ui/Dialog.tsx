import type { Child } from 'hono/jsx'
import { useEffect, useId, useRef } from 'hono/jsx'
import { useT } from '../app/i18n'

interface DialogProps {
  title: string
  onClose: () => void
  children: Child
  /** Wider dialogs for tables and pickers. */
  size?: 'normal' | 'wide'
  /** Alert dialogs (confirmations) are announced as such. */
  role?: 'dialog' | 'alertdialog'
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** A modal dialog: focus moves in and stays in, Escape or the close button closes it, focus returns afterwards. */
export function Dialog({ title, onClose, children, size = 'normal', role = 'dialog' }: DialogProps) {
  const t = useT()
  const titleId = useId()
  const box = useRef<HTMLDivElement>(null)
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const first = box.current?.querySelector<HTMLElement>('[autofocus], .dialog-body ' + FOCUSABLE) ?? box.current
    first?.focus()
    document.body.classList.add('has-dialog')
    return () => {
      document.body.classList.remove('has-dialog')
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      close.current()
      return
    }
    if (e.key !== 'Tab' || !box.current) return
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const firstItem = items[0]
    const lastItem = items[items.length - 1]
    if (!firstItem || !lastItem) return
    if (e.shiftKey && document.activeElement === firstItem) {
      e.preventDefault()
      lastItem.focus()
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault()
      firstItem.focus()
    }
  }

  return (
    <div class="dialog-backdrop" onKeyDown={onKeyDown}>
      <div ref={box} class={`dialog dialog-${size}`} role={role} aria-modal="true" aria-labelledby={titleId} tabindex={-1}>
        <header class="dialog-header">
          <h2 id={titleId} class="dialog-title">
            {title}
          </h2>
          <button type="button" class="icon-button" aria-label={t('close')} onClick={() => onClose()}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none" />
            </svg>
          </button>
        </header>
        {children}
      </div>
    </div>
  )
}
