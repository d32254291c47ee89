import { describe, expect, it } from 'vitest'
import { FIRST_RETRY_MS, MAX_ATTEMPTS, MAX_RETRY_MS, nextAttemptAt, retryDelayMs } from '../../src/notify/backoff'

describe('retry backoff', () => {
  it('doubles the wait after each failure, up to a ceiling', () => {
    expect(retryDelayMs(1)).toBe(FIRST_RETRY_MS)
    expect(retryDelayMs(2)).toBe(2 * FIRST_RETRY_MS)
    expect(retryDelayMs(3)).toBe(4 * FIRST_RETRY_MS)
    expect(retryDelayMs(40)).toBe(MAX_RETRY_MS)
  })

  it('gives up after MAX_ATTEMPTS, or at once when the refusal is permanent', () => {
    const now = 1_000_000
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).toBe(now + retryDelayMs(MAX_ATTEMPTS - 1))
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull()
    expect(nextAttemptAt(1, now, true)).toBeNull()
  })

  it('keeps trying for hours, not minutes, before giving up', () => {
    let total = 0
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) total += retryDelayMs(attempt)
    expect(total).toBeGreaterThan(2 * 60 * 60 * 1000)
    expect(total).toBeLessThan(24 * 60 * 60 * 1000)
  })
})
