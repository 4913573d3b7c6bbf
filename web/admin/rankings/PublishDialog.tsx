import { useEffect, useId, useRef, useState } from 'hono/jsx'
import { lastMonth } from '../../../shared/scoring/period'
import type { Campaign } from '../../../shared/schemas/campaign'
import type { Publication } from '../../../shared/schemas/publication'
import type { Ranking } from '../../../shared/schemas/scoring'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { describedBy, FieldShell } from '../../ui/Field'
import { Dialog } from '../../ui/Dialog'
import { FormAlert } from '../../ui/FormAlert'
import { asApiError, optional, text, useSubmit } from '../../ui/use-submit'
import { today } from './query'

interface PublishDialogProps {
  campaign: Campaign
  onDone: (publication: Publication) => void
  onClose: () => void
}

type Preview = { status: 'loading' } | { status: 'ready'; ranking: Ranking } | { status: 'failed'; error: ApiError }

const FIELDS = ['from', 'to', 'title'] as const

/**
 * Publishes a finished period (last month by default): the server freezes its rankings into a hashed snapshot. A line
 * previews what goes out (windows and responses, from the rankings of that period); a publication is never edited,
 * only withdrawn.
 */
export function PublishDialog({ campaign, onDone, onClose }: PublishDialogProps) {
  const t = useT()
  const ids = { from: useId(), to: useId(), title: useId() }
  const [initial] = useState(() => lastMonth(today()))
  const [from, setFrom] = useState(initial.from)
  const [to, setTo] = useState(initial.to)
  const [preview, setPreview] = useState<Preview>({ status: 'loading' })
  const run = useRef(0)

  const { busy, error, onSubmit } = useSubmit(
    (form: FormData) => {
      const title = optional(form, 'title')
      return call(api.publications.$post({ json: { campaignId: campaign.id, from: text(form, 'from'), to: text(form, 'to'), ...(title ? { title } : {}) } }))
    },
    onDone,
  )

  useEffect(() => {
    const mine = ++run.current
    if (!from || !to) return
    setPreview({ status: 'loading' })
    call(api.campaigns[':id'].rankings.$get({ param: { id: String(campaign.id) }, query: { level: 'window', from, to } }))
      .then((ranking) => {
        if (mine === run.current) setPreview({ status: 'ready', ranking })
      })
      .catch((e: unknown) => {
        if (mine === run.current) setPreview({ status: 'failed', error: asApiError(e) })
      })
  }, [from, to])

  const dateField = (name: 'from' | 'to', label: string, value: string, onChange: (v: string) => void) => {
    const id = ids[name]
    const message = error?.field(name)
    return (
      <FieldShell id={id} label={label} error={message} required>
        <input
          id={id}
          name={name}
          type="date"
          class="input"
          value={value}
          required
          aria-required="true"
          aria-invalid={message ? 'true' : undefined}
          aria-describedby={describedBy(id, undefined, message)}
          onChange={(e: Event) => onChange((e.currentTarget as HTMLInputElement).value)}
        />
      </FieldShell>
    )
  }

  const previewLine = () => {
    if (!from || !to) return <p class="pub-preview muted">{t('pubPreviewPickDates')}</p>
    if (preview.status === 'loading')
      return (
        <p class="pub-preview muted" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('pubPreviewLoading')}
        </p>
      )
    if (preview.status === 'failed') return <p class="pub-preview pub-preview-failed">{preview.error.message}</p>
    const items = preview.ranking.items
    const n = items.reduce((s, i) => s + i.n, 0)
    const ranked = items.filter((i) => i.rank !== null).length
    return (
      <p class="pub-preview" role="status">
        {t('pubPreview', { from: preview.ranking.from, to: preview.ranking.to, windows: items.length, ranked, n })}
      </p>
    )
  }

  const titleId = ids.title
  const titleError = error?.field('title')
  const titleHint = t('pubTitleHint', { example: t('pubDefaultTitle', { campaign: campaign.name, from, to }) })

  return (
    <Dialog title={t('pubPublishTitle')} onClose={onClose} size="wide">
      <form class="dialog-form" noValidate onSubmit={onSubmit}>
        <div class="dialog-body">
          <FormAlert error={error} fields={FIELDS} />
          <p class="form-context">{t('pubPublishContext', { campaign: campaign.name })}</p>
          <div class="field-row pub-dates">
            {dateField('from', t('pubFrom'), from, setFrom)}
            {dateField('to', t('pubTo'), to, setTo)}
          </div>
          {to && to >= today() ? <p class="alert alert-warning pub-open-note">{t('pubPeriodOpenNote')}</p> : null}
          {previewLine()}
          <FieldShell id={titleId} label={t('pubTitleField')} error={titleError} hint={titleHint}>
            <input id={titleId} name="title" class="input" maxlength={100} autocomplete="off" aria-invalid={titleError ? 'true' : undefined} aria-describedby={describedBy(titleId, titleHint, titleError)} />
          </FieldShell>
          <div class="alert alert-warning pub-frozen" role="note">
            <p class="alert-title">{t('pubFrozenTitle')}</p>
            <p>{t('pubFrozenText')}</p>
          </div>
        </div>
        <footer class="dialog-footer">
          <button type="button" class="btn" onClick={() => onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>
            {busy ? t('pubPublishing') : t('pubPublishSubmit')}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
