import type { Child } from 'hono/jsx'
import { useT } from '../../../app/i18n'
import { InactiveBadge } from '../../../ui/Status'

interface DetailHeaderProps {
  kind: string
  icon: Child
  title: string
  code?: string | null | undefined
  path: string[]
  active: boolean
  actions?: Child
}

/** What is selected: its kind, name, code, where it sits, its status and what one can do with it. */
export function DetailHeader({ kind, icon, title, code, path, active, actions }: DetailHeaderProps) {
  const t = useT()
  return (
    <header class="detail-header">
      {path.length > 0 ? (
        <nav class="breadcrumb" aria-label={t('location')}>
          {path.map((p, i) => (
            <>
              {i > 0 ? (
                <span class="breadcrumb-sep" aria-hidden="true">
                  /
                </span>
              ) : null}
              <span>{p}</span>
            </>
          ))}
        </nav>
      ) : null}
      <div class="detail-title-row">
        <div class="detail-title-block">
          <p class="detail-kind">
            {icon}
            {kind}
          </p>
          <h2 class="detail-title">
            {code ? <span class="detail-code">{code}</span> : null}
            {title}
            {active ? null : <InactiveBadge />}
          </h2>
        </div>
        {actions ? <div class="detail-actions">{actions}</div> : null}
      </div>
    </header>
  )
}
