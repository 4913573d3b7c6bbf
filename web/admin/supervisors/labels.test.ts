import { describe, expect, it } from 'vitest'
import { uiText } from '../../../shared/i18n'
import { KIND_NAMES, ROSTER_CSV_COLUMNS } from '../../../shared/roster-csv'
import { SUPERVISOR_KINDS } from '../../../shared/schemas/supervision'
import { addYears, BUILT_IN_KINDS, CSV_COLUMN_KEYS, KIND_KEYS, kindLabel } from './labels'

describe('supervisor labels', () => {
  it('names every built-in kind in Chinese exactly as the roster CSV does', () => {
    expect(BUILT_IN_KINDS).toEqual([...SUPERVISOR_KINDS])
    for (const kind of SUPERVISOR_KINDS) expect(uiText('zh-CN', KIND_KEYS[kind])).toBe(KIND_NAMES[kind])
  })

  it('describes every roster CSV column, in the export’s order', () => {
    expect(Object.keys(CSV_COLUMN_KEYS)).toEqual([...ROSTER_CSV_COLUMNS])
  })

  it('shows a custom kind as written', () => {
    const t = (key: Parameters<typeof uiText>[1]) => uiText('en', key)
    expect(kindLabel('cppcc_member', t)).toBe('CPPCC member')
    expect(kindLabel('特邀监督员', t)).toBe('特邀监督员')
    expect(kindLabel('constructor', t)).toBe('constructor')
  })

  it('adds whole years to a date, 29 February included', () => {
    expect(addYears('2026-12-31', 1)).toBe('2027-12-31')
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29')
  })
})
