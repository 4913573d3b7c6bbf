import { describe, expect, it } from 'vitest'
import { hashPassword, randomPassword, verifyPassword } from './password'

describe('passwords', () => {
  it('verifies the right password only, and never stores it', async () => {
    const hash = await hashPassword('Correct horse 42')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(hash).not.toContain('Correct horse 42')
    expect(await verifyPassword('Correct horse 42', hash)).toBe(true)
    expect(await verifyPassword('correct horse 42', hash)).toBe(false)
    expect(await verifyPassword('x', 'garbage')).toBe(false)
  })

  it('makes random passwords with letters and digits', () => {
    const a = randomPassword()
    expect(a).toMatch(/^[a-zA-Z2-9]{16}$/)
    expect(a).toMatch(/\d/)
    expect(randomPassword()).not.toBe(a)
  })
})
