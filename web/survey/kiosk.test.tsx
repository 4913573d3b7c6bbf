import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, getButton, mount, textOf } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { App } from './App'
import { KIOSK_IDLE_MS } from './kiosk'
import { parseRoute } from './route'
import { openSurvey } from './testing/fixtures'

const api = useFakeApi()
const KIOSK = '/api/k/kiosk-token-0001'

const heading = (page: HTMLElement) => page.querySelector('h1')?.textContent ?? ''
const face = (page: HTMLElement, word: string) => page.querySelector<HTMLInputElement>(`.q-overall input[aria-label="${word}"]`)!
const fresh = (page: HTMLElement) => heading(page) === '窗口服务满意度评价' && page.querySelectorAll('input:checked').length === 0

describe('a kiosk (评价器) at a window', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN'])
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    api.use(http.get(KIOSK, () => HttpResponse.json(openSurvey)))
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.documentElement.className = ''
  })

  const start = async () => {
    const page = mount(<App route={parseRoute('/k/kiosk-token-0001')} />)
    await vi.waitFor(() => expect(heading(page)).toBe('窗口服务满意度评价'))
    return page
  }

  it('has a large layout and no language switch', async () => {
    const page = await start()
    expect(document.documentElement.classList.contains('kiosk')).toBe(true)
    expect(() => getButton(page, 'English')).toThrow()
    getButton(page, '长者模式') // still there for whoever needs it
  })

  it('thanks each citizen for about five seconds, then shows a fresh screen with a new client key', async () => {
    const keys: string[] = []
    api.use(
      http.post(`${KIOSK}/responses`, async ({ request }) => {
        keys.push(((await request.json()) as { clientKey: string }).clientKey)
        return HttpResponse.json({ trackingCode: `KIOSK-0000${keys.length}` }, { status: 201 })
      }),
    )
    const page = await start()
    face(page, '非常满意').click()
    await vi.advanceTimersByTimeAsync(10)
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(textOf(page)).toContain('KIOSK-00001')
    expect(textOf(page)).toMatch(/[45] 秒后返回评价首页/)
    await vi.advanceTimersByTimeAsync(5000)
    await vi.waitFor(() => expect(fresh(page)).toBe(true))

    face(page, '满意').click()
    await vi.advanceTimersByTimeAsync(10)
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(page)).toContain('KIOSK-00002'))
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
  })

  it('starts over after a minute without a touch in the middle of a survey', async () => {
    const page = await start()
    face(page, '不满意').click()
    await vi.waitFor(() => expect(textOf(page)).toContain('请告诉我们哪里做得不好'))
    await vi.advanceTimersByTimeAsync(KIOSK_IDLE_MS - 5000)
    expect(face(page, '不满意').checked).toBe(true) // still theirs
    await vi.advanceTimersByTimeAsync(5000)
    await vi.waitFor(() => expect(fresh(page)).toBe(true))
    expect(textOf(page)).not.toContain('请告诉我们哪里做得不好')
  })

  it('thanks the citizen even when the network is down, and sends their answers once it is back', async () => {
    let up = false
    const stored: string[] = []
    api.use(
      http.post(`${KIOSK}/responses`, async ({ request }) => {
        if (!up) return HttpResponse.error()
        stored.push(((await request.json()) as { clientKey: string }).clientKey)
        return HttpResponse.json({ trackingCode: 'LATER-00001' }, { status: 201 })
      }),
    )
    const page = await start()
    face(page, '基本满意').click()
    await vi.advanceTimersByTimeAsync(10)
    page.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(textOf(page)).toContain('您的评价已保存')
    await vi.advanceTimersByTimeAsync(5000)
    await vi.waitFor(() => expect(fresh(page)).toBe(true))
    expect(localStorage.getItem('manyi.survey.pending')).toContain('"overall":3')

    up = true
    await vi.advanceTimersByTimeAsync(30_000)
    await vi.waitFor(() => expect(stored).toHaveLength(1))
    await vi.waitFor(() => expect(localStorage.getItem('manyi.survey.pending')).toBeNull())
  })
})
