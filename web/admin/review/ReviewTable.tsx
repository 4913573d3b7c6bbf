import type { ReviewItem } from '../../../shared/schemas/review'
import type { Definition } from '../../../shared/survey/definition'
import { formatDateTime } from '../../app/dates'
import { useLocale, useT } from '../../app/i18n'
import { LEVEL_KEYS } from '../questionnaires/labels'
import { summarizeAnswers } from './answer-summary'
import { CHANNEL_KEYS, REASON_KEYS } from './labels'

interface ReviewTableProps {
  items: ReviewItem[]
  definitions: Map<number, Definition>
  status: 'flagged' | 'rejected'
  busyId: number | null
  onValid: (item: ReviewItem) => void
  onReject: (item: ReviewItem) => void
}

/** How many answers a row shows; the rest are counted. */
const ANSWERS_SHOWN = 4

/** Flagged or rejected responses: when, where, why, the rating and answers, the (masked) phone, and the decision. */
export function ReviewTable({ items, definitions, status, busyId, onValid, onReject }: ReviewTableProps) {
  const t = useT()
  const locale = useLocale()
  return (
    <div class="table-wrap">
      <table class="table table-review">
        <thead>
          <tr>
            <th scope="col">{t('submittedAt')}</th>
            <th scope="col">{t('window')}</th>
            <th scope="col">{t('flagReasons')}</th>
            <th scope="col" class="col-wide-only">
              {t('overallRating')}
            </th>
            <th scope="col">{t('answersSummary')}</th>
            <th scope="col" class="col-wide-only">
              {t('phone')}
            </th>
            <th scope="col" class="actions-col">
              {status === 'rejected' ? t('rejectReason') : <span class="visually-hidden">{t('actions')}</span>}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const time = formatDateTime(item.submittedAt)
            const lines = summarizeAnswers(item.answers, definitions.get(item.campaignId), t, locale)
            const overall =
              item.overallLevel !== null && LEVEL_KEYS[item.overallLevel] ? <span class={`level level-${item.overallLevel}`}>{t(LEVEL_KEYS[item.overallLevel]!)}</span> : <span class="muted">—</span>
            return (
              <tr>
                <td class="nowrap">
                  <span class="cell-title">{time}</span>
                  <span class="cell-sub-text">
                    {CHANNEL_KEYS[item.channel] ? t(CHANNEL_KEYS[item.channel]!) : item.channel}
                    {item.durationMs !== null ? ` · ${t('duration', { seconds: Math.round(item.durationMs / 100) / 10 })}` : ''}
                  </span>
                </td>
                <td class="cell-window">
                  <span class="cell-sub-text">{item.window.unitName}</span>
                  <span class="cell-window-name">
                    <span class="tree-code">{item.window.code}</span> {item.window.name}
                  </span>
                </td>
                <td class="cell-reasons">
                  <ul class="reason-list">
                    {item.flagReasons.map((r) => (
                      <li class={`reason-tag reason-${r}`}>{REASON_KEYS[r] ? t(REASON_KEYS[r]!) : r}</li>
                    ))}
                  </ul>
                  <p class="narrow-only inline-fact">
                    <span class="muted">{t('overallRating')}：</span>
                    {overall}
                  </p>
                </td>
                <td class="nowrap col-wide-only">{overall}</td>
                <td class="cell-answers">
                  {lines.length === 0 ? (
                    <span class="muted">{t('noAnswers')}</span>
                  ) : (
                    <ul class="answer-list">
                      {lines.slice(0, ANSWERS_SHOWN).map((line) => (
                        <li>
                          <span class="answer-q" title={line.question}>
                            {line.question}
                          </span>
                          <span class="answer-a">{line.answer}</span>
                        </li>
                      ))}
                      {lines.length > ANSWERS_SHOWN ? <li class="muted">+{lines.length - ANSWERS_SHOWN}</li> : null}
                    </ul>
                  )}
                  {item.phone ? (
                    <p class="narrow-only inline-fact">
                      <span class="muted">{t('phone')}：</span>
                      <span class="code">{item.phone}</span>
                    </p>
                  ) : null}
                </td>
                <td class="nowrap code col-wide-only">{item.phone ?? <span class="muted">—</span>}</td>
                <td class="actions-col">
                  {status === 'flagged' ? (
                    <div class="row-actions">
                      <button type="button" class="btn btn-small" disabled={busyId === item.id} aria-label={t('markValidNamed', { time })} onClick={() => onValid(item)}>
                        {t('markValid')}
                      </button>
                      <button type="button" class="btn btn-small btn-danger-quiet" disabled={busyId === item.id} aria-label={t('rejectNamed', { time })} onClick={() => onReject(item)}>
                        {t('reject')}
                      </button>
                    </div>
                  ) : (
                    <span class="review-reason">{item.reviewReason ?? '—'}</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
