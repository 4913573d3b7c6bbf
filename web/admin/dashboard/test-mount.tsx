import type { Child } from 'hono/jsx'
import { createStore, useStore, type Store } from '../../app/store'
import { cleanup, mount } from '../../testing/render'

// hono/jsx's render(null, container) — which the shared test cleanup uses — does not run effect cleanups
// (honojs/hono#5277), so an unmounted page would stay subscribed to the address and the session and keep asking the
// fake API for figures in the next test. Unmounting inside the tree does run them: each page here is mounted under a
// switch of its own, turned off before the container goes.

const switches: Store<boolean>[] = []

function Switch({ on, children }: { on: Store<boolean>; children: Child }) {
  return useStore(on) ? <>{children}</> : null
}

/** Mounts a page so that `unmountAll` really unmounts it. */
export function mountPage(node: Child): HTMLElement {
  const on = createStore(true)
  switches.push(on)
  return mount(<Switch on={on}>{node}</Switch>)
}

/** Unmounts every page (effects cleaned up), then removes the containers. */
export async function unmountAll() {
  for (const on of switches.splice(0)) on.set(false)
  await new Promise((resolve) => setTimeout(resolve, 0))
  cleanup()
}
