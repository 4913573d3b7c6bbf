import type { Questionnaire, QuestionnaireVersion } from '../../../shared/schemas/questionnaire'
import type { Definition } from '../../../shared/survey/definition'

// Test data: a citizen questionnaire with a published version 1 and a draft version 2, as the API returns them.

const at = '2026-11-20T02:00:00.000Z'

export const definition: Definition = {
  title: { zh: '窗口服务满意度评价', en: 'How was our service?' },
  intro: { zh: '约需 30 秒。', en: undefined },
  questions: [
    { key: 'overall', type: 'satisfaction5', text: { zh: '您对本次服务的整体满意度', en: undefined }, required: true, weight: 1, overall: true },
    { key: 'attitude', type: 'satisfaction5', text: { zh: '服务态度', en: 'Attitude' }, required: false, weight: 1, overall: false, dimension: 'attitude' },
    { key: 'channel', type: 'single', text: { zh: '您是怎么来办事的', en: undefined }, required: false, weight: 0, overall: false, options: [
      { key: 'walk', text: { zh: '步行', en: undefined } },
      { key: 'bus', text: { zh: '公交', en: undefined } },
    ] },
    {
      key: 'reasons',
      type: 'multiple',
      text: { zh: '请告诉我们哪里做得不好', en: undefined },
      required: true,
      weight: 0,
      overall: false,
      condition: { question: 'overall', anyOf: [1, 2] },
      options: [
        { key: 'rude', text: { zh: '态度生硬', en: undefined } },
        { key: 'slow', text: { zh: '办事拖拉', en: undefined } },
      ],
    },
  ],
}

export const questionnaire: Questionnaire = {
  id: 4,
  kind: 'citizen',
  name: '窗口服务满意度评价',
  description: '整体满意度与服务态度',
  templateKey: 'window-service',
  archived: false,
  versions: [
    { id: 12, version: 2, status: 'draft', publishedAt: null, responseCount: 0, updatedAt: at },
    { id: 11, version: 1, status: 'published', publishedAt: at, responseCount: 356, updatedAt: at },
  ],
  createdAt: at,
  updatedAt: at,
}

export const draftVersion: QuestionnaireVersion = { id: 12, questionnaireId: 4, version: 2, status: 'draft', frozen: false, definition, publishedAt: null }
