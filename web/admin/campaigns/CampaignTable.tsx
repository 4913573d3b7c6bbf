import type { Campaign } from '../../../shared/schemas/campaign'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { percent, STATUS_KEYS } from './labels'

interface CampaignTableProps {
  campaigns: Campaign[]
  questionnaires: Questionnaire[]
  mayEdit: boolean
  onAction: (c: Campaign, action: 'activate' | 'close') => void
}

/** Campaigns with their period, status, number of windows, questionnaire and target. */
export function CampaignTable({ campaigns, questionnaires, mayEdit, onAction }: CampaignTableProps) {
  const t = useT()
  const questionnaireName = (id: number) => questionnaires.find((q) => q.id === id)?.name ?? `#${id}`
  return (
    <div class="table-wrap">
      <table class="table table-campaigns">
        <thead>
          <tr>
            <th scope="col">{t('campaignName')}</th>
            <th scope="col">{t('period')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" class="num">
              {t('windowsInScope')}
            </th>
            <th scope="col">{t('target')}</th>
            {mayEdit ? (
              <th scope="col" class="actions-col">
                <span class="visually-hidden">{t('actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr class={c.status === 'closed' ? 'is-closed' : ''}>
              <td class="cell-main">
                <Link href={`/campaigns/${c.id}`} class="cell-title">
                  {c.name}
                </Link>
                <span class="cell-sub-text">
                  {t('questionnaire')}：{questionnaireName(c.questionnaireId)}
                </span>
              </td>
              <td>
                <span class="cell-dates">
                  <span class="nowrap">{c.startsOn}</span> <span class="nowrap">{t('dateTo', { to: c.endsOn })}</span>
                </span>
                {c.phases.length > 0 ? <span class="cell-sub-text">{t('phasesCount', { count: c.phases.length })}</span> : null}
              </td>
              <td>
                <span class={`status-tag status-${c.status}`}>{t(STATUS_KEYS[c.status])}</span>
              </td>
              <td class="num">{c.windowCount}</td>
              <td>
                <span class="nowrap">{t('targetSummary', { rate: percent(c.targetRate) })}</span>
                <span class="cell-sub-text">{t('minSampleSummary', { n: c.minSample })}</span>
              </td>
              {mayEdit ? (
                <td class="actions-col">
                  <div class="row-actions">
                    {c.status !== 'closed' ? (
                      <Link href={`/campaigns/${c.id}`} class="btn btn-small btn-quiet">
                        {t('edit')}
                      </Link>
                    ) : null}
                    {c.status === 'draft' ? (
                      <button type="button" class="btn btn-small" aria-label={t('campaignActivateNamed', { name: c.name })} onClick={() => onAction(c, 'activate')}>
                        {t('activate')}
                      </button>
                    ) : null}
                    {c.status === 'active' ? (
                      <button type="button" class="btn btn-small btn-quiet btn-danger-quiet" aria-label={t('campaignCloseNamed', { name: c.name })} onClick={() => onAction(c, 'close')}>
                        {t('endCampaign')}
                      </button>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
