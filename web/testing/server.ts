import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/** A fake API for web tests (msw): each test adds the handlers it needs with `api.use(...)`. */
export const fakeApi = setupServer()

/** Starts the fake API for this test file; any request without a handler fails the test. */
export function useFakeApi() {
  beforeAll(() => fakeApi.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => fakeApi.resetHandlers())
  afterAll(() => fakeApi.close())
  return fakeApi
}
