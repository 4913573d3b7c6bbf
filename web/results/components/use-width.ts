import { useEffect, useState, type RefObject } from 'hono/jsx'

/**
 * The element's width in CSS pixels, kept current as the page resizes, so that a chart's SVG units are pixels and its
 * text stays readable on a phone. Without layout (tests, very old browsers) it is the fallback.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width)
      if (w > 0) setWidth(w)
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return width
}
