import { useT } from '../../app/i18n'
import { rankingExportHref, responsesExportHref, type RankingQuery } from './query'

const DownloadIcon = () => (
  <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
    <path d="M8 2.5v7.5M4.8 7l3.2 3.2L11.2 7M3 13.2h10" stroke="currentColor" stroke-width="1.6" fill="none" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)

/**
 * Downloads with the filters on screen: the ranking, and the responses behind it. Plain links: the session cookie goes
 * with them and the server streams the file.
 */
export function ExportLinks({ campaignId, query }: { campaignId: number; query: RankingQuery }) {
  const t = useT()
  return (
    <div class="rk-exports">
      <div class="rk-export-group" role="group" aria-labelledby="rk-export-ranking">
        <span class="rk-export-label" id="rk-export-ranking">
          {t('rkExportRanking')}
        </span>
        <a class="btn btn-small" href={rankingExportHref(campaignId, query, 'csv')} download>
          <DownloadIcon />
          {t('rkExportCsv')}
        </a>
        <a class="btn btn-small" href={rankingExportHref(campaignId, query, 'xlsx')} download>
          <DownloadIcon />
          {t('rkExportXlsx')}
        </a>
      </div>
      <div class="rk-export-group" role="group" aria-labelledby="rk-export-responses">
        <span class="rk-export-label" id="rk-export-responses">
          {t('rkExportResponses')}
        </span>
        <a class="btn btn-small" href={responsesExportHref(campaignId, query, 'csv')} download aria-label={t('rkExportResponsesAs', { format: 'CSV' })}>
          <DownloadIcon />
          CSV
        </a>
        <a class="btn btn-small" href={responsesExportHref(campaignId, query, 'xlsx')} download aria-label={t('rkExportResponsesAs', { format: 'Excel' })}>
          <DownloadIcon />
          Excel
        </a>
      </div>
    </div>
  )
}
