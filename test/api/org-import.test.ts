import { beforeAll, describe, expect, it } from 'vitest'
import { tableCounts } from '../support/fixtures'
import { sessionCookieOf, PASSWORD, useHarness } from '../support/harness'

const h = useHarness()
let admin: string
beforeAll(async () => {
  await h().createUser('admin', 'admin')
  admin = sessionCookieOf(await h().request('POST', '/api/auth/login', { body: { username: 'admin', password: PASSWORD } }))!
})

const HEADER = 'sector,unit_path,window_code,window_name,window_kind,location,opening_hours,staff_no,staff_name,active\r\n'
const importCsv = (csv: string, dryRun = false, headers: Record<string, string> = {}) =>
  h().request('POST', `/api/org/import${dryRun ? '?dryRun=true' : ''}`, { cookie: admin, raw: csv, contentType: 'text/csv; charset=utf-8', headers })

/** 500 windows over 5 sectors and 50 units (two levels deep), one staff member each. */
function bigCsv(): string {
  let csv = '\ufeff' + HEADER
  for (let i = 0; i < 500; i++) {
    const sector = ['供水', '供热', '燃气', '公交', '政务服务大厅'][Math.floor(i / 100)]!
    const unit = `${sector}集团/第${Math.floor(i / 10) + 1}营业所`
    const code = `W-${String(i + 1).padStart(3, '0')}`
    csv += `${sector},${unit},${code},"窗口 ${i + 1}, 综合",window,一楼,"8:30–17:00",,,1\r\n`
    csv += `${sector},${unit},${code},,,,,E${i + 1},职员${i + 1},1\r\n`
  }
  return csv
}

describe('organisation CSV import', () => {
  it('checks a file without writing anything on a dry run', async () => {
    const before = await tableCounts(h())
    const res = await importCsv(bigCsv(), true)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ dryRun: true, rows: 1000 })
    expect(await tableCounts(h())).toEqual(before)
  })

  it('imports 500 windows with their staff in one go', async () => {
    const res = await importCsv(bigCsv())
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      dryRun: false,
      rows: 1000,
      sectorsCreated: 5,
      unitsCreated: 55,
      windowsCreated: 500,
      windowsUpdated: 0,
      staffCreated: 500,
      staffUpdated: 0,
    })
    const windows = await h().request('GET', '/api/org/windows?limit=1&q=W-250', { cookie: admin })
    const body = (await windows.json()) as { items: { name: string; staffCount: number }[] }
    expect(body.items[0]).toMatchObject({ name: '窗口 250, 综合', staffCount: 1 })
  })

  it('refuses a file with two bad rows, naming both rows, and writes nothing', async () => {
    const before = await tableCounts(h())
    const csv =
      HEADER +
      '供水,新单位,N-01,新窗口一,window,,,,,1\r\n' +
      '供水,新单位,N 02,新窗口二,window,,,,,1\r\n' + // row 3: space in the code
      '供水,新单位,N-03,新窗口三,window,,,,,1\r\n' +
      '供水,新单位,N-04,,kiosk,,,,,1\r\n' // row 5: no name, unknown kind
    const res = await importCsv(csv)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string; details: { rows: { row: number; message: string }[] } } }
    expect(body.error.code).toBe('csv_invalid')
    expect([...new Set(body.error.details.rows.map((r) => r.row))]).toEqual([3, 5])
    expect(body.error.details.rows[0]!.message).toMatch(/^第 3 行“window_code”/)
    expect(await tableCounts(h())).toEqual(before)
  })

  it('gives row-numbered messages in English on request', async () => {
    const res = await importCsv(HEADER + '供水,新单位,N-01,新窗口一\r\n供水,新单位,N-01,重复\r\n', false, { 'Accept-Language': 'en' })
    const body = (await res.json()) as { error: { details: { rows: { row: number; message: string }[] } } }
    expect(body.error.details.rows).toEqual([{ row: 3, message: 'Row 3: window N-01 repeats row 2' }])
  })

  it('refuses staff of a window that exists nowhere', async () => {
    const res = await importCsv(HEADER + '供水,新单位,Z-01,,,,,E1,张三,1\r\n')
    const body = (await res.json()) as { error: { details: { rows: { row: number; message: string }[] } } }
    expect(body.error.details.rows[0]!.message).toContain('Z-01')
  })

  it('exports what it imports: importing the export again changes nothing but updates', async () => {
    const bytes = new Uint8Array(await (await h().request('GET', '/api/org/export', { cookie: admin })).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the BOM Excel needs
    const exported = new TextDecoder().decode(bytes)
    expect(exported).toContain('"窗口 1, 综合"')
    const before = await tableCounts(h())
    const res = await importCsv(exported)
    expect(await res.json()).toMatchObject({ sectorsCreated: 0, unitsCreated: 0, windowsCreated: 0, windowsUpdated: 500, staffCreated: 0, staffUpdated: 500 })
    const after = await tableCounts(h())
    expect({ ...after, 'windows.updated_at': 0, 'staff.updated_at': 0 }).toEqual({ ...before, 'windows.updated_at': 0, 'staff.updated_at': 0 })
  })

  it('accepts Chinese headers as Excel users type them', async () => {
    const res = await importCsv('行业,单位,窗口编号,窗口名称,类型\r\n燃气,燃气集团/营业厅,G-01,开户窗口,站点\r\n')
    expect(res.status).toBe(200)
    const list = (await (await h().request('GET', '/api/org/windows?q=G-01', { cookie: admin })).json()) as { items: { kind: string }[] }
    expect(list.items[0]!.kind).toBe('station')
  })
})
