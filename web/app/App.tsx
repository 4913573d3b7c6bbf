import { useEffect } from 'hono/jsx'
import { UsersPage } from '../admin/users/UsersPage'
import { OrgPage } from '../admin/org/OrgPage'
import { CampaignFormPage } from '../admin/campaigns/CampaignFormPage'
import { CampaignsPage } from '../admin/campaigns/CampaignsPage'
import { BuilderPage } from '../admin/questionnaires/builder/BuilderPage'
import { QuestionnairesPage } from '../admin/questionnaires/QuestionnairesPage'
import { ReviewPage } from '../admin/review/ReviewPage'
import { SupervisorsPage } from '../admin/supervisors/SupervisorsPage'
import { VisitPage } from '../admin/visits/VisitPage'
import { VisitsPage } from '../admin/visits/VisitsPage'
import { DashboardPage } from '../admin/dashboard/DashboardPage'
import { WindowDashboardPage } from '../admin/dashboard/WindowDashboardPage'
import { PublicationsPage } from '../admin/rankings/PublicationsPage'
import { RankingsPage } from '../admin/rankings/RankingsPage'
import { SupervisePage } from '../supervise/SupervisePage'
import { VisitFormPage } from '../supervise/VisitFormPage'
import { ChangePasswordPage } from '../auth/ChangePasswordPage'
import { LoginPage } from '../auth/LoginPage'
import { loadSession, useAuth } from './auth'
import { AdminLayout } from './layout/AdminLayout'
import { ForbiddenPage } from './pages/ForbiddenPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { resolveRoute } from './routes'
import { navigate, useLocation } from './router'
import { Loading } from '../ui/Status'

/** The whole single-page app: finds out who is signed in, then shows the page the address asks for. */
export function App() {
  const auth = useAuth()
  const location = useLocation()
  useEffect(() => {
    void loadSession()
  }, [])

  const resolution = auth.status === 'loading' ? null : resolveRoute(location, auth)
  const redirect = resolution && 'redirect' in resolution ? resolution.redirect : null
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true })
  }, [redirect])

  if (!resolution || 'redirect' in resolution) {
    return (
      <div class="boot">
        <Loading />
      </div>
    )
  }
  switch (resolution.page) {
    case 'login':
      return <LoginPage />
    case 'not-found':
      return auth.status === 'signed-in' ? (
        <AdminLayout>
          <NotFoundPage signedIn />
        </AdminLayout>
      ) : (
        <div class="public-page">
          <NotFoundPage signedIn={false} />
        </div>
      )
    case 'password':
      return <ChangePasswordPage />
    case 'org':
      return (
        <AdminLayout>
          <OrgPage />
        </AdminLayout>
      )
    case 'users':
      return (
        <AdminLayout>
          <UsersPage />
        </AdminLayout>
      )
    case 'questionnaires':
      return (
        <AdminLayout>
          <QuestionnairesPage />
        </AdminLayout>
      )
    case 'questionnaire':
      return (
        <AdminLayout>
          <BuilderPage />
        </AdminLayout>
      )
    case 'campaigns':
      return (
        <AdminLayout>
          <CampaignsPage />
        </AdminLayout>
      )
    case 'campaign':
      return (
        <AdminLayout>
          <CampaignFormPage />
        </AdminLayout>
      )
    case 'review':
      return (
        <AdminLayout>
          <ReviewPage />
        </AdminLayout>
      )
    case 'supervise':
      return <SupervisePage />
    case 'supervise-visit':
      return <VisitFormPage />
    case 'supervisors':
      return (
        <AdminLayout>
          <SupervisorsPage />
        </AdminLayout>
      )
    case 'dashboard':
      return (
        <AdminLayout>
          <DashboardPage />
        </AdminLayout>
      )
    case 'dashboard-window':
      return (
        <AdminLayout>
          <WindowDashboardPage />
        </AdminLayout>
      )
    case 'rankings':
      return (
        <AdminLayout>
          <RankingsPage />
        </AdminLayout>
      )
    case 'publications':
      return (
        <AdminLayout>
          <PublicationsPage />
        </AdminLayout>
      )
    case 'visits':
      return (
        <AdminLayout>
          <VisitsPage />
        </AdminLayout>
      )
    case 'visit':
      return (
        <AdminLayout>
          <VisitPage />
        </AdminLayout>
      )
    default:
      return (
        <AdminLayout>
          <ForbiddenPage />
        </AdminLayout>
      )
  }
}
