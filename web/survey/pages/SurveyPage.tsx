import type { RefObject } from 'hono/jsx'
import type { Locale } from '../../../shared/i18n/locale'
import { visibleQuestions, type Answers, type AnswerValue } from '../../../shared/survey/answers'
import type { Definition } from '../../../shared/survey/definition'
import { Heading } from '../components/Heading'
import { QuestionView } from '../components/QuestionView'
import { localText, type Translate } from '../i18n'
import { Hotline } from './Hotline'

interface Props {
  t: Translate
  locale: Locale
  definition: Definition
  answers: Answers
  /** Messages by question key, shown next to the question. */
  errors: Record<string, string>
  alert?: string | undefined
  sending: boolean
  hotline?: string | null | undefined
  honeypot: RefObject<HTMLInputElement | null>
  onAnswer: (key: string, value: AnswerValue | undefined) => void
  onSubmit: () => void
}

/** The questionnaire on one screen: follow-up questions appear as soon as their condition holds. */
export function SurveyPage({ t, locale, definition, answers, errors, alert, sending, hotline, honeypot, onAnswer, onSubmit }: Props) {
  const intro = localText(definition.intro, locale)
  return (
    <form
      class="survey"
      noValidate
      onSubmit={(e: Event) => {
        e.preventDefault()
        if (!sending) onSubmit()
      }}
    >
      <Heading focus={false}>{localText(definition.title, locale)}</Heading>
      {intro ? <p class="intro">{intro}</p> : null}
      {visibleQuestions(definition, answers).map((q) => (
        <QuestionView key={q.key} question={q} value={answers[q.key]} error={errors[q.key]} locale={locale} t={t} onChange={(v) => onAnswer(q.key, v)} />
      ))}
      {/* A trap for bots, which fill every field: off-screen, out of the tab order, hidden from assistive technology. */}
      <div class="hp" aria-hidden="true">
        <label for="hp-field">{t('honeypot')}</label>
        <input id="hp-field" name="website" type="text" tabindex={-1} autocomplete="off" ref={honeypot} />
      </div>
      {alert ? (
        <p class="form-alert" role="alert">
          {alert}
        </p>
      ) : null}
      <button class="button button-submit" type="submit" disabled={sending}>
        {sending ? t('sending') : t('submit')}
      </button>
      <p class="sr-only" role="status">
        {sending ? t('sending') : ''}
      </p>
      <Hotline hotline={hotline} t={t} />
    </form>
  )
}
