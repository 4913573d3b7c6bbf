import { useEffect, useState } from 'hono/jsx'
import type { Questionnaire } from '../../../shared/schemas/questionnaire'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useUser } from '../../app/auth'
import { useT } from '../../app/i18n'
import { usePageTitle } from '../../app/page-title'
import { canManageSurveys } from '../../app/permissions'
import { navigate } from '../../app/router'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { BlankDialog } from './BlankDialog'
import { QuestionnaireTable } from './QuestionnaireTable'
import { TemplateDialog, type TemplateInfo } from './TemplateDialog'

type ListDialog = { kind: 'template' } | { kind: 'blank' } | { kind: 'copy'; questionnaire: Questionnaire } | { kind: 'archive'; questionnaire: Questionnaire }

/** Questionnaires with their versions; administrators create them (from a template, as a copy, or blank) and archive them. */
export function QuestionnairesPage() {
  const t = useT()
  const user = useUser()
  usePageTitle(t('navQuestionnaires'))
  const [items, setItems] = useState<Questionnaire[] | null>(null)
  const [templates, setTemplates] = useState<TemplateInfo[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [showArchived, setShowArchived] = useState(false)
  const [dialog, setDialog] = useState<ListDialog | null>(null)
  const mayEdit = canManageSurveys(user)

  const load = async () => {
    try {
      const [list, tpl] = await Promise.all([call(api.questionnaires.$get({ query: { includeArchived: 'true' } })), call(api.questionnaires.templates.$get())])
      setItems(list.items)
      setTemplates(tpl.items)
      setError(null)
    } catch (e) {
      setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [])

  const close = () => setDialog(null)
  const open = (q: Questionnaire) => navigate(`/questionnaires/${q.id}`)
  const archivedCount = (items ?? []).filter((q) => q.archived).length
  const shown = (items ?? []).filter((q) => showArchived || !q.archived)

  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navQuestionnaires')}</h1>
          <p class="page-subtitle">{t('questionnairesSubtitle')}</p>
        </div>
        {mayEdit ? (
          <div class="page-actions">
            <button type="button" class="btn" onClick={() => setDialog({ kind: 'blank' })}>
              {t('newBlank')}
            </button>
            <button type="button" class="btn btn-primary" disabled={templates.length === 0} onClick={() => setDialog({ kind: 'template' })}>
              {t('newFromTemplate')}
            </button>
          </div>
        ) : null}
      </header>
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      {!items && !error ? <Loading /> : null}
      {items ? (
        <section class="card">
          {archivedCount > 0 ? (
            <div class="list-tools">
              <label class="check">
                <input type="checkbox" checked={showArchived} onChange={(e: Event) => setShowArchived((e.currentTarget as HTMLInputElement).checked)} />
                <span>{t('showArchived', { count: archivedCount })}</span>
              </label>
            </div>
          ) : null}
          {shown.length === 0 ? (
            <div class="empty">
              <p>{mayEdit ? t('noQuestionnairesYet') : t('noQuestionnairesVisible')}</p>
              {mayEdit ? (
                <div class="empty-actions">
                  <button type="button" class="btn btn-primary" disabled={templates.length === 0} onClick={() => setDialog({ kind: 'template' })}>
                    {t('newFromTemplate')}
                  </button>
                  <button type="button" class="btn" onClick={() => setDialog({ kind: 'blank' })}>
                    {t('newBlank')}
                  </button>
                </div>
              ) : null}
            </div>
          ) : (
            <QuestionnaireTable
              items={shown}
              templates={templates}
              mayEdit={mayEdit}
              onCopy={(questionnaire) => setDialog({ kind: 'copy', questionnaire })}
              onArchive={(questionnaire) => setDialog({ kind: 'archive', questionnaire })}
            />
          )}
        </section>
      ) : null}

      {dialog?.kind === 'template' ? <TemplateDialog templates={templates} onClose={close} onCreated={open} /> : null}
      {dialog?.kind === 'blank' ? <BlankDialog onClose={close} onCreated={open} /> : null}
      {dialog?.kind === 'copy' ? (
        <ConfirmDialog
          title={t('copyQuestionnaireNamed', { name: dialog.questionnaire.name })}
          message={t('copyQuestionnaireNote')}
          confirmLabel={t('copyQuestionnaire')}
          onConfirm={async () => open(await call(api.questionnaires.$post({ json: { copyOf: dialog.questionnaire.id } })))}
          onDone={close}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'archive' ? (
        <ConfirmDialog
          title={dialog.questionnaire.archived ? t('unarchiveNamed', { name: dialog.questionnaire.name }) : t('archiveNamed', { name: dialog.questionnaire.name })}
          message={dialog.questionnaire.archived ? t('unarchiveNote') : t('archiveNote')}
          confirmLabel={dialog.questionnaire.archived ? t('unarchive') : t('archive')}
          onConfirm={() => call(api.questionnaires[':id'].$patch({ param: { id: String(dialog.questionnaire.id) }, json: { archived: !dialog.questionnaire.archived } }))}
          onDone={() => void load().then(close)}
          onClose={close}
        />
      ) : null}
    </div>
  )
}
