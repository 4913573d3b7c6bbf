import { describe, expect, it } from 'vitest'
import { createLogger } from './log'

describe('createLogger', () => {
  it('writes JSON lines without passwords, tokens, phone numbers or IP addresses', () => {
    const lines: string[] = []
    const log = createLogger('info', (l) => lines.push(l))
    log.info('login', { reqId: 'r1', password: 'hunter2hunter2', token: 'abc', note: 'call 13812345678 from 10.1.2.3' })
    log.debug('hidden')
    expect(lines).toHaveLength(1)
    const record = JSON.parse(lines[0]!)
    expect(record).toMatchObject({ level: 'info', msg: 'login', reqId: 'r1', password: '[redacted]', token: '[redacted]' })
    expect(lines[0]).not.toMatch(/13812345678|10\.1\.2\.3|hunter2/)
  })
})
