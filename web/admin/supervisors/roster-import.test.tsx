import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetLocale } from '../../app/i18n'
import { cleanup, getButton, mount, textOf } from '../../testing/render'
import { useFakeApi } from '../../testing/server'
import { chooseFile, csvInvalid, errorTableRows, summaryCounts, uploadOf } from '../csv/import-test-helpers'
import { RosterImportDialog } from './RosterImportDialog'

const api = useFakeApi()

const HEADER = 'username,display_name,kind,organisation,phone,letter_no,term_start,term_end\n'

describe('roster CSV import', () => {
  beforeEach(() => resetLocale('zh-CN'))
  afterEach(cleanup)

  it('lists a refused file’s errors by row number and imports nothing', async () => {
    const requests: { dryRun: string | null; type: string | null; body: string }[] = []
    api.use(
      http.post('/api/supervisors/import', async ({ request }) => {
        requests.push(await uploadOf(request))
        return csvInvalid('CSV 文件有 2 处错误，未导入任何数据', [
          { row: 4, message: '第 4 行：用户名 li.hong 与第 2 行重复' },
          { row: 2, message: '第 2 行“phone”：请填写 11 位手机号码' },
        ])
      }),
    )
    const dialog = mount(<RosterImportDialog onClose={() => {}} onImported={() => {}} />)
    const csv = `${HEADER}li.hong,李红,人大代表,市人大常委会,1390000,,2026-01-01,2028-12-31\n`
    chooseFile(dialog, csv, 'roster.csv')

    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')).not.toBeNull())
    const alert = dialog.querySelector<HTMLElement>('[role="alert"]')!
    expect(textOf(alert)).toContain('CSV 文件有 2 处错误，未导入任何数据')
    expect(errorTableRows(alert)).toEqual([
      ['第 2 行', '“phone”：请填写 11 位手机号码'],
      ['第 4 行', '用户名 li.hong 与第 2 行重复'],
    ])
    expect(requests).toEqual([{ dryRun: 'true', type: 'text/csv; charset=utf-8', body: csv }])
    expect(getButton(dialog, '确认导入').disabled).toBe(true)
  })

  it('previews with a dry run, imports on confirmation, then shows the new accounts’ first passwords once', async () => {
    const calls: (string | null)[] = []
    api.use(
      http.post('/api/supervisors/import', ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get('dryRun')
        calls.push(dryRun)
        return HttpResponse.json({
          dryRun: dryRun === 'true',
          rows: 3,
          created: 2,
          updated: 1,
          initialPasswords:
            dryRun === 'true'
              ? []
              : [
                  { username: 'chen.jie', password: 'Pw7kd2LmQa9x' },
                  { username: 'zhou.yan', password: 'Rt5vB8nMq2Lc' },
                ],
        })
      }),
    )
    let imported = false
    const dialog = mount(<RosterImportDialog onClose={() => {}} onImported={() => (imported = true)} />)
    chooseFile(dialog, `${HEADER}chen.jie,陈杰,效能监督员,,,,2026-01-01,2027-12-31\n`, 'roster.csv')

    await vi.waitFor(() => expect(textOf(dialog)).toContain('检查通过：共 3 行'))
    expect(summaryCounts(dialog)).toEqual({ 新任命: '2', 更新资料: '1' })
    expect(textOf(dialog)).toContain('确认导入后，将显示新建账号的初始密码')
    expect(imported).toBe(false)

    getButton(dialog, '确认导入').click()
    await vi.waitFor(() => expect(textOf(dialog)).toContain('导入完成：共 3 行'))
    expect(calls).toEqual(['true', 'false'])
    expect(imported).toBe(true)
    const accounts = [...dialog.querySelectorAll('.sv-passwords tbody tr')].map((tr) => textOf(tr).trim())
    expect(accounts).toEqual(['chen.jiePw7kd2LmQa9x', 'zhou.yanRt5vB8nMq2Lc'])
    expect(textOf(dialog)).toContain('新建账号的初始密码（2 个）')
    expect(textOf(dialog)).toContain('此密码只显示这一次')
  })
})
