import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getIndex } from '../../src/content/store'
import { deliveryDeps } from '../../src/notify'
import { drainOutbox } from '../../src/notify/delivery'
import { origin, seedPost } from './comments-http'
import { db, linkFor, postComment, send } from './notify-support'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('under load', () => {
  it('delivers exactly one notice per reply when 200 replies to a followed thread arrive at once, with drains racing', { timeout: 120_000 }, async () => {
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

    const replies = Array.from({ length: 200 }, (_, i) =>
      postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followed), author: `Reader ${i}`, body: `Reply number ${i}` }, http),
    )
    const drains = Array.from({ length: 8 }, () => drainOutbox(deps, { now: Date.now() + 60_000 }))
    const ids = await Promise.all(replies)
    await Promise.all(drains)
    // Whatever the immediate tries and the racing drains left is the cron's.
    while ((await drainOutbox(deps, { now: Date.now() + 60_000 })).claimed > 0);

    expect(new Set(ids).size).toBe(200)
    const mine = accepted.filter((send) => send.to === 'busy@example.com')
    expect(mine).toHaveLength(200)
    expect(new Set(mine.map((send) => send.key)).size).toBe(200)
    const outbox = await db
      .prepare(`SELECT status, COUNT(*) AS n, COUNT(DISTINCT comment_id) AS comments, MAX(attempts) AS attempts FROM notify_outbox
        WHERE recipient = 'busy@example.com' AND kind = 'reply' GROUP BY status`)
      .all<{ status: string; n: number; comments: number; attempts: number }>()
    expect(outbox.results).toEqual([{ status: 'sent', n: 200, comments: 200, attempts: 1 }])
  })
})
