import { useEffect } from 'hono/jsx'

/** Sets the browser tab's title: "<page> · 满意 Manyi". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · 满意 Manyi`
  }, [title])
}
