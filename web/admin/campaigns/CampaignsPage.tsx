import { useEffect, useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { usePageTitle } from '../../app/page-title'
import { canManageSurveys } from '../../app/permissions'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { CampaignActionDialog } from './CampaignActionDialog'
import { CampaignTable } from './CampaignTable'

type Action = { campaign: Campaign; action: 'activate' | 'close' }

/** Campaigns (测评活动): period, status, windows, target; administrators create, activate and close them. */
export function CampaignsPage() {
  const t = useT()
  const user = useUser()
  usePageTitle(t('navCampaigns'))
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null)
  const [questionnaires, setQuestionnaires] = useState<Questionnaire[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [action, setAction] = useState<Action | null>(null)
  const mayEdit = canManageSurveys(user)

  const load = async () => {
    try {
      const [list, qs] = await Promise.all([call(api.campaigns.$get()), call(api.questionnaires.$get({ query: { kind: 'citizen', includeArchived: 'true' } }))])
      setCampaigns(list.items)
      setQuestionnaires(qs.items)
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [])

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navCampaigns')}</h1>
          <p class="page-subtitle">{t('campaignsSubtitle')}</p>
        </div>
        {mayEdit ? (
          <div class="page-actions">
            <Link href="/campaigns/new" class="btn btn-primary">
              {t('newCampaign')}
            </Link>
          </div>
        ) : null}
      </header>
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {!campaigns && !error ? <Loading /> : null}
      {campaigns ? (
        <section class="card">
          {campaigns.length === 0 ? (
            <div class="empty">
              <p>{mayEdit ? t('noCampaignsYetAdmin') : t('noCampaignsYet')}</p>
              {mayEdit ? (
                <div class="empty-actions">
                  <Link href="/campaigns/new" class="btn btn-primary">
                    {t('newCampaign')}
                  </Link>
                </div>
              ) : null}
            </div>
          ) : (
            <CampaignTable campaigns={campaigns} questionnaires={questionnaires} mayEdit={mayEdit} onAction={(campaign, a) => setAction({ campaign, action: a })} />
          )}
        </section>
      ) : null}
      {action ? <CampaignActionDialog campaign={action.campaign} action={action.action} onClose={() => setAction(null)} onDone={() => void load().then(() => setAction(null))} /> : null}
    </div>
  )
}
