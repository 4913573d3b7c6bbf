import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SendResult } from './api'
import { deliver, readPending, refusedFor, RETRY_DELAYS_MS, savePending, waitingFor, type PendingEntry } from './pending'

const entry = (clientKey: string, target = '/api/s/abcdefghijklmnop'): PendingEntry => ({
  target,
  body: { versionId: 7, answers: { overall: 2, reasons: ['slow'] }, clientKey, durationMs: 12_000, hp: '' },
  savedAt: Date.now(),
})
const offline: SendResult = { kind: 'retry', problem: { status: 0, code: 'network_error', message: 'Failed to fetch' } }
const stored: SendResult = { kind: 'stored', trackingCode: 'ABCDE-FGHJK' }

describe('the pending queue', () => {
  beforeEach(() => {
    localStorage.clear()
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('keeps the answers through a failed send and resends the same body until the server stores it', async () => {
    const bodies: unknown[] = []
    const send = vi.fn(async (e: PendingEntry) => {
      bodies.push(structuredClone(e.body))
      return bodies.length < 3 ? offline : stored
    })
    const waits: number[] = []
    const delivery = deliver(entry('key-aaaaaaaaaaaaaaaaaaaa'), send, (delay) => waits.push(delay))
    await vi.advanceTimersByTimeAsync(0)
    // After the first failure the answers are on the device, waiting.
    expect(waitingFor('/api/s/abcdefghijklmnop').map((e) => e.body.clientKey)).toEqual(['key-aaaaaaaaaaaaaaaaaaaa'])
    await vi.advanceTimersByTimeAsync(2000)
    await vi.advanceTimersByTimeAsync(4000)
    expect(await delivery.done).toEqual(stored)
    expect(waits).toEqual([2000, 4000])
    // Every attempt carried the same client key, so the server stores one response.
    expect(bodies).toHaveLength(3)
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
    expect(readPending()).toEqual([])
  })

  it('waits longer after each failure, up to 30 seconds', async () => {
    const waits: number[] = []
    const delivery = deliver(entry('key-bbbbbbbbbbbbbbbbbbbb'), async () => offline, (delay) => waits.push(delay))
    for (let i = 0; i < 7; i++) await vi.advanceTimersByTimeAsync(30_000)
    delivery.stop()
    expect(waits.slice(0, 7)).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000])
    expect(RETRY_DELAYS_MS.at(-1)).toBe(30_000)
    // Stopping (the page closes) leaves the answers saved for the next visit.
    expect(await delivery.done).toEqual(offline)
    expect(waitingFor('/api/s/abcdefghijklmnop')).toHaveLength(1)
  })

  it('tries again at once when the browser comes back online', async () => {
    let calls = 0
    const delivery = deliver(entry('key-cccccccccccccccccccc'), async () => (++calls === 1 ? offline : stored))
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toBe(1)
    window.dispatchEvent(new Event('online'))
    expect(await delivery.done).toEqual(stored)
    expect(calls).toBe(2)
  })

  it('does not retry a refusal and keeps the refused answers apart from those still to send', async () => {
    const refused: SendResult = { kind: 'refused', problem: { status: 400, code: 'answers_invalid', message: '有题目未答', answers: [{ question: 'reasons', problem: 'answer_required' }] } }
    const send = vi.fn(async () => refused)
    expect(await deliver(entry('key-dddddddddddddddddddd'), send).done).toEqual(refused)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(send).toHaveBeenCalledTimes(1)
    expect(waitingFor('/api/s/abcdefghijklmnop')).toEqual([])
    expect(refusedFor('/api/s/abcdefghijklmnop')?.refused).toEqual({ code: 'answers_invalid', message: '有题目未答', answers: [{ question: 'reasons', problem: 'answer_required' }] })
  })

  it('holds answers for several windows and kiosk citizens at once, one entry per client key', () => {
    savePending(entry('key-1111111111111111', '/api/k/kiosk-a'))
    savePending(entry('key-2222222222222222', '/api/k/kiosk-a'))
    savePending(entry('key-3333333333333333', '/api/s/otherwindowtoken'))
    savePending(entry('key-1111111111111111', '/api/k/kiosk-a'))
    expect(waitingFor('/api/k/kiosk-a').map((e) => e.body.clientKey)).toEqual(['key-2222222222222222', 'key-1111111111111111'])
    expect(waitingFor('/api/s/otherwindowtoken')).toHaveLength(1)
  })

  it('reads a damaged store as empty instead of failing the page', () => {
    localStorage.setItem('manyi.survey.pending', '{not json')
    expect(readPending()).toEqual([])
    localStorage.setItem('manyi.survey.pending', JSON.stringify([{ nonsense: true }, entry('key-4444444444444444')]))
    expect(readPending().map((e) => e.body.clientKey)).toEqual(['key-4444444444444444'])
  })
})
