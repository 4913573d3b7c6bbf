import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import '../schemas/common'
import { fieldErrors } from './field-errors'

describe('fieldErrors', () => {
  it('says what is wrong in the user’s language, with the limit', () => {
    const schema = z.object({ name: z.string().min(1).max(5), options: z.array(z.string()).min(2), age: z.number().int() })
    const result = schema.safeParse({ name: 'too long', options: ['a'] })
    expect(fieldErrors(result.error!.issues, 'zh-CN')).toEqual([
      { path: 'name', code: 'field_too_long', message: '最多 5 个字符' },
      { path: 'options', code: 'field_too_few', message: '至少 2 项' },
      { path: 'age', code: 'field_required', message: '必填' },
    ])
    expect(fieldErrors(result.error!.issues, 'en').map((e) => e.message)).toEqual(['At most 5 characters', 'At least 2 items', 'Required'])
  })
})
