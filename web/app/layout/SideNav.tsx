import { useUser } from '../auth'
import { useT } from '../i18n'
import { Link } from '../Link'
import { canManageSupervisors, canManageUsers, canReadOrg, canReadSurveys, canReadVisits, canReviewResponses } from '../permissions'
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
const QuestionnairesIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M6.5 3.5H5a1.5 1.5 0 00-1.5 1.5v11A1.5 1.5 0 005 17.5h10a1.5 1.5 0 001.5-1.5V5A1.5 1.5 0 0015 3.5h-1.5M7 2.5h6v2.5H7zM7 9l1.5 1.5L11 8M7 14h6" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)
const CampaignsIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M4 17.5V3M4 3.5h10.5l-2 3.5 2 3.5H4" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)
const ReviewIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M10 2.5l6 2.2v4.6c0 3.9-2.6 6.9-6 8.2-3.4-1.3-6-4.3-6-8.2V4.7l6-2.2zM7.3 10l1.9 1.9 3.6-3.8" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)

const SupervisorsIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <circle cx="10" cy="6" r="3" stroke="currentColor" stroke-width="1.5" fill="none" />
    <path d="M4 17.5c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5M10 12v2.5" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" />
  </svg>
)
const VisitsIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M3 4.5h14v12H3zM3 8h14M7 2.5v3M13 2.5v3M6.5 12l2 2 4-4" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)

const DashboardIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M3 17.5h14M5 14.5V10M9 14.5V5M13 14.5V8M17 14.5V3" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linecap="round" />
  </svg>
)
const RankingsIcon = () => (
  <svg class="nav-icon" viewBox="0 0 20 20" aria-hidden="true">
    <path d="M2.5 17.5h15M4 17.5v-6h4v6M8 17.5v-10h4v10M12 17.5v-4h4v4" stroke="currentColor" stroke-width="1.5" fill="none" stroke-linejoin="round" />
  </svg>
)

/** The main navigation: a side column on desktop, a row of tabs on tablets. */
export function SideNav() {
  const t = useT()
  const user = useUser()
  const { path } = useLocation()
  const items = [
    ...(canReadSurveys(user) ? [{ href: '/dashboard', label: t('navDashboard'), icon: <DashboardIcon /> }] : []),
    ...(canReadSurveys(user) ? [{ href: '/rankings', label: t('navRankings'), icon: <RankingsIcon /> }] : []),
    ...(canReadOrg(user) ? [{ href: '/org', label: t('navOrg'), icon: <OrgIcon /> }] : []),
    ...(canReadSurveys(user) ? [{ href: '/questionnaires', label: t('navQuestionnaires'), icon: <QuestionnairesIcon /> }] : []),
    ...(canReadSurveys(user) ? [{ href: '/campaigns', label: t('navCampaigns'), icon: <CampaignsIcon /> }] : []),
    ...(canReviewResponses(user) ? [{ href: '/review', label: t('navReview'), icon: <ReviewIcon /> }] : []),
    ...(canReadVisits(user) ? [{ href: '/visits', label: t('navVisits'), icon: <VisitsIcon /> }] : []),
    ...(canManageSupervisors(user) ? [{ href: '/supervisors', label: t('navSupervisors'), icon: <SupervisorsIcon /> }] : []),
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
