import type { Child } from 'hono/jsx'
import { navigate } from './router'

interface LinkProps {
  href: string
  class?: string
  children?: Child
  'aria-current'?: 'page' | undefined
}

/** An ordinary link that navigates inside the app; modified clicks (new tab, …) behave as usual. */
export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(href)
  }
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  )
}
