import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_ATTEMPTS, retryDelayMs } from '../../src/notify/backoff'
import { deliverDue, drainOutbox, LEASE_MS } from '../../src/notify/delivery'
import { claimDue, listByStatus, retryFailed } from '../../src/notify/outbox'
import { unsubscribeOne } from '../../src/notify/subscriptions'
import { confirm, db, deliveryDeps, fakeProvider, mailTo, outboxOf, SITE, slug, store } from './notify-support'

/** Delivery against D1 (real migrations) and a fake email API; time passes by `now`, never by sleeping. */

const readersOnly = { ...SITE, email: { from: SITE.email.from } }

// D1 is shared by the tests of a file: each test starts with nothing else owed.
beforeEach(async () => {
  await db.prepare(`UPDATE notify_outbox SET status = 'cancelled' WHERE status = 'pending'`).run()
})

/** A confirmed reader following a comment, and a public reply to it: one notice queued. */
async function threadWithReply(name: string, email = `${name}@example.com`) {
  const post = slug(name)
  const root = await store({ postSlug: post, authorEmail: email, notify: 'replies' }, readersOnly)
  await deliverDue(deliveryDeps(), { now: root.createdAt, commentIds: [root.id] })
  await confirm(email)
  const reply = await store({ postSlug: post, parentId: root.id, authorEmail: null, authorName: 'Bo' }, readersOnly)
  const [row] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
  return { post, reply, row: row!, email, t0: reply.createdAt }
}

describe('delivery through the HTTP API', () => {
  it('retries with backoff when the provider fails three times, then delivers exactly once with every attempt counted', async () => {
    const { post, reply, t0 } = await threadWithReply('flaky')
    const api = fakeProvider([503, 500, 429, 200])
    const deps = deliveryDeps(api.transport, readersOnly)
    const only = [reply.id]
    let now = t0
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverDue(deps, { now, commentIds: only })).toMatchObject({ claimed: 1, retrying: 1 })
      // Not due again before its backoff has passed.
      expect(await deliverDue(deps, { now: now + retryDelayMs(attempt) - 1 })).toMatchObject({ claimed: 0 })
      now += retryDelayMs(attempt)
    }
    expect(await deliverDue(deps, { now })).toMatchObject({ claimed: 1, sent: 1 })
    expect(await deliverDue(deps, { now: now + 365 * 86_400_000 })).toMatchObject({ claimed: 0 })
    expect(api.requests.map((r) => r.status)).toEqual([503, 500, 429, 200])
    expect(api.delivered()).toHaveLength(1)
    expect(new Set(api.requests.map((r) => r.idempotencyKey)).size).toBe(1)
    const [row] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
    expect(row).toMatchObject({ status: 'sent', attempts: 4, last_error: 'HTTP 429: provider trouble' })
  })

  it('marks an email failed after MAX_ATTEMPTS when the provider keeps failing, and a retry from the admin delivers it', async () => {
    const { post, reply, t0 } = await threadWithReply('down')
    const api = fakeProvider([503])
    let now = t0
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDue(deliveryDeps(api.transport, readersOnly), { now })
      now += retryDelayMs(attempt)
    }
    expect(api.requests).toHaveLength(MAX_ATTEMPTS)
    const [row] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'HTTP 503: provider trouble' })
    expect(await deliverDue(deliveryDeps(api.transport, readersOnly), { now: now + 86_400_000 })).toMatchObject({ claimed: 0 })
    expect((await listByStatus(db, 'failed', 50)).map((r) => r.id)).toContain(row!.id)

    expect(await retryFailed(db, row!.id, now)).toMatchObject({ status: 'pending', attempts: 0 })
    const healthy = fakeProvider([200])
    expect(await deliverDue(deliveryDeps(healthy.transport, readersOnly), { now })).toMatchObject({ sent: 1 })
    expect(healthy.delivered()).toHaveLength(1)
  })

  it('gives up at once when the provider refuses the email for good', async () => {
    const { post, reply, t0 } = await threadWithReply('refused')
    const api = fakeProvider([422])
    expect(await deliverDue(deliveryDeps(api.transport, readersOnly), { now: t0 })).toMatchObject({ failed: 1 })
    const [row] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
    expect(row).toMatchObject({ status: 'failed', attempts: 1 })
  })
})

describe('claims', () => {
  it('never let two runs at once send the same email', async () => {
    const post = slug('race')
    const root = await store({ postSlug: post, authorEmail: 'race@example.com', notify: 'post' }, readersOnly)
    await confirm('race@example.com')
    let t0 = 0
    for (let i = 0; i < 30; i++) t0 = (await store({ postSlug: post, parentId: root.id, authorEmail: null }, readersOnly)).createdAt
    const api = fakeProvider([200])
    const deps = deliveryDeps(api.transport, readersOnly)
    const reports = await Promise.all(Array.from({ length: 6 }, () => drainOutbox(deps, { now: t0 })))
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(30)
    expect(api.delivered()).toHaveLength(30)
    expect(new Set(api.delivered().map((r) => r.idempotencyKey)).size).toBe(30)
  })

  it('hand a row back once the lease of a run that died has lapsed', async () => {
    const { post, reply, t0 } = await threadWithReply('dead-run')
    const dead = await claimDue(db, { now: t0, limit: 10, leaseMs: LEASE_MS, commentIds: [reply.id] })
    expect(dead.ids).toHaveLength(1)
    const api = fakeProvider([200])
    expect(await deliverDue(deliveryDeps(api.transport, readersOnly), { now: t0 + LEASE_MS - 1 })).toMatchObject({ claimed: 0 })
    expect(await deliverDue(deliveryDeps(api.transport, readersOnly), { now: t0 + LEASE_MS })).toMatchObject({ sent: 1 })
    const [row] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
    expect(row).toMatchObject({ status: 'sent', attempts: 2 })
  })
})

describe('an email no longer owed', () => {
  it('is cancelled, not sent, when its reader unsubscribed before it went out', async () => {
    const { post, reply, row, t0 } = await threadWithReply('left')
    await unsubscribeOne(db, row.subscription_id!, t0)
    const api = fakeProvider([200])
    await deliverDue(deliveryDeps(api.transport, readersOnly), { now: t0 })
    expect(api.requests).toHaveLength(0)
    const [after] = (await outboxOf(post)).filter((r) => r.comment_id === reply.id)
    expect(after).toMatchObject({ status: 'cancelled', last_error: 'unsubscribed' })
  })

  it('is cancelled when the comment was deleted before it went out', async () => {
    const { post, reply, t0 } = await threadWithReply('deleted')
    await db.prepare(`UPDATE comments SET status = 'deleted' WHERE id = ?1`).bind(reply.id).run()
    const api = fakeProvider([200])
    expect(await deliverDue(deliveryDeps(api.transport, readersOnly), { now: t0, commentIds: [reply.id] })).toMatchObject({ cancelled: 1 })
    expect(api.requests).toHaveLength(0)
    expect((await outboxOf(post)).find((r) => r.comment_id === reply.id)?.status).toBe('cancelled')
  })
})

describe('the local mailbox', () => {
  it('stores the notice with its signed links and one-click headers', async () => {
    const { reply, t0, email, post } = await threadWithReply('mailbox')
    await deliverDue(deliveryDeps(), { now: t0, commentIds: [reply.id] })
    const [confirmation, mail, ...more] = await mailTo(email)
    expect(confirmation!.subject).toBe('Confirm your email for Carnets')
    expect(more).toEqual([])
    expect(mail!.subject).toBe(`Bo replied on “Post ${post}”`)
    expect(mail!.text).toContain(`https://blog.example/posts/${post}/comments/${reply.id}`)
    expect(mail!.text).toMatch(/https:\/\/blog\.example\/notify\/unsubscribe\?s=\d+&t=[\w-]{43}/)
    expect(mail!.text).toMatch(/https:\/\/blog\.example\/notify\/unsubscribe\?a=\d+&t=[\w-]{43}/)
    const headers = JSON.parse(mail!.headers) as Record<string, string>
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/blog\.example\/notify\/unsubscribe\?s=\d+&t=[\w-]{43}>$/)
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
  })
})
