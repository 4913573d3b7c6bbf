import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Supervisor } from '../../../shared/schemas/supervision'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { adminUser, cleanup, getButton, getByLabel, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { SupervisorsPage } from './SupervisorsPage'

const api = useFakeApi()

const supervisor = (patch: Partial<Supervisor>): Supervisor => ({
  id: 31,
  username: 'li.hong',
  displayName: '李红',
  kind: 'npc_deputy',
  organisation: '市人大常委会',
  phone: '139****0021',
  letterNo: '监字〔2026〕第 001 号',
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
  endedAt: null,
  endReason: null,
  status: 'active',
  active: true,
  ...patch,
})

const roster: Supervisor[] = [
  supervisor({}),
  supervisor({ id: 32, username: 'wang.qiang', displayName: '王强', kind: 'cppcc_member', organisation: null, phone: null, letterNo: null, status: 'upcoming', termStart: '2027-01-01' }),
  supervisor({ id: 33, username: 'zhao.min', displayName: '赵敏', kind: '特邀监督员', termEnd: '2025-12-31', termStart: '2024-01-01', status: 'expired' }),
  supervisor({ id: 34, username: 'sun.li', displayName: '孙丽', kind: 'social', status: 'ended', endedAt: '2026-03-02T02:00:00.000Z', endReason: '工作调动' }),
]

/** The open dialog with this role, once it is there. */
const dialogOpen = (role = 'dialog') =>
  vi.waitFor(() => {
    const d = document.querySelector<HTMLElement>(`[role="${role}"]`)
    expect(d).not.toBeNull()
    return d!
  })
const rowOf = (page: HTMLElement, name: string) => [...page.querySelectorAll<HTMLTableRowElement>('.sv-roster-table tbody tr')].find((tr) => tr.textContent?.includes(name))!
const cells = (tr: HTMLTableRowElement) => [...tr.querySelectorAll('td')].map((td) => textOf(td).trim())

describe('supervisor roster', () => {
  let queries: URLSearchParams[]
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    queries = []
    api.use(
      http.get('/api/supervisors', ({ request }) => {
        const query = new URL(request.url).searchParams
        queries.push(query)
        const status = query.get('status')
        return HttpResponse.json({ items: status && status !== 'all' ? roster.filter((s) => s.status === status) : roster })
      }),
    )
  })
  afterEach(cleanup)

  it('lists each supervisor with the kind in Chinese, masked phone, letter, term and status in words', async () => {
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-roster-table tbody tr')).toHaveLength(4))

    expect(textOf(rowOf(page, '李红').querySelector('.cell-title')!)).toBe('李红')
    expect(textOf(rowOf(page, '李红').querySelector('.cell-sub')!)).toBe('li.hong')
    expect(cells(rowOf(page, '李红')).slice(1, 7)).toEqual(['人大代表', '市人大常委会', '139****0021', '监字〔2026〕第 001 号', '2026-01-01 至 2028-12-31', '在任'])
    expect(cells(rowOf(page, '王强')).slice(1, 7)).toEqual(['政协委员', '—', '—', '—', '2027-01-01 至 2028-12-31', '未到任期'])
    expect(cells(rowOf(page, '赵敏'))[1]).toBe('特邀监督员') // a custom kind, as written
    expect(cells(rowOf(page, '赵敏'))[6]).toBe('已期满')
    expect(textOf(rowOf(page, '孙丽').querySelector('.status-tag')!)).toBe('已终止')
    expect(textOf(rowOf(page, '孙丽').querySelector('.cell-sub-text')!)).toBe('2026-03-02 终止：工作调动')
    // an ended appointment can be renewed, not ended again
    expect(() => getButton(page, '终止“孙丽”的聘任')).toThrow()
    expect(getButton(page, '续聘“孙丽”')).toBeDefined()
    expect(textOf(page)).toContain('共 4 人')
  })

  it('filters by status and searches on the server', async () => {
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-roster-table tbody tr')).toHaveLength(4))
    typeInto(getByLabel(page, '状态') as unknown as HTMLSelectElement, 'upcoming')
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-roster-table tbody tr')).toHaveLength(1))
    expect(textOf(page.querySelector('.sv-roster-table')!)).toContain('王强')

    typeInto(page.querySelector<HTMLInputElement>('input[type="search"]')!, ' 王 ')
    await vi.waitFor(() => expect(queries.at(-1)?.get('q')).toBe('王'))
    expect(queries.at(-1)?.get('status')).toBe('upcoming')
  })

  it('appoints a supervisor and shows the user name and first password once', async () => {
    let body: Record<string, unknown> | undefined
    api.use(
      http.post('/api/supervisors', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>
        return HttpResponse.json({ supervisor: supervisor({ id: 40, username: 'chen.jie', displayName: '陈杰', kind: 'efficiency', phone: '13800138000' }), initialPassword: 'kq7Wm2xP9rTa' }, { status: 201 })
      }),
    )
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-roster-table')).not.toBeNull())
    getButton(page, '任命监督员').click()
    const dialog = await dialogOpen()

    typeInto(getByLabel(dialog, '姓名'), '陈杰')
    typeInto(getByLabel(dialog, '用户名'), 'chen.jie')
    typeInto(getByLabel(dialog, '类别') as unknown as HTMLSelectElement, 'efficiency')
    typeInto(getByLabel(dialog, '工作单位 / 选区'), '市纪委监委')
    typeInto(getByLabel(dialog, '手机号码'), '13800138000')
    typeInto(getByLabel(dialog, '任期开始'), '2026-01-01')
    typeInto(getByLabel(dialog, '任期结束'), '2027-12-31')
    dialog.querySelector('form')!.requestSubmit()

    const shown = await dialogOpen('alertdialog')
    expect(body).toEqual({
      username: 'chen.jie',
      displayName: '陈杰',
      kind: 'efficiency',
      organisation: '市纪委监委',
      phone: '13800138000',
      letterNo: null,
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
    })
    expect(textOf(shown)).toContain('已任命“陈杰”')
    expect(textOf(shown)).toContain('chen.jie')
    expect(shown.querySelector('output')?.textContent).toBe('kq7Wm2xP9rTa')
    expect(textOf(shown)).toContain('此密码只显示这一次')

    getButton(shown, '我已记下，关闭').click()
    await vi.waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull())
    expect(textOf(page)).toContain('已任命监督员“陈杰”。')
    expect(textOf(page)).not.toContain('kq7Wm2xP9rTa')
  })

  it('keeps a custom kind as typed and shows the server’s field errors', async () => {
    let body: Record<string, unknown> | undefined
    api.use(
      http.post('/api/supervisors', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(
          { error: { code: 'validation_failed', message: '提交的内容有误', details: { fields: [{ path: 'termEnd', code: 'field_end_before_start', message: '结束日期不能早于开始日期' }] } } },
          { status: 400 },
        )
      }),
    )
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-roster-table')).not.toBeNull())
    getButton(page, '任命监督员').click()
    const dialog = await dialogOpen()
    typeInto(getByLabel(dialog, '类别') as unknown as HTMLSelectElement, '__custom')
    const custom = await vi.waitFor(() => getByLabel(dialog, '类别名称'))
    typeInto(custom, '特邀监督员')
    typeInto(getByLabel(dialog, '任期结束'), '2025-01-01')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(getByLabel(dialog, '任期结束').getAttribute('aria-invalid')).toBe('true'))
    expect(body?.['kind']).toBe('特邀监督员')
    expect(textOf(dialog)).toContain('结束日期不能早于开始日期')
  })

  it('ends an appointment with the reason given', async () => {
    let sent: unknown
    api.use(
      http.post('/api/supervisors/:id/end', async ({ request, params }) => {
        sent = { id: params['id'], ...((await request.json()) as object) }
        return HttpResponse.json(supervisor({ status: 'ended', endedAt: '2026-11-21T02:00:00.000Z', endReason: '本人申请辞去' }))
      }),
    )
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-roster-table')).not.toBeNull())
    getButton(page, '终止“李红”的聘任').click()
    const dialog = await dialogOpen()
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('请填写原因'))
    expect(sent).toBeUndefined()
    typeInto(dialog.querySelector('textarea') as unknown as HTMLInputElement, '本人申请辞去')
    dialog.querySelector('form')!.requestSubmit()
    await vi.waitFor(() => expect(sent).toEqual({ id: '31', reason: '本人申请辞去' }))
    await vi.waitFor(() => expect(textOf(page)).toContain('已终止“李红”的聘任。'))
  })

  it('prints the appointment list: name, kind, organisation, letter and term of the listed supervisors', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const page = mount(<SupervisorsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-roster-table tbody tr')).toHaveLength(4))
    getButton(page, '打印聘任名单').click()
    expect(print).toHaveBeenCalledOnce()
    const sheet = page.querySelector<HTMLElement>('.sv-roster-print')!
    expect(textOf(sheet.querySelector('h1')!)).toBe('监督员聘任名单')
    const first = [...sheet.querySelectorAll('tbody tr')][0]!
    // the list has people who are not serving, so it says who is
    expect([...first.querySelectorAll('td')].map((td) => textOf(td).trim())).toEqual(['1', '李红', '人大代表', '市人大常委会', '监字〔2026〕第 001 号', '2026-01-01 至 2028-12-31', '在任'])
    // no phone numbers on paper
    expect(textOf(sheet)).not.toContain('139****0021')

    // only those in office: no status column, and the heading says what is listed
    typeInto(getByLabel(page, '状态') as unknown as HTMLSelectElement, 'active')
    await vi.waitFor(() => expect(sheet.querySelectorAll('tbody tr')).toHaveLength(1))
    expect([...sheet.querySelectorAll('thead th')].map((th) => textOf(th))).toEqual(['序号', '姓名', '类别', '工作单位 / 选区', '聘书编号', '任期'])
    expect(textOf(sheet.querySelector('.sv-print-meta')!)).toMatch(/^在任 · 共 1 人 · 打印日期 \d{4}-\d{2}-\d{2}$/)
    print.mockRestore()
  })
})
