import { useEffect, useRef, useState } from 'hono/jsx'
import type { Locale } from '../../shared/i18n/locale'
import type { SubmissionBody, SurveyInfo } from '../../shared/schemas/survey'
import { checkAnswers, visibleQuestions, type Answers, type AnswerValue } from '../../shared/survey/answers'
import type { Definition } from '../../shared/survey/definition'
import { loadPreview, loadSurvey, postResponse, type ApiProblem, type SendResult } from './api'
import { newClientKey } from './client-key'
import { TopBar } from './components/TopBar'
import { WindowHeader } from './components/WindowHeader'
import { isSurveyKey } from '../../shared/i18n/survey'
import { localText, translator, type Translate } from './i18n'
import { useKioskIdle, useKioskReturn } from './kiosk'
import { deliver, refusedFor, waitingFor, type Delivery, type PendingEntry } from './pending'
import { MessagePage, messageTitle, type MessageKind } from './pages/MessagePage'
import { SurveyPage } from './pages/SurveyPage'
import { ThanksPage } from './pages/ThanksPage'
import { WaitingPage } from './pages/WaitingPage'
import { initialElder, initialLocale, rememberElder, rememberLocale } from './prefs'
import type { Route } from './route'

type Screen =
  | { name: 'loading' }
  | { name: 'message'; kind: MessageKind }
  | { name: 'form' }
  | { name: 'waiting'; sending: boolean; earlier: boolean }
  | { name: 'thanks'; code: string | null }

interface Survey {
  window: SurveyInfo['window']
  /** Null when the window is not collecting (the window is still shown, with its hotline). */
  version: { id: number; definition: Definition } | null
}

interface FormState {
  answers: Answers
  errors: Record<string, string>
  alert?: string | undefined
  clientKey: string
  /** When the questions were shown (for durationMs). */
  startedAt: number
  sending: boolean
}

const fresh = (answers: Answers = {}): FormState => ({ answers, errors: {}, clientKey: newClientKey(), startedAt: Date.now(), sending: false })

/** What the preview's thank-you screen shows in place of a real tracking code. */
export const SAMPLE_CODE = 'ABCDE-FGHJK'

/** What "not found" means depends on what was scanned or opened. */
const NOT_FOUND: Partial<Record<Route['kind'], MessageKind>> = { code: 'codeUnknown', kiosk: 'kioskUnknown', preview: 'notFound' }

/** The friendly page for an API refusal, or null when the form should show the message instead. */
function messageFor(route: Route, problem: ApiProblem): MessageKind | null {
  if (problem.code === 'survey_replaced') return 'replaced'
  if (problem.code === 'code_used') return 'codeUsed'
  if (problem.code === 'survey_closed') return 'closed'
  if (problem.status === 404) return NOT_FOUND[route.kind] ?? 'unknown'
  if (problem.status === 401 && route.kind === 'preview') return 'signIn'
  if (problem.status === 0 || problem.status >= 500) return 'loadFailed'
  return null
}

/** Messages next to questions, from the page's own check or the server's 400 answers_invalid. */
function problemMessages(t: Translate, problems: { question: string; problem: string }[]): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const p of problems) errors[p.question] ??= t(isSurveyKey(p.problem) ? p.problem : 'answer_invalid')
  return errors
}

const toTop = () => {
  if (document.scrollingElement) document.scrollingElement.scrollTop = 0
}

/** Moves focus to the first question with a message, after the page has drawn it. */
function focusFirstProblem(keys: string[]) {
  setTimeout(() => {
    const first = keys.map((k) => document.getElementById(`q-${k}`)).find(Boolean)
    first?.querySelector<HTMLElement>('input, textarea')?.focus()
  })
}

/**
 * The citizen page: loads the window's survey, shows the questions, keeps the answers on the device until the server
 * has them, and thanks the citizen with a tracking code. One component owns the flow; pages only draw.
 */
export function App({ route }: { route: Route }) {
  const kiosk = route.kind === 'kiosk'
  const preview = route.kind === 'preview'
  const [locale, setLocale] = useState<Locale>(initialLocale)
  // A kiosk serves one citizen after another: its elder mode is per person, never remembered.
  const [elder, setElder] = useState(() => !kiosk && initialElder())
  const [screen, setScreen] = useState<Screen>({ name: 'loading' })
  const [survey, setSurvey] = useState<Survey | null>(null)
  const [form, setForm] = useState<FormState>(() => fresh())
  const delivery = useRef<Delivery | null>(null)
  const honeypot = useRef<HTMLInputElement>(null)
  const t = translator(locale)
  const send = (entry: PendingEntry) => postResponse(entry.target, entry.body, locale)

  const showForm = (definition: Definition, refused?: PendingEntry) => {
    if (!refused?.refused) setForm(fresh())
    else {
      // Answers the server refused on an earlier visit come back on screen with the reason, never silently lost
      // (only those the current questionnaire still asks, should it have changed since).
      const keys = new Set(definition.questions.map((q) => q.key))
      const answers = Object.fromEntries(Object.entries(refused.body.answers).filter(([key]) => keys.has(key)))
      const errors = problemMessages(t, (refused.refused.answers ?? []).filter((p) => keys.has(p.question)))
      setForm({ ...fresh(answers), clientKey: refused.body.clientKey, errors, alert: t('refusedBefore', { message: refused.refused.message }) })
    }
    setScreen({ name: 'form' })
  }

  /** After a refusal: a friendly page when it is about the code or window, else the messages on the form. */
  const refused = (problem: ApiProblem) => {
    const kind = messageFor(route, problem)
    if (kind && kind !== 'loadFailed') return setScreen({ name: 'message', kind })
    const errors = problem.answers ? problemMessages(t, problem.answers) : {}
    setForm((f) => ({ ...f, sending: false, errors, alert: problem.message }))
    setScreen({ name: 'form' })
    focusFirstProblem(Object.keys(errors))
  }

  const finished = (result: SendResult) => {
    if (result.kind === 'stored') setScreen({ name: 'thanks', code: result.trackingCode })
    else if (result.kind === 'refused') refused(result.problem)
  }

  /** A page opened with answers saved on an earlier visit sends them before anything else. */
  const resendEarlier = async (entries: PendingEntry[]) => {
    setScreen({ name: 'waiting', sending: true, earlier: true })
    let last: SendResult | undefined
    for (const entry of entries) {
      delivery.current = deliver(entry, send, () => setScreen({ name: 'waiting', sending: false, earlier: true }))
      last = await delivery.current.done
      if (last.kind === 'retry') return // stopped: the page is going away
    }
    return last
  }

  const load = async () => {
    setScreen({ name: 'loading' })
    if (route.kind === 'unknown') return setScreen({ name: 'message', kind: 'notFound' })
    if (route.kind === 'preview') {
      const loaded = await loadPreview(route.api, locale)
      if (!loaded.ok) return setScreen({ name: 'message', kind: messageFor(route, loaded.problem) ?? 'notFound' })
      // A stand-in window: the preview belongs to no window, and shows no hotline it would have to invent.
      const sample = { name: t('previewWindow'), code: 'A-01', unitName: t('previewUnit'), hotline: null }
      setSurvey({ window: sample, version: loaded.data })
      return showForm(loaded.data.definition)
    }
    const waiting = waitingFor(route.api)
    // A kiosk never makes the next citizen wait for the last one's network: its saved answers go in the background.
    if (kiosk) for (const entry of waiting) deliver(entry, send)
    const info = loadSurvey(route.api, locale)
    const earlier = !kiosk && waiting.length ? await resendEarlier(waiting) : undefined
    const loaded = await info
    if (loaded.ok) setSurvey({ window: loaded.data.window, version: loaded.data.version })
    if (earlier?.kind === 'stored') return setScreen({ name: 'thanks', code: earlier.trackingCode })
    if (!loaded.ok) return setScreen({ name: 'message', kind: messageFor(route, loaded.problem) ?? 'loadFailed' })
    if (loaded.data.state !== 'open' || !loaded.data.version) return setScreen({ name: 'message', kind: 'closed' })
    showForm(loaded.data.version.definition, refusedFor(route.api))
  }

  useEffect(() => {
    void load()
    return () => delivery.current?.stop()
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
    document.documentElement.classList.toggle('elder', elder)
    document.documentElement.classList.toggle('kiosk', kiosk)
  }, [locale, elder])

  const startOver = () => {
    setElder(false)
    setForm(fresh())
    setScreen({ name: 'form' })
    toTop()
  }
  // A new screen starts at its top, not where the long form was scrolled to when the citizen tapped submit.
  useEffect(() => {
    if (screen.name !== 'form') toTop()
  }, [screen.name])
  const countdown = useKioskReturn(kiosk && screen.name === 'thanks', startOver)
  useKioskIdle(kiosk && screen.name === 'form' && !form.sending && Object.keys(form.answers).length > 0, startOver)

  const answer = (key: string, value: AnswerValue | undefined) =>
    setForm((f) => {
      const answers = { ...f.answers }
      if (value === undefined) delete answers[key]
      else answers[key] = value
      const errors = { ...f.errors }
      delete errors[key]
      // A kiosk's screen may wait for hours: its clock starts at the first answer, not when the screen appeared.
      const startedAt = kiosk && Object.keys(f.answers).length === 0 ? Date.now() : f.startedAt
      return { ...f, answers, errors, startedAt }
    })

  const submit = async () => {
    const version = survey?.version
    if (!version) return
    // Answers to questions hidden again (差评 changed to 满意) are not sent: the server would refuse them.
    const shown = new Set(visibleQuestions(version.definition, form.answers).map((q) => q.key))
    const checked = checkAnswers(version.definition, Object.fromEntries(Object.entries(form.answers).filter(([key]) => shown.has(key))))
    if (!checked.ok) {
      const errors = problemMessages(t, checked.problems)
      setForm({ ...form, errors, alert: t('fixProblems', { count: Object.keys(errors).length }) })
      return focusFirstProblem(Object.keys(errors))
    }
    if (preview) return setScreen({ name: 'thanks', code: SAMPLE_CODE })
    if (route.kind === 'unknown') return
    const body: SubmissionBody = {
      versionId: version.id,
      answers: checked.answers,
      clientKey: form.clientKey,
      durationMs: Math.max(0, Math.round(Date.now() - form.startedAt)),
      hp: honeypot.current?.value ?? '',
    }
    setForm({ ...form, errors: {}, alert: undefined, sending: true })
    let movedOn = false
    const current = deliver({ target: route.api, body, savedAt: Date.now() }, send, () => {
      if (!kiosk) return setScreen({ name: 'waiting', sending: false, earlier: false })
      // The kiosk thanks this citizen now and keeps trying in the background.
      if (!movedOn) setScreen({ name: 'thanks', code: null })
      movedOn = true
    })
    if (!kiosk) delivery.current = current
    const result = await current.done
    if (movedOn) return
    setForm((f) => ({ ...f, sending: false }))
    finished(result)
  }

  const retryNow = () => {
    setScreen({ name: 'waiting', sending: true, earlier: screen.name === 'waiting' && screen.earlier })
    delivery.current?.retryNow()
  }

  const title =
    screen.name === 'form' && survey?.version
      ? localText(survey.version.definition.title, locale)
      : screen.name === 'message'
        ? messageTitle(t, screen.kind)
        : t(screen.name === 'thanks' ? 'thanksTitle' : screen.name === 'waiting' ? 'offlineTitle' : 'loading')
  useEffect(() => {
    document.title = `${title} · ${t('brand')}`
  }, [title])

  return (
    <div class="page">
      <TopBar
        t={t}
        locale={locale}
        elder={elder}
        languageSwitch={!kiosk}
        onElder={(on) => {
          setElder(on)
          if (!kiosk) rememberElder(on)
        }}
        onLocale={(l) => {
          setLocale(l)
          rememberLocale(l)
        }}
      />
      {preview ? (
        <p class="preview-banner">
          <strong>{t('previewBanner')}</strong> {t('previewNote')}
        </p>
      ) : null}
      <main class="main">
        {survey && screen.name !== 'loading' ? <WindowHeader window={survey.window} t={t} /> : null}
        {screen.name === 'loading' ? (
          <p class="loading" role="status">
            {t('loading')}
          </p>
        ) : screen.name === 'message' ? (
          <MessagePage kind={screen.kind} t={t} hotline={survey?.window.hotline} onRetry={screen.kind === 'loadFailed' ? () => void load() : undefined} />
        ) : screen.name === 'waiting' ? (
          <WaitingPage t={t} sending={screen.sending} earlier={screen.earlier} onRetry={retryNow} />
        ) : screen.name === 'thanks' ? (
          <ThanksPage t={t} code={screen.code} hotline={survey?.window.hotline} countdown={kiosk ? countdown : undefined} onBack={kiosk ? startOver : preview ? () => setScreen({ name: 'form' }) : undefined} />
        ) : survey?.version ? (
          <SurveyPage
            t={t}
            locale={locale}
            definition={survey.version.definition}
            answers={form.answers}
            errors={form.errors}
            alert={form.alert}
            sending={form.sending}
            hotline={survey.window.hotline}
            honeypot={honeypot}
            onAnswer={answer}
            onSubmit={() => void submit()}
          />
        ) : null}
      </main>
    </div>
  )
}
