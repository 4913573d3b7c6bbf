import { useUser } from '../auth'
import { useT } from '../i18n'
import { Link } from '../Link'
import { canManageUsers, canReadOrg } from '../permissions'
import { useLocation } from '../router'

const OrgIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M7 2.5h6v4H7zM2.5 13.5h5v4h-5zM12.5 13.5h5v4h-5zM10 6.5v3.5M5 13.5V10h10v3.5" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linejoin="round" />
  </svg>
)
const UsersIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <circle cx="7.5" cy="6.5" r="3" stroke="currentColor" stroke-width="1.5" fill="none" />
    <path d="M2 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M13.5 3.8a3 3 0 010 5.4M15.5 12.3c1.6.7 2.5 2.4 2.5 4.7" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" />
  </svg>
)

/** The main navigation: a side column on desktop, a row of tabs on tablets. */
export function SideNav() {
  const t = useT()
  const user = useUser()
  const { path } = useLocation()
  const items = [
    ...(canReadOrg(user) ? [{ href: '/org', label: t('navOrg'), icon: <OrgIcon /> }] : []),
    ...(canManageUsers(user) ? [{ href: '/users', label: t('navUsers'), icon: <UsersIcon /> }] : []),
  ]
  return (
    <nav class="side-nav" aria-label={t('mainNavigation')}>
      <ul class="nav-list">
        {items.map((item) => (
          <li>
            <Link href={item.href} class="nav-link" aria-current={path.startsWith(item.href) ? 'page' : undefined}>
              {item.icon}
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
