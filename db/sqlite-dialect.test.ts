import { describe, expect, it } from 'vitest'
import { FifoMutex } from './sqlite-dialect'

describe('FifoMutex', () => {
  it('hands the lock to waiters in arrival order, one at a time', async () => {
    const mutex = new FifoMutex()
    const order: number[] = []
    let inside = 0
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await mutex.lock()
        inside++
        expect(inside).toBe(1)
        order.push(i)
        await new Promise((r) => setTimeout(r, 0))
        inside--
        mutex.unlock()
      }),
    )
    expect(order).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })
})
