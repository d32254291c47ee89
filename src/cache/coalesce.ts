import { hostTags } from '../content/discussion-host'
import type { ContentIndex } from '../content/types'
import { purgeEdge, purgeTags, workersCache, type WorkersCache } from './purge'
import { askPurge, claimDuePurges, releasePurges } from './purge-store'

/**
 * Purge coalescing for Workers Cache, whose purges are rate-limited per account (on the free
 * plan 5 a minute, a bucket of 25): a burst of comments on one post must not spend them all.
 * The first purge of a quiet tag goes at once; the ones asked for within the window after it
 * become one at the window's end, so a reader never waits longer than the window to see an
 * approved comment. The decision lives in D1 (`cache_purges`), since each request may run in
 * another isolate; the isolate whose purge waits sleeps in `waitUntil` until it is due and sends
 * it, and the cron (`flushDuePurges` every minute) sends whatever an evicted isolate left.
 *
 * The Cache API path (local, tests) is not coalesced: its purge is a local delete, unlimited.
 */

/** The default window: with it a storm on one post costs 4 purges a minute, under the free plan's 5. */
export const PURGE_WINDOW_MS = 15_000

/** The window set by the optional `PURGE_WINDOW_SECONDS` var, else PURGE_WINDOW_MS. */
export function purgeWindowMs(env: { PURGE_WINDOW_SECONDS?: string }): number {
  const seconds = Number(env.PURGE_WINDOW_SECONDS)
  return env.PURGE_WINDOW_SECONDS !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : PURGE_WINDOW_MS
}

/**
 * The purge a write (a comment, an edit, a moderation, the cron's re-render) makes in this
 * invocation: coalesced through Workers Cache when it is there, else the Cache API's local
 * delete under `scope`. Writers name a thread's pages `post:<slug>`; each tag is first turned
 * into its host's (`hostTags`: a page's discussion is cached under `page:<slug>`). Resolves to
 * the Cache API entries deleted (0 with Workers Cache).
 */
export function writePurge(
  ctx: ExecutionContext,
  env: { DB: D1Database; PURGE_WINDOW_SECONDS?: string },
  scope: { origins: string[]; index: ContentIndex },
): (tags: string[]) => Promise<number> {
  const edge = workersCache(ctx)
  if (!edge) return (tags) => purgeTags(ctx, hostTags(scope.index, tags), scope)
  const deps: CoalesceDeps = { db: env.DB, edge, windowMs: purgeWindowMs(env), waitUntil: (p) => ctx.waitUntil(p) }
  return async (tags) => {
    await coalescedPurge(deps, hostTags(scope.index, tags))
    return 0
  }
}

export interface CoalesceDeps {
  db: D1Database
  edge: WorkersCache
  /** The window in milliseconds (PURGE_WINDOW_MS). */
  windowMs: number
  /** Keeps the invocation alive until the promise settles (`ctx.waitUntil`). */
  waitUntil: (promise: Promise<unknown>) => void
  /** Clock and sleep, for the tests and the storm simulation (defaults: Date.now and setTimeout). */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/**
 * Purges `tags` through Workers Cache now or at the end of their window (see above). Resolves
 * once the immediate purge is sent; the later one runs in `waitUntil`. A failed purge is logged
 * and left due, for the next flush.
 */
export async function coalescedPurge(deps: CoalesceDeps, tags: readonly string[]): Promise<void> {
  const now = (deps.now ?? Date.now)()
  let asked
  try {
    asked = await askPurge(deps.db, tags, now, deps.windowMs)
  } catch (error) {
    // Without D1 to agree on, a purge spent beats a page that stays stale.
    console.error('purge coalescing unavailable; purging at once', error)
    return purgeEdge(deps.edge, tags)
  }
  if (asked.now.length > 0) await sendClaimed(deps.db, deps.edge, asked.now, now)
  if (asked.later !== null) deps.waitUntil(flushAt(deps, asked.later))
}

async function flushAt(deps: CoalesceDeps, due: number): Promise<void> {
  const now = deps.now ?? Date.now
  const wait = due - now()
  if (wait > 0) await (deps.sleep ?? sleep)(wait)
  await flushDuePurges(deps.db, deps.edge, Math.max(due, now()), deps.windowMs)
}

/**
 * Sends every purge due at `now` (claimed atomically: two flushers send each once) in one call
 * where the tags fit; returns the tags purged. Run by the isolate that waits and by the cron.
 */
export async function flushDuePurges(db: D1Database, edge: WorkersCache, now: number, windowMs = PURGE_WINDOW_MS): Promise<string[]> {
  const tags = await claimDuePurges(db, now, windowMs)
  if (tags.length > 0) await sendClaimed(db, edge, tags, now)
  return tags
}

async function sendClaimed(db: D1Database, edge: WorkersCache, tags: string[], now: number): Promise<void> {
  try {
    await purgeEdge(edge, tags)
  } catch (error) {
    console.error('cache purge failed; left due for the next flush', tags, error)
    await releasePurges(db, tags, now)
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
