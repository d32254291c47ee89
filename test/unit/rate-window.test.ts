import { afterEach, describe, expect, it, vi } from 'vitest'
import { inOneRateWindow } from '../fixtures/rate-window'

describe('inOneRateWindow (test/fixtures/rate-window.ts)', () => {
  afterEach(() => vi.useRealTimers())

  it('runs the attempt again when it failed across a minute boundary, and only then', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:59.900Z'), toFake: ['Date'] })
    const attempts: number[] = []
    await inOneRateWindow(async (n) => {
      attempts.push(n)
      if (n === 1) {
        vi.setSystemTime(Date.parse('2026-12-01T10:01:00.100Z'))
        throw new Error('the sixth request was accepted')
      }
    })
    expect(attempts).toEqual([1, 2])
  })

  it('throws at once a failure inside one window', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T10:00:10.000Z'), toFake: ['Date'] })
    let runs = 0
    await expect(inOneRateWindow(async () => {
      runs++
      throw new Error('a real failure')
    })).rejects.toThrow('a real failure')
    expect(runs).toBe(1)
  })
})
