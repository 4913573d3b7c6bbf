import type { Questionnaire } from '../../../../shared/schemas/questionnaire'
import { formatDateTime } from '../../../app/dates'
import { useT } from '../../../app/i18n'
import { Link } from '../../../app/Link'
import { formatCount, VERSION_STATUS_KEYS } from '../labels'

/** Every version, newest first: status, when, how many responses; each opens that version. */
export function VersionHistory({ questionnaire, viewing }: { questionnaire: Questionnaire; viewing: number }) {
  const t = useT()
  const latest = questionnaire.versions[0]?.version
  return (
    <section class="card version-history" aria-labelledby="version-history-title">
      <h2 class="card-title" id="version-history-title">
        {t('versionHistory')}
      </h2>
      <ol class="version-list">
        {questionnaire.versions.map((v) => {
          const current = v.version === viewing
          const href = v.version === latest ? `/questionnaires/${questionnaire.id}` : `/questionnaires/${questionnaire.id}?version=${v.version}`
          return (
            <li class={`version-item${current ? ' is-current' : ''}`}>
              <Link href={href} class="version-link" aria-current={current ? 'page' : undefined}>
                <span class="version-name">{t('versionN', { n: v.version })}</span>
                <span class={`status-tag status-${v.status}`}>{t(VERSION_STATUS_KEYS[v.status])}</span>
              </Link>
              <p class="version-meta">
                {v.publishedAt ? t('publishedOn', { time: formatDateTime(v.publishedAt) }) : t('updatedOn', { time: formatDateTime(v.updatedAt) })}
                {v.status === 'published' ? ` · ${t('responsesCount', { count: formatCount(v.responseCount) })}` : ''}
              </p>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
