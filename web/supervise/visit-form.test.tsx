import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MyAssignments, Visit } from '../../shared/schemas/supervision'
import { setSignedIn } from '../app/auth'
import { resetLocale } from '../app/i18n'
import { syncLocation } from '../app/router'
import { cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../testing/render'
import { useFakeApi } from '../testing/server'
import { assignments, supervisorUser, visit } from './supervise-fixture'
import { VisitFormPage } from './VisitFormPage'

const api = useFakeApi()

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
/** The radio or checkbox whose label reads `text`, inside the question (or group) `root`. */
const choice = (root: Element, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text || l.querySelector('.spv-option-name')?.textContent === text)
  if (!label) throw new Error(`No choice "${text}"`)
  return label.querySelector('input')!
}
const question = (page: HTMLElement, key: string) => page.querySelector<HTMLElement>(`#q-${key}`)!
const pickFiles = (input: HTMLInputElement, files: File[]) => {
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  // as a browser does on choosing files: input, then change (hono/jsx listens to input for onChange)
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
}
const jpeg = (name = 'counter.jpg') => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], name, { type: 'image/jpeg' })

describe('recording a visit', () => {
  let mine: MyAssignments
  let draft: Visit
  let requests: { method: string; path: string; body?: unknown; type?: string | null }[]
  beforeEach(() => {
    // Only Date is faked (timers stay real for msw and waitFor): 14:45 in Shanghai on a day of the campaign.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-21T06:45:00.000Z'))
    resetLocale('zh-CN')
    setSignedIn(supervisorUser)
    mine = assignments()
    draft = visit()
    requests = []
    api.use(
      http.get('/api/my/assignments', () => HttpResponse.json(mine)),
      http.get('/api/visits/900', () => HttpResponse.json(draft)),
      http.post('/api/visits', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>
        requests.push({ method: 'POST', path: '/api/visits', body })
        draft = visit({ ...(body as Partial<Visit>), visitedAt: new Date(String(body['visitedAt'])).toISOString() })
        return HttpResponse.json(draft, { status: 201 })
      }),
      http.put('/api/visits/900', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>
        requests.push({ method: 'PUT', path: '/api/visits/900', body })
        draft = visit({ ...(body as Partial<Visit>), photos: draft.photos })
        return HttpResponse.json(draft)
      }),
    )
  })
  afterEach(() => {
    vi.useRealTimers()
    cleanup()
  })

  it('fills in a new visit and submits it after confirming; the visit then reads as submitted', async () => {
    api.use(
      http.post('/api/visits/900/submit', () => {
        requests.push({ method: 'POST', path: '/api/visits/900/submit' })
        return HttpResponse.json({ ...draft, status: 'submitted', score: 87.5, inspectionScore: 50, vetoed: true, findings: [{ key: 'discipline', text: '纪律严：不吃请、不收礼', veto: true }], submittedAt: '2026-11-21T06:40:00.000Z' })
      }),
    )
    at('/supervise/visits/new?campaign=3&window=103')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-form')).not.toBeNull())
    expect(textOf(page.querySelector('h1')!)).toBe('A-03 水费缴纳窗口')
    expect(textOf(page)).toContain('客户服务中心')

    // two forms: the first is chosen; the date and time default to now on the deployment's clock
    expect(choice(page, '窗口服务评议表').checked).toBe(true)
    const time = getByLabel(page, '评议时间必答')
    expect(time.type).toBe('datetime-local')
    expect(time.value).toBe('2026-11-21T14:45')
    expect(time.max).toBe('2026-11-21T14:45')

    choice(page, '暗访').click()
    typeInto(getByLabel(page, '服务态度必答'), '85')
    choice(question(page, 'waiting'), '7').click()
    choice(question(page, 'disclosure'), '是').click()
    expect(textOf(question(page, 'discipline'))).toContain('一票否决')
    expect(page.querySelector('#q-findings')).toBeNull() // only after a "no" on the veto item
    choice(question(page, 'discipline'), '否').click()
    await vi.waitFor(() => expect(page.querySelector('#q-findings')).not.toBeNull())
    typeInto(getByLabel(page, '发现的问题和整改建议') as unknown as HTMLInputElement, '工作人员接受了服务对象的香烟')
    choice(question(page, 'feel'), '基本满意').click()
    typeInto(getByLabel(page, '备注') as unknown as HTMLInputElement, '  下午人多  ')
    typeInto(time, '2026-11-21T10:05')

    getButton(page, '提交').click()
    await vi.waitFor(() => expect(page.querySelector('[role="alertdialog"]')).not.toBeNull())
    const dialog = page.querySelector<HTMLElement>('[role="alertdialog"]')!
    expect(textOf(dialog)).toContain('不能再修改')
    expect(requests).toEqual([]) // nothing is sent before the confirmation
    getButton(dialog, '确认提交').click()

    await vi.waitFor(() => expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/visits', 'POST /api/visits/900/submit']))
    expect(requests[0]!.body).toEqual({
      campaignId: 3,
      windowId: 103,
      questionnaireId: 21,
      type: 'undercover',
      visitedAt: '2026-11-21T10:05:00+08:00',
      answers: { attitude: 85, waiting: 7, disclosure: true, discipline: false, findings: '工作人员接受了服务对象的香烟', feel: 3 },
      notes: '下午人多',
    })
    await vi.waitFor(() => expect(textOf(page)).toContain('评议已提交'))
    expect(location.pathname).toBe('/supervise/visits/900')
    expect(page.querySelector('.spv-form')).toBeNull()
    const view = textOf(page.querySelector('.spv-view')!)
    expect(view).toContain('87.5')
    expect(view).toContain('触发一票否决')
    expect(view).toContain('纪律严：不吃请、不收礼')
    expect(view).toContain('基本满意')
  })

  it('shows the server’s answer problems at the questions of a draft', async () => {
    draft = visit({ answers: { waiting: 9, disclosure: true }, notes: '第二次回访' })
    api.use(
      http.post('/api/visits/900/submit', () =>
        HttpResponse.json(
          {
            error: {
              code: 'visit_answers_invalid',
              message: '评议表填写不完整或有误',
              details: {
                answers: [
                  { question: 'attitude', problem: 'answer_required' },
                  { question: 'discipline', problem: 'answer_required' },
                ],
              },
            },
          },
          { status: 400 },
        ),
      ),
    )
    at('/supervise/visits/900')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-form')).not.toBeNull())
    expect(choice(page, '暗访').checked).toBe(true)
    expect(choice(question(page, 'waiting'), '9').checked).toBe(true)
    expect(getByLabel(page, '评议时间必答').value).toBe('2026-11-21T14:30')

    getButton(page, '提交').click()
    await vi.waitFor(() => expect(page.querySelector('[role="alertdialog"]')).not.toBeNull())
    getButton(page.querySelector('[role="alertdialog"]')!, '确认提交').click()

    await vi.waitFor(() => expect(question(page, 'attitude').classList.contains('spv-q-invalid')).toBe(true))
    expect(requests[0]).toMatchObject({ method: 'PUT', body: { answers: { waiting: 9, disclosure: true }, notes: '第二次回访', visitedAt: '2026-11-21T14:30:00+08:00' } })
    expect(textOf(question(page, 'attitude'))).toContain('请回答此题')
    expect(textOf(question(page, 'discipline'))).toContain('请回答此题')
    expect(question(page, 'waiting').classList.contains('spv-q-invalid')).toBe(false)
    const input = getByLabel(page, '服务态度必答')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toContain('q-attitude-error')
    expect(textOf(page.querySelector('.alert-error')!)).toContain('评议表填写不完整或有误')
    expect(textOf(page.querySelector('.alert-error')!)).toContain('请处理标出的 2 道题后再提交。')
    expect(page.querySelector('[role="alertdialog"]')).toBeNull()

    // answering the question clears its message
    typeInto(input, '90')
    await vi.waitFor(() => expect(question(page, 'attitude').classList.contains('spv-q-invalid')).toBe(false))
  })

  it('asks for the type of visit before saving, and refuses a time later than now', async () => {
    at('/supervise/visits/new?campaign=3&window=103')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-form')).not.toBeNull())
    typeInto(getByLabel(page, '评议时间必答'), '2099-01-01T09:00')
    getButton(page, '保存草稿').click()
    await vi.waitFor(() => expect(textOf(page)).toContain('请选择评议方式'))
    expect(textOf(page)).toContain('评议时间不能晚于现在')
    expect(requests).toEqual([])
  })

  it('uploads photos to the draft (saving a new visit first) and shows the server’s refusal', async () => {
    const uploads: { type: string | null; bytes: number }[] = []
    let refuse = false
    api.use(
      http.post('/api/visits/900/photos', async ({ request }) => {
        uploads.push({ type: request.headers.get('content-type'), bytes: (await request.arrayBuffer()).byteLength })
        if (refuse) return HttpResponse.json({ error: { code: 'photo_type', message: '只能上传 JPEG、PNG 或 WebP 图片（按文件内容判断）' } }, { status: 415 })
        const photo = { id: 70 + uploads.length, url: `/api/photos/${70 + uploads.length}`, bytes: 7, mime: 'image/jpeg' }
        draft = { ...draft, photos: [...draft.photos, photo] }
        return HttpResponse.json(photo, { status: 201 })
      }),
      http.delete('/api/visits/900/photos/:photoId', ({ params }) => {
        requests.push({ method: 'DELETE', path: `/api/visits/900/photos/${String(params['photoId'])}` })
        return HttpResponse.json({ ok: true })
      }),
    )
    at('/supervise/visits/new?campaign=3&window=103')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-form')).not.toBeNull())
    const input = page.querySelector<HTMLInputElement>('input[type="file"]')!
    expect(input.accept).toBe('image/jpeg,image/png,image/webp')
    expect(input.getAttribute('capture')).toBe('environment')
    expect(getByLabel(page, '拍照或选择照片')).toBe(input)
    expect(textOf(page.querySelector('.spv-photo-count')!)).toBe('0/6')

    // without a type the draft cannot be saved, so no photo can be added yet
    pickFiles(input, [jpeg()])
    await vi.waitFor(() => expect(textOf(page)).toContain('添加照片前要先保存草稿'))
    expect(uploads).toEqual([])

    choice(page, '明察').click()
    pickFiles(input, [jpeg()])
    await vi.waitFor(() => expect(page.querySelectorAll('.spv-photo img')).toHaveLength(1))
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/visits'])
    expect(uploads).toEqual([{ type: 'image/jpeg', bytes: 7 }])
    expect(page.querySelector<HTMLImageElement>('.spv-photo img')!.getAttribute('src')).toBe('/api/photos/71')
    expect(page.querySelector('.spv-photo img')!.getAttribute('alt')).toBe('现场照片 1')
    expect(textOf(page.querySelector('.spv-photo-count')!)).toBe('1/6')
    expect(location.pathname).toBe('/supervise/visits/900')

    refuse = true
    pickFiles(input, [new File(['not really'], 'notes.png', { type: 'image/png' })])
    await vi.waitFor(() => expect(textOf(page)).toContain('只能上传 JPEG、PNG 或 WebP 图片（按文件内容判断）'))
    expect(uploads[1]!.type).toBe('image/png')
    expect(page.querySelector('.spv-photo-error')!.getAttribute('role')).toBe('alert')
    expect(textOf(page.querySelector('.spv-photo-count')!)).toBe('1/6')

    getButton(page, '删除照片 1').click()
    await vi.waitFor(() => expect(page.querySelectorAll('.spv-photo img')).toHaveLength(0))
    expect(requests.at(-1)).toEqual({ method: 'DELETE', path: '/api/visits/900/photos/71' })
  })

  it('outside the term a draft opens read-only and no new visit can be started', async () => {
    mine = assignments({ status: 'expired', canSubmit: false })
    draft = visit({ answers: { attitude: 80 } })
    at('/supervise/visits/900')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-view')).not.toBeNull())
    expect(textOf(page)).toContain('不在聘期内：这份草稿只能查看，不能修改或提交。')
    expect(page.querySelector('.spv-form')).toBeNull()
    expect(page.querySelector('input[type="file"]')).toBeNull()
    expect(textOf(page.querySelector('.spv-answers')!)).toContain('服务态度80')
    cleanup()

    at('/supervise/visits/new?campaign=3&window=103')
    const fresh = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(textOf(fresh)).toContain('当前不在聘期内'))
    expect(fresh.querySelector('.spv-form')).toBeNull()
  })

  it('an annulled visit reads with its reason, scores, findings and photos', async () => {
    draft = visit({
      status: 'annulled',
      answers: { attitude: 60, disclosure: true, discipline: false, findings: '收受礼品' },
      score: 60,
      inspectionScore: 50,
      vetoed: true,
      findings: [{ key: 'discipline', text: '纪律严：不吃请、不收礼', veto: true }],
      photos: [{ id: 5, url: '/api/photos/5', bytes: 1000, mime: 'image/jpeg' }],
      submittedAt: '2026-11-21T07:00:00.000Z',
      annulledAt: '2026-11-22T02:00:00.000Z',
      annulReason: '同一次检查重复录入',
    })
    at('/supervise/visits/900')
    const page = mount(<VisitFormPage />)
    await vi.waitFor(() => expect(page.querySelector('.spv-view')).not.toBeNull())
    const text = textOf(page)
    expect(text).toContain('该评议已作废，不计入统计')
    expect(text).toContain('作废原因：同一次检查重复录入')
    expect(text).toContain('作废时间：2026-11-22 10:00')
    expect(text).toContain('提交时间2026-11-21 15:00')
    expect(textOf(page.querySelector('.spv-scores')!)).toContain('评议得分60')
    expect(textOf(page.querySelector('.spv-answers')!)).toContain('纪律严：不吃请、不收礼否')
    expect(textOf(page.querySelector('.spv-answers')!)).toContain('发现的问题和整改建议收受礼品')
    expect(page.querySelector('.spv-photo img')!.getAttribute('src')).toBe('/api/photos/5')
    expect(page.querySelector('.spv-photo-remove')).toBeNull()
    expect(page.querySelector('button.btn-primary')).toBeNull()
  })
})
