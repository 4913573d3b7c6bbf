import { describe, expect, it } from 'vitest'
import { loadConfig } from './config'

describe('loadConfig', () => {
  it('has defaults that serve the quick start', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(8787)
    expect(config.DATABASE_URL).toBe('sqlite:./data/manyi.sqlite')
    expect(config.MANYI_DEMO).toBe(true)
    expect(config.PUBLIC_URL).toBe('http://localhost:8787')
    expect(config.TZ).toBe('Asia/Shanghai')
  })

  it('names the variable of a wrong value in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid PORT="eighty": /)
    expect(() => loadConfig({ MANYI_DEMO: 'maybe' })).toThrow(/^Invalid MANYI_DEMO=/)
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/^Invalid PUBLIC_URL=/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^Invalid DATABASE_URL=/)
    expect(() => loadConfig({ TZ: 'Mars/Olympus' })).toThrow(/^Invalid TZ=/)
  })

  it('accepts PostgreSQL and trims the public URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', PUBLIC_URL: 'https://manyi.example.cn/', MANYI_DEMO: '0' })
    expect(config.PUBLIC_URL).toBe('https://manyi.example.cn')
    expect(config.MANYI_DEMO).toBe(false)
  })
})
