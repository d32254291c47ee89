import autocannon from 'autocannon'

export interface LoadOptions {
  /** Requests in flight at once, each on its own keep-alive connection. */
  connections: number
  /** Seconds of unmeasured load on each target first (JIT, caches, connections). */
  warmupSeconds: number
  /** Seconds measured on each target in all, split over `rounds`. */
  seconds: number
  /** Turns the targets take, so that a burst of other work on the machine hits them alike. */
  rounds: number
}

/** What one stretch of load on one target saw. */
export interface LoadRun {
  seconds: number
  /** Requests kept in flight, each on its own connection. */
  connections: number
  /** Milliseconds per response, every status. */
  latencies: number[]
  statuses: Record<string, number>
  errors: number
}

export interface LoadResult {
  requests: number
  /**
   * Steady-state throughput: requests in flight ÷ mean latency (Little's law for a closed loop
   * with no think time), what the ratios compare. Counting responses per stretch instead
   * (`completedPerSecond`) loses the requests still in flight when each stretch ends, about
   * half a request per connection: with 16 connections and 1 s stretches, 10% of a Worker
   * answering in 190 ms and 5% of one answering in 90 ms, so the count understates the slower
   * Worker beside its baseline, and by an amount that jumps with how many whole round trips fit
   * in a stretch.
   */
  requestsPerSecond: number
  /** Responses counted ÷ seconds of load, the stretches' edges included (see `requestsPerSecond`). */
  completedPerSecond: number
  /** Latency percentiles in milliseconds, from every response (not only 2xx). */
  p50: number
  p90: number
  p99: number
  /** Response counts by status code. */
  statuses: Record<string, number>
  /** Connection errors and timeouts. */
  errors: number
}

function assertLoopback(url: string): void {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(url)) {
    throw new Error(`refusing to load a non-loopback address: ${url}`)
  }
}

/**
 * Loads `url` with `connections` concurrent requests for `seconds`. Latencies are kept exactly
 * (autocannon's own histogram has whole-millisecond buckets and skips non-2xx by default).
 */
export function loadOnce(url: string, connections: number, seconds: number): Promise<LoadRun> {
  assertLoopback(url)
  const latencies: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      // No Accept-Encoding: compression happens in front of a Worker, not in it.
      { url, connections, duration: seconds, pipelining: 1, timeout: 10 },
      (err, result) => {
        if (err) return reject(err)
        const statuses = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
        )
        const errors = result.errors + result.timeouts
        resolve({ seconds: result.duration, connections, latencies, statuses, errors })
      },
    )
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** Throughput and latency percentiles over all the runs of one target. */
export function summarize(runs: LoadRun[]): LoadResult {
  const sorted = Float64Array.from(runs.flatMap((run) => run.latencies)).sort()
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0)
  const statuses: Record<string, number> = {}
  for (const [code, count] of runs.flatMap((run) => Object.entries(run.statuses))) {
    statuses[code] = (statuses[code] ?? 0) + count
  }
  const meanSeconds = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length / 1000
  const inFlight = runs.reduce((sum, run) => sum + run.connections * run.seconds, 0) / seconds
  return {
    requests: sorted.length,
    requestsPerSecond: inFlight / meanSeconds,
    completedPerSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    statuses,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  }
}

/**
 * Measures several targets in turns: a warm-up on each, then `rounds` rounds in which every
 * target gets `seconds / rounds` of load. Returns one summary per target, in order.
 */
export async function measureInTurns(
  urls: string[],
  options: LoadOptions,
  onRound?: (round: number) => void,
): Promise<LoadResult[]> {
  for (const url of urls) await loadOnce(url, options.connections, options.warmupSeconds)
  const runs: LoadRun[][] = urls.map(() => [])
  for (let round = 0; round < options.rounds; round++) {
    onRound?.(round)
    for (const [i, url] of urls.entries()) {
      runs[i]!.push(await loadOnce(url, options.connections, options.seconds / options.rounds))
    }
  }
  return runs.map(summarize)
}
