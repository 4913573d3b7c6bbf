import type { Window } from '../../../../shared/schemas/org'
import { useT } from '../../../app/i18n'
import { InactiveBadge } from '../../../ui/Status'
import { KIND_KEYS } from '../KindIcon'

/** A unit's windows: code, name, kind, staff; each opens the window. */
export function WindowTable({ windows, onSelect, empty }: { windows: Window[]; onSelect: (id: number) => void; empty: string }) {
  const t = useT()
  if (windows.length === 0) return <p class="empty-inline">{empty}</p>
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('windowCode')}</th>
            <th scope="col">{t('windowName')}</th>
            <th scope="col">{t('windowKind')}</th>
            <th scope="col" class="num">
              {t('staff')}
            </th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr class={w.active ? '' : 'is-inactive'}>
              <td>
                <span class="code">{w.code}</span>
              </td>
              <td>
                <button type="button" class="link-button" onClick={() => onSelect(w.id)}>
                  {w.name}
                </button>
                {w.active ? null : <InactiveBadge />}
              </td>
              <td>{t(KIND_KEYS[w.kind])}</td>
              <td class="num">{w.staffCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
