import { useEffect, useRef, useState } from 'hono/jsx'
import type { Supervisor, SupervisorStatus } from '../../../shared/schemas/supervision'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { usePageTitle } from '../../app/page-title'
import { LoadError, Loading } from '../../ui/Status'
import { asApiError } from '../../ui/use-submit'
import { InlineSelect } from './fields'
import { InitialPasswordDialog } from './InitialPasswords'
import { STATUS_FILTERS, STATUS_KEYS, todayLocal } from './labels'
import { RosterImportDialog } from './RosterImportDialog'
import { RosterPrint } from './RosterPrint'
import { RosterTable } from './RosterTable'
import { SupervisorForm } from './SupervisorForm'
import { EndDialog, RenewDialog } from './TermDialogs'

type Filter = 'all' | SupervisorStatus

type RosterDialog =
  | { kind: 'new' }
  | { kind: 'edit'; supervisor: Supervisor }
  | { kind: 'renew'; supervisor: Supervisor }
  | { kind: 'end'; supervisor: Supervisor }
  | { kind: 'import' }
  | { kind: 'password'; name: string; username: string; password: string }

/** How long typing in the search box waits before asking the server. */
const SEARCH_DELAY_MS = 250

/**
 * 监督员: the roster of appointed supervisors (admin only). Appoint (the first password is shown once), edit, renew
 * a term, end an appointment with a reason; import and export the roster as CSV; print the appointment list.
 */
export function SupervisorsPage() {
  const t = useT()
  usePageTitle(t('navSupervisors'))
  const [supervisors, setSupervisors] = useState<Supervisor[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [status, setStatus] = useState<Filter>('all')
  const [query, setQuery] = useState('')
  const [dialog, setDialog] = useState<RosterDialog | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [opening, setOpening] = useState<number | null>(null)
  // Answers can arrive out of order while someone types; only the latest request's answer is shown.
  const generation = useRef(0)

  const load = async (filter = status, q = query) => {
    const mine = ++generation.current
    try {
      const trimmed = q.trim()
      const list = await call(api.supervisors.$get({ query: trimmed ? { status: filter, q: trimmed } : { status: filter } }))
      if (mine !== generation.current) return
      setSupervisors(list.items)
      setError(null)
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e))
    }
  }
  useEffect(() => {
    void load()
  }, [status])
  const searched = useRef(query)
  useEffect(() => {
    if (searched.current === query) return // the first render: already loading
    searched.current = query
    const timer = setTimeout(() => void load(status, query), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query])

  const close = () => setDialog(null)
  const reload = () => void load().then(close)
  const done = (message: string) => {
    setNotice(message)
    reload()
  }

  // The list masks phone numbers; editing starts from the whole record.
  const edit = async (s: Supervisor) => {
    setOpening(s.id)
    try {
      setDialog({ kind: 'edit', supervisor: await call(api.supervisors[':id'].$get({ param: { id: String(s.id) } })) })
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setOpening(null)
    }
  }

  const filterLabel = (f: Filter) => (f === 'all' ? t('svFilterAll') : t(STATUS_KEYS[f]))
  const filtered = status !== 'all' || query.trim() !== ''

  return (
    <div class="page sv-roster-page">
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('navSupervisors')}</h1>
          <p class="page-subtitle">{t('svRosterSubtitle')}</p>
        </div>
        <div class="page-actions">
          <button type="button" class="btn" onClick={() => setDialog({ kind: 'import' })}>
            {t('importCsv')}
          </button>
          <a class="btn" href="/api/supervisors/export" download>
            {t('exportCsv')}
          </a>
          <button type="button" class="btn" disabled={!supervisors || supervisors.length === 0} onClick={() => window.print()}>
            <PrintIcon />
            {t('svPrint')}
          </button>
          <button type="button" class="btn btn-primary" onClick={() => setDialog({ kind: 'new' })}>
            {t('svAppoint')}
          </button>
        </div>
      </header>
      {notice ? (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <LoadError error={error} onRetry={() => void load()} /> : null}
      <section class="card">
        <div class="list-tools">
          <input
            type="search"
            class="input list-search"
            value={query}
            placeholder={t('svSearch')}
            aria-label={t('svSearch')}
            maxlength={50}
            onInput={(e: Event) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <InlineSelect label={t('status')} value={status} options={STATUS_FILTERS.map((f) => ({ value: f, label: filterLabel(f) }))} onChange={(v) => setStatus(v as Filter)} />
          {supervisors ? (
            <span class="muted sv-count" aria-live="polite">
              {t('svRosterCount', { count: supervisors.length })}
            </span>
          ) : null}
        </div>
        {!supervisors && !error ? <Loading /> : null}
        {supervisors && supervisors.length === 0 ? <p class="empty">{filtered ? t('svRosterNoMatch') : t('svRosterEmpty')}</p> : null}
        {supervisors && supervisors.length > 0 ? (
          <RosterTable
            supervisors={supervisors}
            onEdit={(s) => (opening === null ? void edit(s) : undefined)}
            onRenew={(supervisor) => setDialog({ kind: 'renew', supervisor })}
            onEnd={(supervisor) => setDialog({ kind: 'end', supervisor })}
          />
        ) : null}
      </section>
      <p class="table-note">{t('svPhoneMaskedNote')}</p>

      {supervisors ? <RosterPrint supervisors={supervisors} filterLabel={query.trim() ? `${filterLabel(status)} · “${query.trim()}”` : filterLabel(status)} printedOn={todayLocal()} /> : null}

      {dialog?.kind === 'new' ? (
        <SupervisorForm
          onClose={close}
          onSaved={({ supervisor, initialPassword }) => {
            setNotice(null)
            setDialog({ kind: 'password', name: supervisor.displayName, username: supervisor.username, password: initialPassword ?? '' })
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? <SupervisorForm supervisor={dialog.supervisor} onClose={close} onSaved={({ supervisor }) => done(t('svSavedNamed', { name: supervisor.displayName }))} /> : null}
      {dialog?.kind === 'renew' ? <RenewDialog supervisor={dialog.supervisor} onClose={close} onDone={(s) => done(t('svRenewedNamed', { name: s.displayName, end: s.termEnd }))} /> : null}
      {dialog?.kind === 'end' ? <EndDialog supervisor={dialog.supervisor} onClose={close} onDone={(s) => done(t('svEndedNamed', { name: s.displayName }))} /> : null}
      {dialog?.kind === 'import' ? <RosterImportDialog onClose={close} onImported={() => void load()} /> : null}
      {dialog?.kind === 'password' ? (
        <InitialPasswordDialog
          name={dialog.name}
          account={{ username: dialog.username, password: dialog.password }}
          onClose={() => {
            setNotice(t('svAppointedNamed', { name: dialog.name }))
            reload()
          }}
        />
      ) : null}
    </div>
  )
}

const PrintIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M4.5 6V2h7v4M4.5 11.5h-2V6.5h11v5h-2M4.5 9.5h7V14h-7z" stroke="currentColor" stroke-width="1.3" fill="none" stroke-linejoin="round" />
  </svg>
)
