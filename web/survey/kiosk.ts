import { useEffect, useRef, useState } from 'hono/jsx'

/** How long a kiosk shows its thanks before the next citizen's fresh screen. */
export const KIOSK_THANKS_S = 5
/** A half-answered kiosk screen left alone this long belongs to nobody: start over for the next person. */
export const KIOSK_IDLE_MS = 60_000

/** While active, counts down the thanks screen and then calls `done`; returns the seconds left. */
export function useKioskReturn(active: boolean, done: () => void): number {
  const [left, setLeft] = useState(KIOSK_THANKS_S)
  const latest = useRef(done)
  latest.current = done
  useEffect(() => {
    if (!active) return
    let n = KIOSK_THANKS_S
    setLeft(n)
    const timer = setInterval(() => {
      n -= 1
      if (n > 0) return setLeft(n)
      clearInterval(timer)
      latest.current()
    }, 1000)
    return () => clearInterval(timer)
  }, [active])
  return left
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'scroll'] as const

/** While active, calls `idle` after KIOSK_IDLE_MS without a touch, key, input or scroll. */
export function useKioskIdle(active: boolean, idle: () => void) {
  const latest = useRef(idle)
  latest.current = idle
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(timer)
      timer = setTimeout(() => latest.current(), KIOSK_IDLE_MS)
    }
    arm()
    for (const type of ACTIVITY) document.addEventListener(type, arm, true)
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) document.removeEventListener(type, arm, true)
    }
  }, [active])
}
