import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetLocale } from '../../../app/i18n'
import { cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../../testing/render'
import { useFakeApi } from '../../../testing/server'
import { WindowForm } from './WindowForm'

const api = useFakeApi()

describe('window form', () => {
  beforeEach(() => resetLocale('zh-CN'))
  afterEach(cleanup)

  it('puts each server message next to its field, a conflict included', async () => {
    const bodies: unknown[] = []
    api.use(
      http.post('/api/org/windows', async ({ request }) => {
        const body = (await request.json()) as { code: string }
        bodies.push(body)
        if (body.code === 'a 1') {
          return HttpResponse.json(
            {
              error: {
                code: 'validation_failed',
                message: '提交的内容有误，请检查标出的字段',
                details: { fields: [{ path: 'code', code: 'field_window_code', message: '只能用字母、数字、“-” 和 “_”，以字母或数字开头' }, { path: 'name', code: 'field_required', message: '必填' }] },
              },
            },
            { status: 400 },
          )
        }
        return HttpResponse.json({ error: { code: 'window_code_taken', message: '该单位下已有编号为 A-01 的窗口' } }, { status: 409 })
      }),
    )
    const dialog = mount(<WindowForm unitId={11} location="供水 / 客户服务中心" onSaved={() => {}} onClose={() => {}} />)
    typeInto(getByLabel(dialog, '窗口编号'), 'a 1')
    getButton(dialog, '创建').click()
    await vi.waitFor(() => expect(textOf(getByLabel(dialog, '窗口编号').closest('.field')!)).toContain('只能用字母、数字'))
    expect(textOf(getByLabel(dialog, '窗口名称').closest('.field')!)).toContain('必填')

    typeInto(getByLabel(dialog, '窗口编号'), 'A-01')
    typeInto(getByLabel(dialog, '窗口名称'), '综合受理窗口')
    getButton(dialog, '创建').click()
    await vi.waitFor(() => expect(textOf(getByLabel(dialog, '窗口编号').closest('.field')!)).toContain('该单位下已有编号为 A-01 的窗口'))
    expect(textOf(getByLabel(dialog, '窗口名称').closest('.field')!)).not.toContain('必填')
    expect(bodies[1]).toEqual({ code: 'A-01', name: '综合受理窗口', kind: 'window', location: null, openingHours: null, unitId: 11 })
  })
})
