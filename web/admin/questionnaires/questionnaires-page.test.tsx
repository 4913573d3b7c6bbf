import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { definition, questionnaire } from './questionnaire-fixture'
import { QuestionnairesPage } from './QuestionnairesPage'

const api = useFakeApi()

const templates = [
  { key: 'window-service', kind: 'citizen', name: '窗口服务满意度评价', description: '整体满意度与服务态度、效率、水平、环境', definition },
  { key: 'five-goods', kind: 'citizen', name: '“五个好”服务评价', description: '人员素质好、诚信建设好……', definition },
]
const archived = { ...questionnaire, id: 5, name: '旧版问卷', archived: true, templateKey: null, versions: [questionnaire.versions[1]!] }

describe('questionnaires page', () => {
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    history.replaceState(null, '', '/questionnaires')
    syncLocation()
    api.use(
      http.get('/api/questionnaires', () => HttpResponse.json({ items: [questionnaire, archived] })),
      http.get('/api/questionnaires/templates', () => HttpResponse.json({ items: templates })),
    )
  })
  afterEach(cleanup)

  it('lists questionnaires with kind, template and versions (status and responses); archived ones on request', async () => {
    const page = mount(<QuestionnairesPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(1))
    const row = textOf(page.querySelector('tbody tr')!)
    expect(row).toContain('窗口服务满意度评价')
    expect(row).toContain('群众评价')
    expect(row).toContain('第 2 版草稿')
    expect(row).toContain('第 1 版已发布356 份回复')
    page.querySelector<HTMLInputElement>('.list-tools input[type="checkbox"]')!.click()
    await vi.waitFor(() => expect(page.querySelectorAll('tbody tr')).toHaveLength(2))
    expect(textOf(page.querySelectorAll('tbody tr')[1]!)).toContain('已归档')
  })

  it('creates a questionnaire from a template and opens it in the builder', async () => {
    let body: unknown
    api.use(
      http.post('/api/questionnaires', async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ ...questionnaire, id: 9 }, { status: 201 })
      }),
    )
    const page = mount(<QuestionnairesPage />)
    await vi.waitFor(() => expect(page.querySelector('tbody tr')).not.toBeNull())
    getButton(page, '从模板新建').click()
    await vi.waitFor(() => expect(page.querySelector('[role="dialog"]')).not.toBeNull())
    const dialog = page.querySelector<HTMLElement>('[role="dialog"]')!
    expect(textOf(dialog)).toContain('“五个好”服务评价')
    dialog.querySelector<HTMLInputElement>('input[value="five-goods"]')!.click()
    typeInto(getByLabel(dialog, '名称（可选）'), '营业厅“五个好”评价')
    getButton(dialog, '创建').click()
    await vi.waitFor(() => expect(location.pathname).toBe('/questionnaires/9'))
    expect(body).toEqual({ fromTemplate: 'five-goods', name: '营业厅“五个好”评价' })
  })

  it('copies a questionnaire after saying what a copy is', async () => {
    let body: unknown
    api.use(
      http.post('/api/questionnaires', async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ ...questionnaire, id: 10 }, { status: 201 })
      }),
    )
    const page = mount(<QuestionnairesPage />)
    await vi.waitFor(() => expect(page.querySelector('tbody tr')).not.toBeNull())
    getButton(page, '复制“窗口服务满意度评价”').click()
    await vi.waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull())
    getButton(document.querySelector('[role="alertdialog"]')!, '复制').click()
    await vi.waitFor(() => expect(location.pathname).toBe('/questionnaires/10'))
    expect(body).toEqual({ copyOf: 4 })
  })

  it('offers no changes to a viewer', async () => {
    setSignedIn({ ...adminUser, role: 'viewer' })
    const page = mount(<QuestionnairesPage />)
    await vi.waitFor(() => expect(page.querySelector('tbody tr')).not.toBeNull())
    expect(page.querySelector('button')).toBeNull()
  })
})
