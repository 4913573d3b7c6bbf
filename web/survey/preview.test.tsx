import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, mount, textOf } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { App, SAMPLE_CODE } from './App'
import { parseRoute } from './route'
import { apiError, definition } from './testing/fixtures'

// Any POST would be an unhandled request and fail the test: the preview never submits.
const api = useFakeApi()
const VERSION = '/api/questionnaires/3/versions/2'

const heading = (page: HTMLElement) => page.querySelector('h1')?.textContent ?? ''
const open = () => mount(<App route={parseRoute('/preview/questionnaires/3/versions/2')} />)

describe('the staff preview of a questionnaire version', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN'])
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the citizen view under a preview banner and a sample thank-you instead of submitting', async () => {
    api.use(http.get(VERSION, () => HttpResponse.json({ id: 12, questionnaireId: 3, version: 2, status: 'draft', frozen: false, definition, publishedAt: null })))
    const page = open()
    await vi.waitFor(() => expect(heading(page)).toBe('窗口服务满意度评价'))
    expect(textOf(page)).toContain('预览 · Preview')
    expect(page.querySelectorAll('.q-overall input[type=radio]')).toHaveLength(5)
    page.querySelector<HTMLInputElement>('.q-overall input[aria-label="满意"]')!.click()
    await new Promise((resolve) => setTimeout(resolve))
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(textOf(page)).toContain(SAMPLE_CODE)
  })

  it('asks a signed-out visitor to sign in', async () => {
    api.use(http.get(VERSION, () => HttpResponse.json(apiError('unauthenticated', '请先登录'), { status: 401 })))
    const page = open()
    await vi.waitFor(() => expect(textOf(page)).toContain('请先登录管理后台'))
  })
})
