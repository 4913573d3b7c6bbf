import type { Child } from 'hono/jsx'
import type { Translate } from '../i18n'

export const errorId = (key: string) => `q-${key}-error`
export const hintId = (key: string) => `q-${key}-hint`

/** "必答" beside a question title; a word, not only a star, so everyone reads it. */
export const RequiredMark = ({ t }: { t: Translate }) => <span class="req">{t('required')}</span>

/** The question's own message, right under its answers. */
export function QuestionError({ questionKey, error }: { questionKey: string; error?: string | undefined }) {
  return error ? (
    <p class="q-error" id={errorId(questionKey)}>
      <span class="q-error-icon" aria-hidden="true">
        !
      </span>
      {error}
    </p>
  ) : null
}

interface GroupProps {
  questionKey: string
  title: string
  required: boolean
  hint?: string | undefined
  error?: string | undefined
  class?: string
  t: Translate
  children: Child
}

/**
 * A question answered by choosing (faces, chips, yes/no): a fieldset whose legend is the question, so a screen reader
 * names the group before its choices; the hint and the error are tied to it with aria-describedby.
 */
export function ChoiceGroup({ questionKey, title, required, hint, error, t, children, class: extra }: GroupProps) {
  const described = [hint ? hintId(questionKey) : '', error ? errorId(questionKey) : ''].filter(Boolean).join(' ')
  return (
    <fieldset class={`q${extra ? ` ${extra}` : ''}${error ? ' q-invalid' : ''}`} id={`q-${questionKey}`} aria-describedby={described || undefined}>
      <legend class="q-title">
        {title}
        {required ? <RequiredMark t={t} /> : null}
      </legend>
      {hint ? (
        <p class="q-hint" id={hintId(questionKey)}>
          {hint}
        </p>
      ) : null}
      {children}
      <QuestionError questionKey={questionKey} error={error} />
    </fieldset>
  )
}
