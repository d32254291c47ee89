import { coalescedPurge, PURGE_WINDOW_MS, type CoalesceDeps } from '../../src/cache/coalesce'
import { publicTags } from '../../src/comments/service'

/**
 * A comment storm on one post, simulated on a clock of its own: approvals at a steady rate, a
 * stream of readers spread over several data centers (each keeps its own copy of the page, and a
 * purge empties them all), and Workers Cache's purge rate limit (the free plan's token bucket:
 * 5 a minute, 25 at most). Run once purging at every approval, as before coalescing, and once
 * through `coalescedPurge` on a real D1 (the decision is SQL), to count the purges sent, the
 * ones the limit refused, the hit ratio readers see and how long an approval takes to show.
 */

export interface StormOptions {
  approvalsPerMinute: number
  minutes: number
  readsPerSecond: number
  dataCenters: number
  windowMs: number
  /** Purges a minute the account may send, and the bucket's size. */
  purgeRate: { perMinute: number; bucket: number }
}

export const STORM: StormOptions = {
  approvalsPerMinute: 50,
  minutes: 5,
  readsPerSecond: 20,
  dataCenters: 10,
  windowMs: PURGE_WINDOW_MS,
  purgeRate: { perMinute: 5, bucket: 25 },
}

export interface StormResult {
  name: string
  approvals: number
  purgesSent: number
  purgesRefused: number
  reads: number
  hitRatio: number
  /** Seconds from an approval to the first page served that shows it (max, mean). */
  maxDelayS: number
  meanDelayS: number
  /** Approvals no reader had seen two windows after the storm (stuck behind a refused purge until the page expires). */
  unseen: number
}

interface Timer {
  at: number
  wake: () => void
  done?: Promise<unknown>
}

/** Runs the storm without and with coalescing; `db` is a migrated D1 (the bench's miniflare). */
export async function simulateStorms(db: D1Database, options = STORM): Promise<StormResult[]> {
  return [await simulate(db, options, false), await simulate(db, options, true)]
}

async function simulate(db: D1Database, o: StormOptions, coalesce: boolean): Promise<StormResult> {
  const start = Date.UTC(2030, 0, 1) + (coalesce ? 86_400_000 : 0)
  const end = start + o.minutes * 60_000
  // Readers go on for two windows after the last approval, so every due purge is seen to land.
  const stop = end + 2 * o.windowMs
  const slug = `storm-${coalesce ? 'coalesced' : 'plain'}`
  let clock = start
  // Each data center's copy: the approvals it shows (their count), or none.
  const copies: (number | null)[] = Array.from({ length: o.dataCenters }, () => null)
  let tokens = o.purgeRate.bucket
  let refill = start
  let sent = 0
  let refused = 0
  const edge = {
    async purge() {
      tokens = Math.min(o.purgeRate.bucket, tokens + ((clock - refill) * o.purgeRate.perMinute) / 60_000)
      refill = clock
      if (tokens < 1) {
        refused++
        throw new Error('429: purge rate limit')
      }
      tokens--
      sent++
      copies.fill(null)
    },
  }
  const timers: Timer[] = []
  let lastTimer: Timer | undefined
  const immediate: Promise<unknown>[] = []
  const deps: CoalesceDeps = {
    db,
    edge,
    windowMs: o.windowMs,
    now: () => clock,
    sleep: (ms) => new Promise<void>((wake) => timers.push((lastTimer = { at: clock + ms, wake }))),
    waitUntil: (promise) => {
      if (lastTimer && !lastTimer.done) lastTimer.done = promise
      else immediate.push(promise)
    },
  }
  const approvalTimes: number[] = []
  const seenAt: (number | undefined)[] = []
  let reads = 0
  let hits = 0
  let nextApproval = start
  let nextRead = start
  const quiet = console.error
  console.error = () => {} // refused purges are logged by the code under test
  try {
    while (true) {
      await Promise.all(immediate.splice(0))
      timers.sort((a, b) => a.at - b.at)
      const next = Math.min(nextApproval < end ? nextApproval : Infinity, nextRead, timers[0]?.at ?? Infinity)
      if (next >= stop) break
      clock = next
      if (timers[0] && timers[0].at === next) {
        const timer = timers.shift()!
        timer.wake()
        await timer.done
      } else if (nextApproval === next && nextApproval < end) {
        approvalTimes.push(clock)
        nextApproval += 60_000 / o.approvalsPerMinute
        if (coalesce) await coalescedPurge(deps, publicTags(slug))
        else await edge.purge().catch(() => {})
      } else {
        const dc = reads % o.dataCenters
        reads++
        nextRead += 1000 / o.readsPerSecond
        const cached = copies[dc]
        // A miss renders the page with every approval so far and keeps it.
        const shown = cached ?? (copies[dc] = approvalTimes.length)
        if (cached !== null) hits++
        for (let i = 0; i < shown; i++) seenAt[i] ??= clock
      }
    }
  } finally {
    console.error = quiet
  }
  const delays = approvalTimes.flatMap((t, i) => (seenAt[i] === undefined ? [] : [(seenAt[i]! - t) / 1000]))
  return {
    name: coalesce ? `coalesced, ${o.windowMs / 1000} s window` : 'a purge per approval',
    approvals: approvalTimes.length,
    purgesSent: sent,
    purgesRefused: refused,
    reads,
    hitRatio: hits / reads,
    maxDelayS: Math.max(0, ...delays),
    meanDelayS: delays.reduce((a, b) => a + b, 0) / Math.max(1, delays.length),
    unseen: approvalTimes.length - delays.length,
  }
}
