import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setSignedIn } from '../../app/auth'
import { resetLocale } from '../../app/i18n'
import { syncLocation } from '../../app/router'
import { adminUser, cleanup, getByLabel, getButton, mount, textOf, typeInto } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { campaign, summary, supervision, visit } from './visit-fixture'
import { VisitsPage } from './VisitsPage'

const api = useFakeApi()

const at = (path: string) => {
  history.replaceState(null, '', path)
  syncLocation()
}
const rowOf = (root: Element, text: string) => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.textContent?.includes(text))!

describe('visits page', () => {
  let visitQueries: URLSearchParams[]
  let summaryMonths: (string | null)[]
  beforeEach(() => {
    resetLocale('zh-CN')
    setSignedIn(adminUser)
    at('/visits')
    visitQueries = []
    summaryMonths = []
    api.use(
      http.get('/api/campaigns', () =>
        HttpResponse.json({ items: [campaign({ id: 8, name: '2027 年春季测评', status: 'draft', startsOn: '2027-03-01', endsOn: '2027-05-31' }), campaign(), campaign({ id: 5, name: '2025 年测评', status: 'closed' })] }),
      ),
      http.get('/api/campaigns/7/supervision', () => HttpResponse.json(supervision)),
      http.get('/api/campaigns/7/supervision/summary', ({ request }) => {
        const month = new URL(request.url).searchParams.get('month')
        summaryMonths.push(month)
        return HttpResponse.json({ ...summary, month })
      }),
      http.get('/api/visits', ({ request }) => {
        const query = new URL(request.url).searchParams
        visitQueries.push(query)
        const offset = Number(query.get('offset'))
        const items = offset === 0 ? [visit(), visit({ id: 502, type: 'open', vetoed: false, findings: [], status: 'annulled', supervisorName: '王强', supervisorKind: '特邀监督员' })] : [visit({ id: 480 })]
        return HttpResponse.json({ items, total: 21 })
      }),
    )
  })
  afterEach(cleanup)

  it('opens on the newest running campaign and shows each window’s quota as met or not met, in words', async () => {
    const page = mount(<VisitsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-summary-table tbody tr')).toHaveLength(2))
    expect((getByLabel(page, '测评活动') as unknown as HTMLSelectElement).value).toBe('7')
    expect(summaryMonths[0]).toMatch(/^2026-(09|1[0-2])$/)

    const table = page.querySelector('.sv-summary-table')!
    const met = rowOf(table, 'A-01')
    const unmet = rowOf(table, 'A-03')
    expect([...met.querySelectorAll('td')].map((td) => textOf(td).trim()).slice(0, 5)).toEqual(['5', '2', '88.5', '92.5', '0'])
    expect(textOf(met.querySelector('.sv-quota')!)).toBe('评议 2 / 2 · 暗访 1 / 1已达标')
    expect(met.querySelector('.sv-quota-state')!.classList.contains('is-met')).toBe(true)
    // not met: the words and an icon, not only the red
    const state = unmet.querySelector('.sv-quota-state')!
    expect(textOf(state)).toBe('未达标')
    expect(state.classList.contains('is-unmet')).toBe(true)
    expect(state.querySelector('svg')).not.toBeNull()
    expect([...unmet.querySelectorAll('td')].map((td) => textOf(td).trim()).slice(2, 5)).toEqual(['—', '65', '1'])
    expect(textOf(page)).toContain('1 / 2 个窗口达标')
    expect(textOf(page)).toContain('每个窗口每月评议 2 次，其中暗访 1 次')

    const supervisors = page.querySelector('.sv-supervisor-table')!
    expect([...rowOf(supervisors, '王强').querySelectorAll('th, td')].map((c) => textOf(c).trim())).toEqual(['王强', '特邀监督员', '2', '0', '1'])
    expect(textOf(rowOf(supervisors, '李红'))).toContain('人大代表')
  })

  it('asks for the chosen month', async () => {
    const page = mount(<VisitsPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-summary-table')).not.toBeNull())
    typeInto(getByLabel(page, '月份') as unknown as HTMLSelectElement, '2026-09')
    await vi.waitFor(() => expect(summaryMonths.at(-1)).toBe('2026-09'))
    await vi.waitFor(() => expect(location.search).toContain('month=2026-09'))
  })

  it('lists the visits with links, filters them and pages through them', async () => {
    const page = mount(<VisitsPage />)
    await vi.waitFor(() => expect(page.querySelectorAll('.sv-visit-table tbody tr')).toHaveLength(2))
    const first = page.querySelector('.sv-visit-table tbody tr')!
    expect(first.querySelector('a')!.getAttribute('href')).toBe('/visits/501')
    expect(textOf(first)).toContain('2026-11-18 09:30')
    expect(textOf(first)).toContain('暗访')
    expect(textOf(first)).toContain('1 项')
    expect(textOf(first)).toContain('一票否决')
    expect(textOf(rowOf(page.querySelector('.sv-visit-table')!, '王强'))).toContain('已作废')
    expect(textOf(page)).toContain('第 1–2 条，共 21 条')
    expect(visitQueries[0]?.get('campaignId')).toBe('7')

    typeInto(getByLabel(page, '窗口') as unknown as HTMLSelectElement, '103')
    await vi.waitFor(() => expect(visitQueries.at(-1)?.get('windowId')).toBe('103'))
    typeInto(getByLabel(page, '监督员') as unknown as HTMLSelectElement, '32')
    await vi.waitFor(() => expect(visitQueries.at(-1)?.get('supervisorId')).toBe('32'))
    const findings = [...page.querySelectorAll<HTMLInputElement>('.sv-filters input[type="checkbox"]')][0]!
    findings.click()
    await vi.waitFor(() => expect(visitQueries.at(-1)?.get('findings')).toBe('true'))
    expect(visitQueries.at(-1)?.get('windowId')).toBe('103')

    getButton(page, '下一页').click()
    await vi.waitFor(() => expect(visitQueries.at(-1)?.get('offset')).toBe('20'))
    await vi.waitFor(() => expect(textOf(page)).toContain('第 21–21 条，共 21 条'))
    expect(location.search).toContain('offset=20')
  })

  it('comes back to the campaign, month and filters in the address', async () => {
    at('/visits?campaign=7&month=2026-10&window=101&status=submitted')
    const page = mount(<VisitsPage />)
    await vi.waitFor(() => expect(visitQueries).toHaveLength(1))
    expect(summaryMonths).toEqual(['2026-10'])
    expect(visitQueries[0]?.get('windowId')).toBe('101')
    expect(visitQueries[0]?.get('status')).toBe('submitted')
    await vi.waitFor(() => expect((getByLabel(page, '窗口') as unknown as HTMLSelectElement).value).toBe('101'))
  })

  it('offers a unit manager only the supervisors the server shows them, not the assignments', async () => {
    setSignedIn({ ...adminUser, id: 6, role: 'manager', unitIds: [11] })
    api.use(http.get('/api/campaigns/7/supervision/summary', () => HttpResponse.json({ ...summary, supervisors: [summary.supervisors[1]!] })))
    const page = mount(<VisitsPage />)
    await vi.waitFor(() => expect(page.querySelector('.sv-supervisor-table')).not.toBeNull())
    const options = [...(getByLabel(page, '监督员') as unknown as HTMLSelectElement).options].map((o) => o.textContent)
    expect(options).toEqual(['全部监督员', '王强'])
    expect(textOf(page)).toContain('暗访记录在测评活动结束后才对单位管理员显示。')
  })
})
