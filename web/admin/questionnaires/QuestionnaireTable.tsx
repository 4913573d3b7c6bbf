import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { formatDateTime } from '../../app/dates'
import { useT } from '../../app/i18n'
import { Link } from '../../app/Link'
import { formatCount, KIND_KEYS, VERSION_STATUS_KEYS } from './labels'
import type { TemplateInfo } from './TemplateDialog'

interface QuestionnaireTableProps {
  items: Questionnaire[]
  templates: TemplateInfo[]
  mayEdit: boolean
  onCopy: (q: Questionnaire) => void
  onArchive: (q: Questionnaire) => void
}

/** How many versions a row shows before "+N" (the builder lists them all). */
const VERSIONS_SHOWN = 3

/** Questionnaires: name, who answers it, its template, its versions with status and responses. */
export function QuestionnaireTable({ items, templates, mayEdit, onCopy, onArchive }: QuestionnaireTableProps) {
  const t = useT()
  const templateName = (key: string | null) => (key ? (templates.find((tp) => tp.key === key)?.name ?? key) : null)
  return (
    <div class="table-wrap">
      <table class="table table-questionnaires">
        <thead>
          <tr>
            <th scope="col">{t('questionnaireName')}</th>
            <th scope="col">{t('questionnaireKind')}</th>
            <th scope="col">{t('template')}</th>
            <th scope="col">{t('versions')}</th>
            <th scope="col" class="hide-on-tablet">
              {t('updatedAt')}
            </th>
            {mayEdit ? (
              <th scope="col" class="actions-col">
                <span class="visually-hidden">{t('actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((q) => (
            <tr class={q.archived ? 'is-inactive' : ''}>
              <td class="cell-main">
                <Link href={`/questionnaires/${q.id}`} class="cell-title">
                  {q.name}
                </Link>
                {q.archived ? <span class="badge badge-muted">{t('archived')}</span> : null}
                {q.description ? <span class="cell-sub-text">{q.description}</span> : null}
              </td>
              <td>
                <span class={`kind-tag kind-${q.kind}`}>{t(KIND_KEYS[q.kind])}</span>
              </td>
              <td class="cell-template">{templateName(q.templateKey) ?? <span class="muted">—</span>}</td>
              <td>
                <ul class="version-chips">
                  {q.versions.slice(0, VERSIONS_SHOWN).map((v) => (
                    <li class={`version-chip status-${v.status}`}>
                      <span class="version-chip-name">{t('versionN', { n: v.version })}</span>
                      <span class="version-chip-status">{t(VERSION_STATUS_KEYS[v.status])}</span>
                      {v.status === 'published' ? <span class="version-chip-count">{t('responsesCount', { count: formatCount(v.responseCount) })}</span> : null}
                    </li>
                  ))}
                  {q.versions.length > VERSIONS_SHOWN ? <li class="version-chip-more">+{q.versions.length - VERSIONS_SHOWN}</li> : null}
                </ul>
              </td>
              <td class="nowrap hide-on-tablet">{formatDateTime(q.versions[0]?.updatedAt ?? q.updatedAt)}</td>
              {mayEdit ? (
                <td class="actions-col">
                  <div class="row-actions">
                    <button type="button" class="btn btn-small btn-quiet" aria-label={t('copyQuestionnaireNamed', { name: q.name })} onClick={() => onCopy(q)}>
                      {t('copyQuestionnaire')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-small btn-quiet"
                      aria-label={q.archived ? t('unarchiveNamed', { name: q.name }) : t('archiveNamed', { name: q.name })}
                      onClick={() => onArchive(q)}
                    >
                      {q.archived ? t('unarchive') : t('archive')}
                    </button>
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
