import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getIndex } from '../../src/content/store'
import { deliveryDeps } from '../../src/notify'
import { BATCH_SIZE, drainOutbox } from '../../src/notify/delivery'
import { origin, seedPost } from './comments-http'
import { db, linkFor, postComment, send } from './notify-support'

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * Through HTTP, with the requests' immediate tries: more replies than one claim takes, and a
 * timeout of its own, since a busy machine takes several seconds for them. Which path delivers
 * which reply depends on timing; that each is delivered exactly once must not. Drains racing each
 * other over stored rows are notify-delivery's "claims" test.
 */
const REPLIES = 2 * BATCH_SIZE
const DRAINS = 4

describe('under load', () => {
  it(`delivers exactly one notice per reply when ${REPLIES} replies to a followed thread arrive at once, with drains racing`, async () => {
    const base = origin('load')
    const slug = await seedPost('load')
    const followed = await postComment(`${base}/posts/${slug}/comments`, { email: 'busy@example.com', notify: 'replies' })
    await send(new Request(base + (await linkFor('busy@example.com', '/notify/confirm')), { method: 'POST' }))

    // The provider (a third party, faked at the network edge): every send is counted, none refused.
    const accepted: { to: string; key: string | null }[] = []
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const request = new Request(input, init)
      const { to } = (await request.json()) as { to: string[] }
      accepted.push({ to: to[0]!, key: request.headers.get('Idempotency-Key') })
      return Response.json({ id: crypto.randomUUID() })
    })
    const http = { EMAIL_TRANSPORT: 'http', EMAIL_API_KEY: 're_test' }
    const deps = deliveryDeps({ ...env, ...http }, await getIndex(env.CONTENT))

    // One clock for every drain: a minute ahead, well inside the immediate tries' leases.
    const now = Date.now() + 60_000
    const replies = Array.from({ length: REPLIES }, (_, i) =>
      postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followed), author: `Reader ${i}`, body: `Reply number ${i}` }, http),
    )
    const drains = Array.from({ length: DRAINS }, () => drainOutbox(deps, { now }))
    const ids = await Promise.all(replies)
    await Promise.all(drains)
    // Whatever the immediate tries and the racing drains left is the cron's: one run of it.
    const cron = await drainOutbox(deps, { now, maxBatches: REPLIES / BATCH_SIZE + 1 })
    expect(await drainOutbox(deps, { now })).toMatchObject({ claimed: 0 })

    expect(new Set(ids).size).toBe(REPLIES)
    expect(cron).toMatchObject({ retrying: 0, failed: 0, cancelled: 0 })
    const mine = accepted.filter((send) => send.to === 'busy@example.com')
    expect(mine).toHaveLength(REPLIES)
    expect(new Set(mine.map((send) => send.key)).size).toBe(REPLIES)
    const outbox = await db
      .prepare(`SELECT status, COUNT(*) AS n, COUNT(DISTINCT comment_id) AS comments, MAX(attempts) AS attempts FROM notify_outbox
        WHERE recipient = 'busy@example.com' AND kind = 'reply' GROUP BY status`)
      .all<{ status: string; n: number; comments: number; attempts: number }>()
    expect(outbox.results).toEqual([{ status: 'sent', n: REPLIES, comments: REPLIES, attempts: 1 }])
    // A guard against a hang, not a speed target: 3.6 to 5.0 s here while the e2e tests run beside it.
  }, 30_000)
})
