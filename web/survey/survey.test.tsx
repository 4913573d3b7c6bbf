import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, getButton, mount, textOf, typeInto } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { App } from './App'
import { parseRoute } from './route'
import { apiError, closedSurvey, openSurvey } from './testing/fixtures'

const api = useFakeApi()
const TOKEN = 'abcdefghijklmnop'
const INFO = `/api/s/${TOKEN}`
const SUBMIT = `/api/s/${TOKEN}/responses`

const open = (path = `/s/${TOKEN}`) => mount(<App route={parseRoute(path)} />)
const heading = (page: HTMLElement) => page.querySelector('h1')?.textContent ?? ''
/** Each tap or keystroke is its own browser task: the page redraws before the next one. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve))
/** The radio or checkbox a citizen picks by its visible word (faces are named by aria-label, chips by their text). */
async function pick(page: HTMLElement, word: string, within = page) {
  const input = [...within.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')].find(
    (i) => i.getAttribute('aria-label') === word || i.closest('label')?.textContent?.trim() === word,
  )
  if (!input) throw new Error(`No choice "${word}"`)
  input.click()
  await nextTask()
}
async function type(control: Element, value: string) {
  typeInto(control as HTMLInputElement, value)
  await nextTask()
}
const group = (page: HTMLElement, title: string) => {
  const found = [...page.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent?.includes(title))
  if (!found) throw new Error(`No question "${title}"`)
  return found as HTMLElement
}
const submit = (page: HTMLElement) => page.querySelector('form')!.requestSubmit()
const loaded = (page: HTMLElement) => vi.waitFor(() => expect(heading(page)).toBe('窗口服务满意度评价'))

describe('the citizen survey page', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'zh'])
    api.use(http.get(INFO, () => HttpResponse.json(openSurvey)))
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
    document.documentElement.className = ''
  })

  it('shows the window and the overall question as five faces with words, in a group a screen reader names', async () => {
    const page = open()
    await loaded(page)
    expect(textOf(page.querySelector('.window')!)).toContain('综合受理窗口')
    expect(textOf(page.querySelector('.window')!)).toContain('A-01')
    expect(textOf(page.querySelector('.window')!)).toContain('客户服务中心')
    const overall = group(page, '您对本次服务的整体满意度')
    expect(textOf(overall.querySelector('legend')!)).toContain('必答')
    const faces = [...overall.querySelectorAll<HTMLInputElement>('input[type=radio]')]
    expect(faces.map((f) => [f.getAttribute('aria-label'), f.value])).toEqual([
      ['非常满意', '5'],
      ['满意', '4'],
      ['基本满意', '3'],
      ['不满意', '2'],
      ['非常不满意', '1'],
    ])
    // Every face is drawn (SVG, hidden from screen readers) and has its word under it.
    for (const f of faces) {
      expect(f.closest('label')!.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
      expect(textOf(f.closest('label')!)).toBe(f.getAttribute('aria-label'))
    }
    await vi.waitFor(() => expect(document.title).toBe('窗口服务满意度评价 · 满意'))
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('reveals what went wrong, the comment and the phone when the citizen chooses 不满意, and hides them again', async () => {
    const page = open()
    await loaded(page)
    expect(textOf(page)).not.toContain('请告诉我们哪里做得不好')
    expect(page.querySelector('input[type=tel]')).toBeNull()
    await pick(page, '不满意', group(page, '整体满意度'))
    await vi.waitFor(() => expect(textOf(page)).toContain('请告诉我们哪里做得不好'))
    const phone = page.querySelector<HTMLInputElement>('input[type=tel]')!
    expect(phone.getAttribute('inputmode')).toBe('tel')
    expect(document.querySelector(`label[for="${phone.id}"]`)?.textContent).toContain('留下手机号')
    await pick(page, '满意', group(page, '整体满意度'))
    await vi.waitFor(() => expect(textOf(page)).not.toContain('请告诉我们哪里做得不好'))
  })

  it('says next to the question what is missing, and sends nothing', async () => {
    const page = open()
    await loaded(page)
    submit(page)
    const overall = group(page, '整体满意度')
    await vi.waitFor(() => expect(textOf(overall)).toContain('请回答此题'))
    const error = overall.querySelector('.q-error')!
    expect(overall.getAttribute('aria-describedby')).toContain(error.id)
    expect(page.querySelector('[role=alert]')?.textContent).toContain('1 道题')
    expect(textOf(group(page, '服务态度'))).not.toContain('请回答此题')

    await pick(page, '非常不满意', overall)
    await vi.waitFor(() => expect(textOf(overall)).not.toContain('请回答此题'))
    await type(page.querySelector<HTMLInputElement>('input[type=tel]')!, '12345')
    submit(page)
    await vi.waitFor(() => expect(textOf(group(page, '哪里做得不好'))).toContain('请回答此题'))
    expect(textOf(page.querySelector('input[type=tel]')!.closest('.q')!)).toContain('请填写 11 位手机号码')
    expect(page.querySelector('input[type=tel]')!.getAttribute('aria-invalid')).toBe('true')
  })

  it('submits the answers with a client key, the time taken and the honeypot, and shows the tracking code', async () => {
    let sent: Record<string, unknown> | undefined
    let language: string | null = null
    api.use(
      http.post(SUBMIT, async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        language = request.headers.get('accept-language')
        return HttpResponse.json({ trackingCode: 'WSDL3-NJNHM' }, { status: 201 })
      }),
    )
    const page = open()
    await loaded(page)
    await pick(page, '不满意', group(page, '整体满意度'))
    await vi.waitFor(() => group(page, '哪里做得不好'))
    await pick(page, '办事拖拉', group(page, '哪里做得不好'))
    await pick(page, '态度生硬', group(page, '哪里做得不好'))
    await type(page.querySelector<HTMLInputElement>('textarea')!, '  排队一个小时  ')
    await type(page.querySelector<HTMLInputElement>('input[type=tel]')!, '138 1234 5678')
    submit(page)
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(textOf(page)).toContain('WSDL3-NJNHM')
    expect(textOf(page)).toContain('查询码')
    expect(textOf(page)).toContain('96606')
    await vi.waitFor(() => expect(document.title).toContain('感谢您的评价'))
    expect(sent).toMatchObject({ versionId: 7, answers: { overall: 2, reasons: ['slow', 'rude'], comment: '排队一个小时', phone: '13812345678' }, hp: '' })
    expect(sent!.clientKey).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(sent!.durationMs).toEqual(expect.any(Number))
    expect(language).toBe('zh-CN')
    expect(localStorage.getItem('manyi.survey.pending')).toBeNull()
  })

  it('sends what a bot typed into the hidden honeypot field, which people never see or reach', async () => {
    let sent: Record<string, unknown> | undefined
    api.use(http.post(SUBMIT, async ({ request }) => ((sent = (await request.json()) as Record<string, unknown>), HttpResponse.json({ trackingCode: 'BOTXX-23456' }, { status: 201 }))))
    const page = open()
    await loaded(page)
    const trap = page.querySelector<HTMLInputElement>('#hp-field')!
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull()
    expect(trap.tabIndex).toBe(-1)
    expect(trap.getAttribute('autocomplete')).toBe('off')
    trap.value = 'http://spam.example'
    await pick(page, '非常满意', group(page, '整体满意度'))
    submit(page)
    await vi.waitFor(() => expect(sent).toBeDefined())
    expect(sent!.hp).toBe('http://spam.example')
  })

  it('puts the server’s answers_invalid messages next to the questions they are about', async () => {
    api.use(
      http.post(SUBMIT, () =>
        HttpResponse.json(apiError('answers_invalid', '有题目未答或答案不符合要求', { answers: [{ question: 'reasons', problem: 'answer_invalid' }, { question: 'phone', problem: 'answer_bad_phone' }] }), { status: 400 }),
      ),
    )
    const page = open()
    await loaded(page)
    await pick(page, '非常不满意', group(page, '整体满意度'))
    await vi.waitFor(() => group(page, '哪里做得不好'))
    await pick(page, '其他', group(page, '哪里做得不好'))
    await type(page.querySelector<HTMLInputElement>('input[type=tel]')!, '13812345678')
    submit(page)
    await vi.waitFor(() => expect(textOf(group(page, '哪里做得不好'))).toContain('答案不符合题目要求'))
    expect(textOf(page.querySelector('input[type=tel]')!.closest('.q')!)).toContain('请填写 11 位手机号码')
    expect(page.querySelector('[role=alert]')?.textContent).toContain('有题目未答或答案不符合要求')
    // The citizen's answers are still there to correct.
    expect(page.querySelector<HTMLInputElement>('input[type=tel]')!.value).toBe('13812345678')
  })

  it('keeps the answers through a failed request and resends them with the same client key', async () => {
    const keys: string[] = []
    let fail = true
    api.use(
      http.post(SUBMIT, async ({ request }) => {
        keys.push(((await request.json()) as { clientKey: string }).clientKey)
        return fail ? HttpResponse.error() : HttpResponse.json({ trackingCode: 'ABCDE-23456' }, { status: 201 })
      }),
    )
    const page = open()
    await loaded(page)
    await pick(page, '满意', group(page, '整体满意度'))
    submit(page)
    await vi.waitFor(() => expect(textOf(page)).toContain('网络不通，已保存在本机，恢复后将自动提交'))
    expect(heading(page)).toBe('评价已保存在本机')
    const saved = JSON.parse(localStorage.getItem('manyi.survey.pending')!) as { target: string; body: { clientKey: string; answers: unknown } }[]
    expect(saved).toMatchObject([{ target: INFO, body: { answers: { overall: 4 } } }])

    fail = false
    getButton(page, '立即重试').click()
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(textOf(page)).toContain('ABCDE-23456')
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(keys[0]).toBe(saved[0]!.body.clientKey)
    expect(localStorage.getItem('manyi.survey.pending')).toBeNull()
  })

  it('treats a server error (5xx) like a network drop: the answers wait on the device', async () => {
    let calls = 0
    api.use(http.post(SUBMIT, () => (++calls, HttpResponse.json(apiError('internal_error', '服务器出错'), { status: 503 }))))
    const page = open()
    await loaded(page)
    await pick(page, '基本满意', group(page, '整体满意度'))
    submit(page)
    await vi.waitFor(() => expect(heading(page)).toBe('评价已保存在本机'))
    expect(calls).toBe(1)
  })

  it('sends answers saved on an earlier visit before showing anything else', async () => {
    const earlier = { target: INFO, body: { versionId: 7, answers: { overall: 1, reasons: ['rude'] }, clientKey: 'earlier-key-000000000000', durationMs: 20_000, hp: '' }, savedAt: Date.now() }
    localStorage.setItem('manyi.survey.pending', JSON.stringify([earlier]))
    let sent: unknown
    api.use(
      http.post(SUBMIT, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({ trackingCode: 'PQRST-UVWXY' }, { status: 200 })
      }),
    )
    const page = open()
    await vi.waitFor(() => expect(heading(page)).toBe('感谢您的评价！'))
    expect(sent).toEqual(earlier.body)
    expect(textOf(page)).toContain('PQRST-UVWXY')
    expect(localStorage.getItem('manyi.survey.pending')).toBeNull()
  })

  it('puts answers the server refused on an earlier visit back on screen, with the reason', async () => {
    const earlier = {
      target: INFO,
      body: { versionId: 7, answers: { overall: 2, gone_question: 'x' }, clientKey: 'refused-key-000000000000', durationMs: 20_000, hp: '' },
      savedAt: Date.now(),
      refused: { code: 'answers_invalid', message: '有题目未答或答案不符合要求', answers: [{ question: 'reasons', problem: 'answer_required' }] },
    }
    localStorage.setItem('manyi.survey.pending', JSON.stringify([earlier]))
    const page = open() // no POST handler: a refused entry is never resent by itself
    await loaded(page)
    expect(group(page, '整体满意度').querySelector<HTMLInputElement>('input[aria-label="不满意"]')!.checked).toBe(true)
    expect(textOf(group(page, '哪里做得不好'))).toContain('请回答此题')
    expect(page.querySelector('[role=alert]')?.textContent).toContain('您上次保存的评价未能提交')
  })

  it.each([
    ['an unknown code', () => HttpResponse.json(apiError('survey_unknown', '未找到'), { status: 404 }), '未找到该评价二维码', '台卡上的二维码'],
    ['a replaced code', () => HttpResponse.json(apiError('survey_replaced', '已更换'), { status: 410 }), '该二维码已更换', '请扫描窗口上张贴的新二维码'],
    ['a window that is not collecting', () => HttpResponse.json(closedSurvey), '该窗口暂未开展评价', '96606'],
    ['a network failure', () => HttpResponse.error(), '页面暂时打不开', '请稍后重试'],
  ])('explains %s in friendly words, never a raw error', async (_name, reply, title, words) => {
    api.use(http.get(INFO, reply))
    const page = open()
    await vi.waitFor(() => expect(heading(page)).toBe(title))
    expect(textOf(page)).toContain(words)
    expect(textOf(page)).not.toMatch(/40\d|survey_|error/i)
    await vi.waitFor(() => expect(document.title).toBe(`${title} · 满意`))
  })

  it('says a one-time code was used, and finds nothing at an unknown address', async () => {
    api.use(http.get('/api/c/ab23cd45ef', () => HttpResponse.json(apiError('code_used', '已使用'), { status: 410 })))
    const page = open('/c/ab23cd45ef')
    await vi.waitFor(() => expect(heading(page)).toBe('该评价码已使用或已过期'))
    cleanup()
    const lost = open('/nowhere')
    await vi.waitFor(() => expect(heading(lost)).toBe('页面不存在'))
  })

  it('remembers 长者模式 on this device', async () => {
    const page = open()
    await loaded(page)
    const toggle = getButton(page, '长者模式')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    toggle.click()
    await vi.waitFor(() => expect(document.documentElement.classList.contains('elder')).toBe(true))
    expect(getButton(page, '长者模式').getAttribute('aria-pressed')).toBe('true')
    cleanup()
    document.documentElement.className = ''
    const again = open()
    await loaded(again)
    expect(getButton(again, '长者模式').getAttribute('aria-pressed')).toBe('true')
    expect(document.documentElement.classList.contains('elder')).toBe(true)
  })

  it('speaks English when the browser prefers it, or when switched, and remembers the switch', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en'])
    const page = open()
    await vi.waitFor(() => expect(heading(page)).toBe('How was our service?'))
    expect(document.documentElement.lang).toBe('en')
    expect(group(page, 'Overall, how satisfied').querySelector('input[aria-label="Very dissatisfied"]')).not.toBeNull()
    getButton(page, '中文').click()
    await vi.waitFor(() => expect(heading(page)).toBe('窗口服务满意度评价'))
    expect(localStorage.getItem('manyi.locale')).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
  })
})
