import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Definition } from '../../../../shared/survey/definition'
import { setSignedIn } from '../../../app/auth'
import { resetLocale } from '../../../app/i18n'
import { syncLocation } from '../../../app/router'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../../testing/render'
import { useFakeApi } from '../../../testing/server'
import { definition, draftVersion, questionnaire } from '../questionnaire-fixture'
import { BuilderPage } from './BuilderPage'

const api = useFakeApi()

const card = (page: HTMLElement, key: string) => page.querySelector<HTMLElement>(`.q-card[data-key="${key}"]`)!
const open = async (page: HTMLElement, n: number, key: string) => {
  getButton(page, `编辑第 ${n} 题`).click()
  await vi.waitFor(() => expect(card(page, key).querySelector('.q-editor')).not.toBeNull())
  return card(page, key)
}
/** The checkbox of a condition value, by its label. */
const valueBox = (root: HTMLElement, label: string) => [...root.querySelectorAll<HTMLLabelElement>('.condition-values label')].find((l) => textOf(l).trim() === label)?.querySelector('input')

describe('questionnaire builder', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    history.replaceState(null, '', '/questionnaires/4')
    syncLocation()
    api.use(
      http.get('/api/questionnaires/4', () => HttpResponse.json(questionnaire)),
      http.get('/api/questionnaires/4/versions/2', () => HttpResponse.json(draftVersion)),
    )
  })
  afterEach(cleanup)

  it('shows the latest version’s questions, its state and the version history', async () => {
    const page = mount(<BuilderPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(4))
    expect(textOf(card(page, 'overall'))).toContain('您对本次服务的整体满意度')
    expect(textOf(card(page, 'overall'))).toContain('整体满意度')
    expect(textOf(card(page, 'reasons'))).toContain('当第 1 题为 不满意、非常不满意 时显示')
    expect(textOf(page.querySelector('.version-banner')!)).toContain('第 2 版 · 草稿：可以修改')
    expect(textOf(page.querySelector('.version-banner')!)).toContain('第 1 版仍在使用')
    expect(textOf(page.querySelector('.version-history')!)).toContain('356 份回复')
    expect(getButton(page, '发布')).toBeTruthy()
  })

  it('shows a server validation error next to the question and field it is about', async () => {
    let sent: Definition | undefined
    api.use(
      http.put('/api/questionnaires/4/draft', async ({ request }) => {
        sent = ((await request.json()) as { definition: Definition }).definition
        return HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: '提交的内容有误，请检查标出的字段',
              details: {
                target: 'json',
                fields: [
                  { path: 'definition.questions.3.text.zh', code: 'field_too_long', message: '最多 300 个字符' },
                  { path: 'definition.questions', code: 'field_one_overall', message: '群众问卷必须有且只有一道整体满意度题' },
                ],
              },
            },
          },
          { status: 400 },
        )
      }),
    )
    const page = mount(<BuilderPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(4))
    const attitude = await open(page, 2, 'attitude')
    typeInto(getByLabel(attitude, '题目（中文）'), '工作人员的服务态度')
    await vi.waitFor(() => expect(textOf(page.querySelector('.builder-toolbar')!)).toContain('有未保存的修改'))

    getButton(page, '保存').click()
    await vi.waitFor(() => expect(page.querySelector('.alert-error')).not.toBeNull())
    expect(sent?.questions[1]?.text.zh).toBe('工作人员的服务态度')
    expect(textOf(page.querySelector('.alert-error')!)).toContain('群众问卷必须有且只有一道整体满意度题')

    // Question 4 opens by itself; the message sits under its Chinese text and is tied to that input.
    const reasons = card(page, 'reasons')
    await vi.waitFor(() => expect(reasons.querySelector('.q-editor')).not.toBeNull())
    expect(reasons.classList.contains('has-error')).toBe(true)
    const input = getByLabel(reasons, '题目（中文）')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe('最多 300 个字符')
    expect(textOf(card(page, 'attitude'))).not.toContain('最多 300 个字符')
  })

  it('offers the earlier question’s answers as condition values: the five levels, or the options', async () => {
    const page = mount(<BuilderPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(4))
    const reasons = await open(page, 4, 'reasons')

    const source = getByLabel(reasons, '显示条件') as unknown as HTMLSelectElement
    expect([...source.options].map((o) => o.textContent)).toEqual(['始终显示', '第 1 题：您对本次服务的整体满意度', '第 2 题：服务态度', '第 3 题：您是怎么来办事的'])
    expect(source.value).toBe('overall')
    const levels = [...reasons.querySelectorAll('.condition-values label')].map((l) => textOf(l).trim())
    expect(levels).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(valueBox(reasons, '不满意')?.checked).toBe(true)
    expect(valueBox(reasons, '满意')?.checked).toBe(false)

    typeInto(source, 'channel')
    await vi.waitFor(() => expect([...reasons.querySelectorAll('.condition-values label')].map((l) => textOf(l).trim())).toEqual(['步行', '公交']))
    valueBox(reasons, '公交')!.click()
    await vi.waitFor(() => expect(textOf(reasons)).toContain('当第 3 题为 公交 时显示'))
  })

  it('saves the edited questions; a published version starts the next draft', async () => {
    const published = { ...draftVersion, id: 11, version: 1, status: 'published' as const, frozen: true, publishedAt: '2026-11-20T02:00:00.000Z' }
    const onlyPublished = { ...questionnaire, versions: questionnaire.versions.slice(1) }
    let versions = onlyPublished
    let sent: Definition | undefined
    api.use(
      http.get('/api/questionnaires/4', () => HttpResponse.json(versions)),
      http.get('/api/questionnaires/4/versions/1', () => HttpResponse.json(published)),
      http.put('/api/questionnaires/4/draft', async ({ request }) => {
        sent = ((await request.json()) as { definition: Definition }).definition
        versions = questionnaire
        return HttpResponse.json({ ...draftVersion, definition: sent })
      }),
    )
    const page = mount(<BuilderPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(4))
    expect(textOf(page.querySelector('.version-banner')!)).toContain('已发布的版本不能修改；保存将生成第 2 版草稿')

    getButton(page, '+ 添加题目').click()
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(5))
    const added = page.querySelectorAll<HTMLElement>('.q-card')[4]!
    typeInto(getByLabel(added, '题型') as unknown as HTMLSelectElement, 'check')
    await vi.waitFor(() => expect(textOf(added)).toContain('分值'))
    typeInto(getByLabel(added, '题目（中文）'), '工作人员佩戴工牌')
    getButton(page, '保存').click()

    await vi.waitFor(() => expect(textOf(page.querySelector('.builder-toolbar')!)).toContain('已保存为第 2 版草稿'))
    expect(sent?.questions[4]).toEqual({ key: 'q1', type: 'check', text: { zh: '工作人员佩戴工牌' }, required: false, weight: 1, overall: false })
    expect(textOf(page.querySelector('.version-banner')!)).toContain('第 2 版 · 草稿')
  })

  it('is read-only for a viewer', async () => {
    setSignedIn({ ...adminUser, role: 'viewer' })
    const page = mount(<BuilderPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.q-card')).toHaveLength(4))
    expect(page.querySelector('.q-actions')).toBeNull()
    expect(page.querySelector('input, textarea')).toBeNull()
    expect(textOf(page)).toContain('您的角色只能查看问卷')
    expect([...page.querySelectorAll('button')].map((b) => b.textContent?.trim())).toEqual(['预览'])
  })
})
