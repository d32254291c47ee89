import { describe, expect, it } from 'vitest'
import { summarize, type LoadRun } from '../bench/load'

/** One stretch of a closed loop: `connections` each answered every `ms`, cut at `seconds`. */
function stretch(connections: number, ms: number, seconds: number): LoadRun {
  const perConnection = Math.floor((seconds * 1000) / ms)
  return { seconds, connections, latencies: Array<number>(connections * perConnection).fill(ms), statuses: { '200': connections * perConnection }, errors: 0 }
}

describe('the bench’s throughput (test/bench/load.ts)', () => {
  it('is requests in flight ÷ mean latency, not what whole round trips fit in each stretch', () => {
    const slow = summarize([stretch(16, 190, 1), stretch(16, 190, 1)])
    const fast = summarize([stretch(16, 92, 1), stretch(16, 92, 1)])
    expect(slow.requestsPerSecond).toBeCloseTo(16 / 0.19, 6)
    expect(slow.requestsPerSecond / fast.requestsPerSecond).toBeCloseTo(92 / 190, 6)
    // Counting: 5 round trips of 190 ms fit in a second, 10 of 92 ms; the requests in flight at
    // the cut are lost, a share that depends on the fit (here 0.50 for a true 0.48).
    expect(slow.completedPerSecond).toBe(80)
    expect(fast.completedPerSecond).toBe(160)
  })
})
