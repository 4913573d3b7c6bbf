import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { useHarness } from '../support/harness'

const h = useHarness()

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await h().request('GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = await res.json()
    const validator = new Validator()
    const result = await validator.validate(doc)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('declares the session and API-key schemes as the default, and marks public operations', async () => {
    const doc = (await (await h().request('GET', '/api/openapi.json')).json()) as {
      security: Record<string, string[]>[]
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> }
      paths: Record<string, Record<string, { security?: unknown[] }>>
    }
    expect(doc.security).toEqual([{ session: [] }, { unitApiKey: [] }])
    expect(doc.components.securitySchemes['session']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'manyi_session' })
    const publicOps = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => [`${m} ${path}`, op] as const))
      .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
      .map(([k]) => k)
      .sort()
    expect(publicOps).toEqual([
      'get /api/c/{code}',
      'get /api/k/{token}',
      'get /api/public/publications',
      'get /api/public/publications/{id}',
      'get /api/public/publications/{id}/snapshot.json',
      'get /api/s/{token}',
      'get /healthz',
      'get /readyz',
      'post /api/auth/login',
      'post /api/auth/logout',
      'post /api/c/{code}/responses',
      'post /api/k/{token}/responses',
      'post /api/s/{token}/responses',
    ])
    // The counter systems' operation asks for the unit API key, not a session.
    expect(doc.paths['/api/unit/codes']!['post']!.security).toEqual([{ unitApiKey: [] }])
  })
})
