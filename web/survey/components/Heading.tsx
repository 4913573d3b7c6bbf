import type { Child } from 'hono/jsx'
import { useEffect, useRef } from 'hono/jsx'

/**
 * The page's h1, focused when a screen appears (thanks, saved, error) so that screen readers announce the new screen
 * and keyboard users continue from the top of it.
 */
export function Heading({ children, focus = true }: { children: Child; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [])
  return (
    <h1 class="title" tabindex={-1} ref={ref}>
      {children}
    </h1>
  )
}
