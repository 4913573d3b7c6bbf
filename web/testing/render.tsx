import type { Child } from 'hono/jsx'
import { render } from 'hono/jsx/dom'
import type { User } from '../../shared/schemas/auth'

const mounted: HTMLElement[] = []

/** Renders into a fresh container in the document (removed by `cleanup`). */
export function mount(node: Child): HTMLElement {
  const container = document.createElement('div')
  document.body.append(container)
  render(node, container)
  mounted.push(container)
  return container
}

export function cleanup() {
  for (const c of mounted.splice(0)) {
    render(null, c)
    c.remove()
  }
  document.body.innerHTML = ''
}

/** Types into an input or picks an option the way a user does: value, then input and change events. */
export function typeInto(control: HTMLInputElement | HTMLSelectElement, value: string) {
  control.value = value
  control.dispatchEvent(new Event('input', { bubbles: true }))
  control.dispatchEvent(new Event('change', { bubbles: true }))
}

/** The element whose visible text is exactly `text` (throws when absent, like a user not finding it). */
export function getByText(root: ParentNode, text: string, selector = '*'): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text && [...el.children].every((c) => c.textContent?.trim() !== text))
  if (!found) throw new Error(`No element with text "${text}"`)
  return found
}

/** The input that a <label> with this text labels. */
export function getByLabel(root: ParentNode, label: string): HTMLInputElement {
  const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent?.replace('*', '').trim() === label)
  const id = labelEl?.getAttribute('for')
  const control = id ? document.getElementById(id) : null
  if (!control) throw new Error(`No control labelled "${label}"`)
  return control as HTMLInputElement
}

/** The button with this text (or aria-label). */
export function getButton(root: ParentNode, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name)
  if (!button) throw new Error(`No button "${name}"`)
  return button
}

/** The visible text of the page, whitespace collapsed. */
export const textOf = (root: Element) => (root.textContent ?? '').replace(/\s+/g, ' ')

export const adminUser: User = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  unitIds: [],
  active: true,
  mustChangePassword: false,
  lastLoginAt: '2026-11-21T02:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
}
