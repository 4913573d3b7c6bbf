import { useEffect, useRef, useState } from 'hono/jsx'
import { signOut, useUser } from '../auth'
import { useT } from '../i18n'
import { Link } from '../Link'
import { roleKey } from '../roles'

/** The signed-in user's name and role, with "change password" and "sign out". */
export function UserMenu() {
  const t = useT()
  const user = useUser()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false)
        root.current?.querySelector<HTMLElement>('.user-button')?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const initial = user.displayName.trim().charAt(0).toUpperCase() || '?'
  return (
    <div class="user-menu" ref={root}>
      <button type="button" class="user-button" aria-expanded={open ? 'true' : 'false'} aria-controls="user-menu-panel" onClick={() => setOpen(!open)}>
        <span class="avatar" aria-hidden="true">
          {initial}
        </span>
        <span class="user-button-text">
          <span class="user-name">{user.displayName}</span>
          <span class="user-role">{t(roleKey(user.role))}</span>
        </span>
        <svg class="caret" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path d="M3 4.5l3 3 3-3" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" />
        </svg>
      </button>
      {open ? (
        <div class="user-panel" id="user-menu-panel">
          <div class="user-panel-head">
            <p class="user-panel-name">{user.displayName}</p>
            <p class="user-panel-meta">
              {user.username} · {t(roleKey(user.role))}
            </p>
          </div>
          <Link href="/account/password" class="menu-item">
            {t('changePassword')}
          </Link>
          <button type="button" class="menu-item" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
