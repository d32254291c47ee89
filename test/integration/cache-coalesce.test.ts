import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { coalescedPurge, flushDuePurges, writePurge, type CoalesceDeps } from '../../src/cache/coalesce'
import { insertComment } from '../../src/comments/store'
import worker from '../../src/index'
import { ADMIN_TOKEN } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { withFakeWorkersCache } from '../fixtures/workers-cache'
import { get, origin, seedPost } from './comments-http'

/** Purges of a burst of comments, coalesced through D1 under Workers Cache (a fake ctx.cache). */

const WINDOW = 10_000

/** Deps on the real D1 with a fake Workers Cache and a clock the test moves. */
function coalescing(start: number) {
  const purged: string[][] = []
  const pending: Promise<unknown>[] = []
  const sleepers: (() => void)[] = []
  const clock = { now: start }
  const deps: CoalesceDeps = {
    db: env.DB,
    edge: { purge: async ({ tags }: { tags: string[] }) => void purged.push(tags) },
    windowMs: WINDOW,
    waitUntil: (promise) => void pending.push(promise),
    now: () => clock.now,
    // A flusher sleeps until the test wakes it, and wakes at the time it slept for.
    sleep: (ms) => {
      const at = clock.now + ms
      return new Promise<void>((resolve) => sleepers.push(() => ((clock.now = Math.max(clock.now, at)), resolve())))
    },
  }
  /** Wakes every sleeping flusher and waits for them all. */
  const wake = async () => {
    for (const wakeUp of sleepers.splice(0)) wakeUp()
    await Promise.all(pending.splice(0))
  }
  return { deps, purged, pending, clock, wake }
}

/** The purges that named `tag` (other tests' rows share the table). */
const naming = (purged: string[][], tag: string) => purged.filter((tags) => tags.includes(tag))

describe('coalescedPurge', () => {
  it('sends the first purge at once and turns the ones within its window into one at its end', async () => {
    const { deps, purged, pending, clock, wake } = coalescing(1_000_000)
    await coalescedPurge(deps, ['post:storm', 'list:storm'])
    expect(purged).toEqual([['post:storm', 'list:storm']])
    expect(pending).toHaveLength(0)
    for (let i = 1; i <= 5; i++) {
      clock.now += 1_000
      await coalescedPurge(deps, ['post:storm', 'list:storm'])
    }
    expect(purged).toHaveLength(1)
    expect(pending).toHaveLength(5)
    // Five waits, one purge: the first flusher to wake claims it, the others find nothing due.
    await wake()
    expect(purged).toHaveLength(2)
    expect([...purged[1]!].sort()).toEqual(['list:storm', 'post:storm'])
    // Sent at the end of the window that began with the first purge: no reader waited longer.
    expect(clock.now).toBe(1_000_000 + WINDOW)
  })

  it('leaves a settling purge that the next flush sends once, and only when due', async () => {
    const { deps, purged } = coalescing(2_000_000)
    await coalescedPurge(deps, ['post:settle'])
    expect(await flushDuePurges(env.DB, deps.edge, 2_000_000 + WINDOW - 1, WINDOW)).not.toContain('post:settle')
    expect(await flushDuePurges(env.DB, deps.edge, 2_000_000 + WINDOW, WINDOW)).toContain('post:settle')
    expect(await flushDuePurges(env.DB, deps.edge, 2_000_000 + 5 * WINDOW, WINDOW)).not.toContain('post:settle')
    expect(naming(purged, 'post:settle')).toHaveLength(2)
  })

  it('sends at once again once the tag has been quiet for a window', async () => {
    const { deps, purged, clock } = coalescing(3_000_000)
    await coalescedPurge(deps, ['post:quiet'])
    await flushDuePurges(env.DB, deps.edge, 3_000_000 + WINDOW, WINDOW)
    clock.now = 3_000_000 + 3 * WINDOW
    await coalescedPurge(deps, ['post:quiet'])
    // The first, its settling purge, and the new first of a quiet tag.
    expect(naming(purged, 'post:quiet')).toHaveLength(3)
  })

  it('tells its own decision from a flush made in the same millisecond', async () => {
    const { deps, purged, clock } = coalescing(5_000_000)
    await coalescedPurge(deps, ['post:same-ms'])
    clock.now += 1_000
    await coalescedPurge(deps, ['post:same-ms'])
    await flushDuePurges(env.DB, deps.edge, 5_000_000 + WINDOW, WINDOW)
    clock.now = 5_000_000 + WINDOW
    await coalescedPurge(deps, ['post:same-ms'])
    // The first and the flush at the window's end; the ask at that very millisecond waits.
    expect(naming(purged, 'post:same-ms')).toHaveLength(2)
  })

  it('a purge whose isolate went away is sent by the cron', async () => {
    const { deps, purged, clock } = coalescing(Date.now() - 5 * WINDOW)
    await coalescedPurge(deps, ['post:evicted'])
    clock.now += 1_000
    await coalescedPurge(deps, ['post:evicted']) // its waitUntil is never run
    expect(purged).toHaveLength(1)
    const { ctx, purged: byCron } = withFakeWorkersCache()
    await worker.scheduled(createScheduledController(), env, ctx)
    await waitOnExecutionContext(ctx)
    expect(byCron.flat()).toContain('post:evicted')
  })
})

describe('a burst of approvals through the admin API', () => {
  const approve = (base: string, id: number) =>
    new Request(`${base}/api/admin/comments/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'approved' }),
    })

  it('purges the first at once, the rest once at the window’s end, and the page shows every one', async () => {
    const base = origin('coalesce')
    const slug = await seedPost('burst')
    const held = []
    for (let i = 0; i < 4; i++) {
      held.push((await insertComment(env.DB, newComment({ postSlug: slug, status: 'pending', body: `Burst ${i}` }))).comment)
    }
    // A one-second window, so the isolate's own wait is short.
    const fastWindow = { ...env, PURGE_WINDOW_SECONDS: '1' }
    const first = withFakeWorkersCache()
    expect((await app.fetch(approve(base, held[0]!.id), fastWindow, first.ctx)).status).toBe(200)
    await waitOnExecutionContext(first.ctx)
    expect(first.purged).toEqual([[`post:${slug}`, 'list']])

    const later = held.slice(1).map(() => withFakeWorkersCache())
    for (const [i, { ctx }] of later.entries()) {
      expect((await app.fetch(approve(base, held[i + 1]!.id), fastWindow, ctx)).status).toBe(200)
    }
    expect(later.flatMap((l) => l.purged)).toEqual([])
    await Promise.all(later.map((l) => waitOnExecutionContext(l.ctx)))
    expect(later.flatMap((l) => l.purged).map((tags) => [...tags].sort())).toEqual([['list', `post:${slug}`]])

    // The public page reads the thread from the Sessions API and shows every approval at once.
    const html = await (await get(`${base}/posts/${slug}`)).text()
    for (let i = 0; i < 4; i++) expect(html).toContain(`Burst ${i}`)
  })
})

describe('when the coalescing table cannot be written', () => {
  expectErrorsLogged(/purge coalescing unavailable/)

  it('purges at once rather than not at all', async () => {
    const { deps, purged } = coalescing(4_000_000)
    const broken = new Proxy({} as D1Database, { get: () => () => { throw new Error('D1_ERROR: Network connection lost.') } })
    await coalescedPurge({ ...deps, db: broken }, ['post:no-d1'])
    expect(purged).toEqual([['post:no-d1']])
  })
})

it('leaves the Cache API path alone: no row, the purge is a local delete', async () => {
  const ctx = createExecutionContext()
  const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM cache_purges').first<{ n: number }>()
  const purge = writePurge(ctx, env, { origins: ['https://local.test'], index: { version: 'x', site: {} as never, posts: [] } })
  await purge(['list'])
  const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM cache_purges').first<{ n: number }>()
  expect(after?.n).toBe(before?.n)
})
