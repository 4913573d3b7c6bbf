import type { User } from '../../shared/schemas/auth'
import { api, call, whenUnauthorized } from './api'
import { currentTarget, navigate } from './router'
import { createStore, useStore } from './store'

export type AuthState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: User }

const authStore = createStore<AuthState>({ status: 'loading' })

/**
 * Remembers (not secretly: the cookie itself is HttpOnly) that this browser has signed in, so that a first visit
 * goes straight to the sign-in page instead of asking the server and getting a 401.
 */
const HINT_KEY = 'manyi.signedIn'
const hint = {
  get: () => {
    try {
      return localStorage.getItem(HINT_KEY) === '1'
    } catch {
      return true
    }
  },
  set: (on: boolean) => {
    try {
      if (on) localStorage.setItem(HINT_KEY, '1')
      else localStorage.removeItem(HINT_KEY)
    } catch {
      // fine: we just ask the server next time
    }
  },
}

export const useAuth = (): AuthState => useStore(authStore)
export const getAuth = (): AuthState => authStore.get()

/** The signed-in user, for components that are only shown when someone is signed in. */
export function useUser(): User {
  const auth = useAuth()
  if (auth.status !== 'signed-in') throw new Error('useUser outside a signed-in page')
  return auth.user
}

export function setSignedIn(user: User) {
  hint.set(true)
  authStore.set({ status: 'signed-in', user })
}

export function setSignedOut() {
  hint.set(false)
  authStore.set({ status: 'signed-out' })
}

/** Finds out who is signed in (once, when the app starts). */
export async function loadSession() {
  if (!hint.get()) return setSignedOut()
  try {
    const { user } = await call(api.auth.me.$get())
    setSignedIn(user)
  } catch {
    setSignedOut()
  }
}

/** Signs out on the server and goes to the sign-in page. */
export async function signOut() {
  try {
    await call(api.auth.logout.$post())
  } catch {
    // The server may be unreachable or the session already gone: this browser signs out all the same.
  }
  setSignedOut()
  navigate('/login', { replace: true })
}

// Any 401 from the API: the session ended. Go to sign-in and come back here afterwards.
whenUnauthorized(() => {
  const wasSignedIn = authStore.get().status === 'signed-in'
  setSignedOut()
  if (wasSignedIn && !window.location.pathname.startsWith('/login')) {
    navigate(`/login?next=${encodeURIComponent(currentTarget())}&expired=1`, { replace: true })
  }
})
