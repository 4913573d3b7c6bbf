import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetLocale } from '../../../app/i18n'
import { cleanup, getButton, mount, textOf } from '../../../testing/render'
import { useFakeApi } from '../../../testing/server'
import { chooseFile, csvInvalid, errorTableRows, summaryCounts, uploadOf } from '../../csv/import-test-helpers'
import { CsvImportDialog } from './CsvImportDialog'

const api = useFakeApi()

const HEADER = 'sector,unit_path,window_code,window_name,window_kind,location,opening_hours,staff_no,staff_name,active\n'

describe('CSV import', () => {
  beforeEach(() => resetLocale('zh-CN'))
  afterEach(cleanup)

  it('lists a refused file’s errors by row number and says nothing was imported', async () => {
    const requests: { dryRun: string | null; type: string | null; body: string }[] = []
    api.use(
      http.post('/api/org/import', async ({ request }) => {
        requests.push(await uploadOf(request))
        return csvInvalid('CSV 文件有 2 处错误，未导入任何数据', [
          { row: 7, message: '第 7 行：窗口 Z-01 与第 3 行重复' },
          { row: 3, message: '第 3 行“window_code”：只能用字母、数字、“-” 和 “_”，以字母或数字开头' },
        ])
      }),
    )
    const dialog = mount(<CsvImportDialog onClose={() => {}} onImported={() => {}} />)
    const csv = `${HEADER}供水,示范市水务集团/客户服务中心,bad code,综合受理,window,,,,,1\n`
    chooseFile(dialog, csv, 'org.csv')

    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')).not.toBeNull())
    const alert = dialog.querySelector<HTMLElement>('[role="alert"]')!
    expect(textOf(alert)).toContain('CSV 文件有 2 处错误，未导入任何数据')
    expect(errorTableRows(alert)).toEqual([
      ['第 3 行', '“window_code”：只能用字母、数字、“-” 和 “_”，以字母或数字开头'],
      ['第 7 行', '窗口 Z-01 与第 3 行重复'],
    ])
    expect(requests).toEqual([{ dryRun: 'true', type: 'text/csv; charset=utf-8', body: csv }])
    expect(getButton(dialog, '确认导入').disabled).toBe(true)
  })

  it('previews the counts with a dry run, then imports on confirmation', async () => {
    const calls: (string | null)[] = []
    api.use(
      http.post('/api/org/import', ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get('dryRun')
        calls.push(dryRun)
        return HttpResponse.json({ dryRun: dryRun === 'true', rows: 4, sectorsCreated: 1, unitsCreated: 2, windowsCreated: 3, windowsUpdated: 0, staffCreated: 1, staffUpdated: 0 })
      }),
    )
    let imported = false
    const dialog = mount(<CsvImportDialog onClose={() => {}} onImported={() => (imported = true)} />)
    chooseFile(dialog, `${HEADER}医院,人民医院/门诊部,M-01,挂号窗口,window,,,,,1\n`, 'org.csv')

    await vi.waitFor(() => expect(textOf(dialog)).toContain('检查通过：共 4 行'))
    expect(summaryCounts(dialog)).toMatchObject({ 新建行业: '1', 新建单位: '2', 新建窗口: '3', 新增服务人员: '1' })
    expect(imported).toBe(false)
    getButton(dialog, '确认导入').click()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('导入完成：共 4 行'))
    expect(calls).toEqual(['true', 'false'])
    expect(imported).toBe(true)
  })

  it('reads a GBK file saved by Excel without garbling the Chinese', async () => {
    let body = ''
    api.use(
      http.post('/api/org/import', async ({ request }) => {
        body = await request.text()
        return HttpResponse.json({ dryRun: true, rows: 1, sectorsCreated: 0, unitsCreated: 0, windowsCreated: 1, windowsUpdated: 0, staffCreated: 0, staffUpdated: 0 })
      }),
    )
    const dialog = mount(<CsvImportDialog onClose={() => {}} onImported={() => {}} />)
    // "供水" in GBK: b9 a9 cb ae
    const gbk = new Uint8Array([...new TextEncoder().encode(HEADER), 0xb9, 0xa9, 0xcb, 0xae, ...new TextEncoder().encode(',a,A-01,x,window,,,,,1\n')])
    chooseFile(dialog, gbk, 'gbk.csv')
    await vi.waitFor(() => expect(body).toContain('供水,a,A-01'))
  })
})
