import { describe, expect, it } from 'vitest'
import { parseRoute } from './route'

describe('parseRoute', () => {
  it('knows the four ways in, each with its API', () => {
    expect(parseRoute('/s/abcdefghijklmnop')).toEqual({ kind: 'qr', api: '/api/s/abcdefghijklmnop' })
    expect(parseRoute('/k/Kiosk_Token-1')).toEqual({ kind: 'kiosk', api: '/api/k/Kiosk_Token-1' })
    expect(parseRoute('/c/ab23cd45ef/')).toEqual({ kind: 'code', api: '/api/c/ab23cd45ef' })
    expect(parseRoute('/preview/questionnaires/3/versions/2')).toEqual({ kind: 'preview', api: '/api/questionnaires/3/versions/2' })
  })

  it('sends anything else to the friendly "not found" page, never to an API path it made up', () => {
    for (const path of ['/', '/s/', '/s/a/b', '/s/../api', '/x/abc', '/preview/questionnaires/x/versions/1']) expect(parseRoute(path)).toEqual({ kind: 'unknown' })
  })
})
