import type { SurveyInfo } from '../../../shared/schemas/survey'
import type { Definition } from '../../../shared/survey/definition'

/** The window-service questionnaire as the API sends it (shortened): the overall faces, one row, and the 差评 follow-ups. */
export const definition: Definition = {
  title: { zh: '窗口服务满意度评价', en: 'How was our service?' },
  intro: { zh: '您的评价将帮助我们改进服务，约需 30 秒。', en: 'Your rating helps us improve. It takes about 30 seconds.' },
  questions: [
    { key: 'overall', type: 'satisfaction5', text: { zh: '您对本次服务的整体满意度', en: 'Overall, how satisfied are you with this service?' }, required: true, weight: 1, overall: true },
    { key: 'attitude', type: 'satisfaction5', text: { zh: '服务态度', en: 'Attitude of staff' }, required: false, weight: 1, overall: false, dimension: 'attitude' },
    {
      key: 'reasons',
      type: 'multiple',
      text: { zh: '请告诉我们哪里做得不好', en: 'What went wrong?' },
      required: true,
      weight: 0,
      overall: false,
      condition: { question: 'overall', anyOf: [1, 2] },
      options: [
        { key: 'rude', text: { zh: '态度生硬', en: 'Rude or cold' } },
        { key: 'slow', text: { zh: '办事拖拉', en: 'Slow' } },
        { key: 'other', text: { zh: '其他', en: 'Other' } },
      ],
    },
    { key: 'comment', type: 'text', text: { zh: '意见和建议（选填）', en: 'Comments and suggestions (optional)' }, required: false, weight: 0, overall: false, maxLength: 500 },
    {
      key: 'phone',
      type: 'text',
      format: 'phone',
      text: { zh: '留下手机号，我们将在 1 个工作日内回访（选填）', en: 'Leave a mobile number and we will call you back within 1 working day (optional)' },
      required: false,
      weight: 0,
      overall: false,
      maxLength: 11,
      condition: { question: 'overall', anyOf: [1, 2] },
    },
  ],
} as Definition

export const window = { name: '综合受理窗口', code: 'A-01', unitName: '客户服务中心', hotline: '96606' }

export const openSurvey: SurveyInfo = { state: 'open', window, campaign: { id: 3, name: '2026年11月测评' }, version: { id: 7, version: 1, definition } }

export const closedSurvey: SurveyInfo = { state: 'no_campaign', window, campaign: null, version: null }

/** An API error body as the server sends it. */
export const apiError = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details ? { details } : {}) } })
