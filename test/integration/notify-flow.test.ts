import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_ATTEMPTS } from '../../src/notify/backoff'
import { origin, seedPost } from './comments-http'
import { signIn } from '../fixtures/admin'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { db, linkFor, mailTo, postComment, send } from './notify-support'

/** Notifications through the Worker: the comment form, moderation, the admin's pages and API. */

const ADMIN = { Authorization: 'Bearer test-admin-token' }
const post = (url: string, headers: Record<string, string> = {}, bindings: Record<string, unknown> = {}) =>
  send(new Request(url, { method: 'POST', headers: { Origin: new URL(url).origin, ...headers }, redirect: 'manual' }), bindings)

/** A reader who asked for replies to their comment and confirmed; answers the comment's id. */
async function subscribed(base: string, slug: string, email: string, notify: 'replies' | 'post' = 'replies'): Promise<number> {
  const id = await postComment(`${base}/posts/${slug}/comments`, { email, notify })
  await post(base + (await linkFor(email, '/notify/confirm')))
  return id
}

const subjects = async (to: string) => (await mailTo(to)).map((m) => m.subject)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('who gets a reply notice', () => {
  it('nobody before the reply is approved; the followers once it is', async () => {
    const base = origin('approval')
    const slug = await seedPost('approval', { comments: { moderation: 'hold' } })
    const followedReplies = await postComment(`${base}/posts/${slug}/comments`, { email: 'ana@example.com', notify: 'replies' }, {})
    await send(new Request(`${base}/api/admin/comments/${followedReplies}`, { method: 'PATCH', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: '{"status":"approved"}' }))
    await post(base + (await linkFor('ana@example.com', '/notify/confirm')))

    const reply = await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(followedReplies), author: 'Bo' })
    expect(await subjects('ana@example.com')).toHaveLength(1)
    const approved = await send(new Request(`${base}/api/admin/comments/${reply}`, { method: 'PATCH', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: '{"status":"approved"}' }))
    expect(approved.status).toBe(200)
    await send(new Request(`${base}/api/admin/comments/${reply}`, { method: 'PATCH', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: '{"status":"approved"}' }))
    expect((await subjects('ana@example.com')).slice(1)).toEqual([`Bo replied on “Post ${slug}”`])
  })

  it('never the reply’s own author, and each follower once however many of their subscriptions match', async () => {
    const base = origin('dedupe')
    const slug = await seedPost('dedupe')
    const root = await subscribed(base, slug, 'eve@example.com')
    await postComment(`${base}/posts/${slug}/comments`, { email: 'eve@example.com', notify: 'post' })
    const child = await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(root), email: 'eve@example.com', notify: 'replies' })
    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(child), email: 'EVE@example.com', author: 'Eve' })
    // Her confirmations ("Confirm your email", then "Also email you about…") aside, nothing yet.
    const notices = async () => (await subjects('eve@example.com')).filter((s) => !/^(Confirm|Also)/.test(s))
    expect(await notices()).toEqual([])
    await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(child), author: 'Bo' })
    expect(await notices()).toEqual([`Bo replied on “Post ${slug}”`])
    const rows = await db.prepare(`SELECT COUNT(*) AS n FROM notify_outbox WHERE recipient = 'eve@example.com' AND kind != 'confirm'`).first<{ n: number }>()
    expect(rows?.n).toBe(1)
  })

  it('the followers of a comment the blog’s author answers, approving it on the way', async () => {
    const base = origin('author-reply')
    const slug = await seedPost('author-reply', { comments: { moderation: 'hold' } })
    const held = await postComment(`${base}/posts/${slug}/comments`, { email: 'fay@example.com', notify: 'replies' })
    await post(base + (await linkFor('fay@example.com', '/notify/confirm')))
    const res = await send(new Request(`${base}/api/admin/posts/${slug}/comments`, {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Thank you!', parentId: held }),
    }))
    expect(res.status).toBe(201)
    expect((await subjects('fay@example.com')).slice(1)).toEqual([`Ana Autora replied on “Post ${slug}”`])
  })

  it('the author, for every new comment, held ones included, with links to it and to the moderation page', async () => {
    const base = origin('author')
    const slug = await seedPost('author', { comments: { moderation: 'hold' }, site: { email: { from: 'Blog <blog@blog.example>', author: 'me@blog.example' } } })
    const id = await postComment(`${base}/posts/${slug}/comments`, { author: 'Léa', body: 'Waiting *here*' })
    const [mail, ...more] = await mailTo('me@blog.example')
    expect(more).toEqual([])
    expect(mail!.subject).toBe(`To moderate: new comment by Léa on “Post ${slug}”`)
    expect(mail!.text).toContain('> Waiting *here*')
    expect(mail!.text).toContain(`https://blog.example/posts/${slug}/comments/${id}`)
    expect(mail!.text).toContain('https://blog.example/admin')
    expect(JSON.parse(mail!.headers)).not.toHaveProperty('List-Unsubscribe')
  })
})

describe('the comment and its emails', () => {
  expectErrorsLogged(/outbox down/)

  it('are stored in one batch: when the outbox write fails, the comment is not stored either', async () => {
    const base = origin('atomic')
    const slug = await seedPost('atomic', { site: { email: { from: 'Blog <blog@blog.example>', author: 'me@blog.example' } } })
    await db.prepare(`CREATE TRIGGER outbox_down BEFORE INSERT ON notify_outbox BEGIN SELECT RAISE(ABORT, 'outbox down'); END`).run()
    try {
      const res = await send(new Request(`${base}/posts/${slug}/comments`, { method: 'POST', body: new URLSearchParams({ author: 'Léa', body: 'All or nothing' }), redirect: 'manual' }))
      expect(res.status).toBe(503)
    } finally {
      await db.prepare('DROP TRIGGER outbox_down').run()
    }
    const stored = await db.prepare('SELECT COUNT(*) AS n FROM comments WHERE post_slug = ?1').bind(slug).first<{ n: number }>()
    expect(stored?.n).toBe(0)
    await postComment(`${base}/posts/${slug}/comments`, { author: 'Léa', body: 'All or nothing' })
    expect((await subjects('me@blog.example')).filter((s) => s.includes(`Post ${slug}`))).toEqual([`New comment by Léa on “Post ${slug}”`])
  })
})

describe('a failing email provider', () => {
  it('never makes the comment POST wait or fail', async () => {
    const base = origin('provider-down')
    const slug = await seedPost('provider-down')
    const root = await subscribed(base, slug, 'wait@example.com')
    let release!: () => void
    const hanging = new Promise<never>((_, reject) => (release = () => reject(new Error('connection reset'))))
    const calls = vi.spyOn(globalThis, 'fetch').mockImplementation(() => hanging)
    const form = new URLSearchParams({ author: 'Bo', body: 'Anyone there?', parent_id: String(root) })
    const { app } = await import('../../src/app')
    const { env } = await import('cloudflare:workers')
    const { createExecutionContext, waitOnExecutionContext } = await import('cloudflare:test')
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${base}/posts/${slug}/comments`, { method: 'POST', body: form, redirect: 'manual' }), { ...env, EMAIL_TRANSPORT: 'http', EMAIL_API_KEY: 're_test' }, ctx)
    // Answered, though the provider has not answered (it cannot before `release`).
    expect(res.status).toBe(303)
    await vi.waitFor(() => expect(calls).toHaveBeenCalledTimes(1))
    release()
    await waitOnExecutionContext(ctx)
    const row = await db.prepare(`SELECT status, attempts, last_error FROM notify_outbox WHERE recipient = 'wait@example.com' AND kind = 'reply'`).first()
    expect(row).toEqual({ status: 'pending', attempts: 1, last_error: 'Error: connection reset' })
  })

  it('marks the email failed after every attempt, shows it in the admin, and the admin’s retry delivers it', async () => {
    const base = origin('provider-gone')
    const slug = await seedPost('provider-gone')
    const root = await subscribed(base, slug, 'gone@example.com')
    const down = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('unavailable', { status: 503 }))
    const http = { EMAIL_TRANSPORT: 'http', EMAIL_API_KEY: 're_test' }
    const reply = await postComment(`${base}/posts/${slug}/comments`, { parent_id: String(root), author: 'Bo' }, http)
    const { deliverDue } = await import('../../src/notify/delivery')
    const { deliveryDeps } = await import('../../src/notify')
    const { env } = await import('cloudflare:workers')
    const { getIndex } = await import('../../src/content/store')
    const deps = deliveryDeps({ ...env, ...http }, await getIndex(env.CONTENT))
    for (let hours = 1; hours <= 24; hours++) await deliverDue(deps, { now: Date.now() + hours * 3_600_000, commentIds: [reply] })
    expect(down).toHaveBeenCalledTimes(MAX_ATTEMPTS)
    const row = await db.prepare(`SELECT id, status, attempts FROM notify_outbox WHERE recipient = 'gone@example.com' AND kind = 'reply'`).first<{ id: number; status: string; attempts: number }>()
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })

    const api = await send(new Request(`${base}/api/admin/notifications?status=failed`, { headers: ADMIN }))
    expect((await api.json()) as unknown).toMatchObject({ notifications: expect.arrayContaining([expect.objectContaining({ id: row!.id, to: 'gone@example.com', attempts: MAX_ATTEMPTS, lastError: 'HTTP 503: unavailable' })]) })
    const cookie = await signIn(base)
    for (const path of ['/admin', '/admin/notifications']) {
      const page = await (await send(new Request(base + path, { headers: { Cookie: cookie } }))).text()
      expect(page, path).toContain('<h2 id="failed-title">Emails not delivered</h2>')
      expect(page, path).toContain('gone@example.com')
      expect(page, path).toContain(`action="/admin/notifications/${row!.id}/retry"`)
    }

    down.mockImplementation(async () => new Response('{"id":"ok"}', { status: 200 }))
    const retried = await post(`${base}/admin/notifications/${row!.id}/retry`, { Cookie: cookie }, http)
    expect(retried.status).toBe(303)
    expect(retried.headers.get('Location')).toBe('/admin/notifications?retried=1')
    const after = await db.prepare('SELECT status FROM notify_outbox WHERE id = ?1').bind(row!.id).first<{ status: string }>()
    expect(after?.status).toBe('sent')
    expect(down).toHaveBeenCalledTimes(MAX_ATTEMPTS + 1)
  })
})

describe('the local mailbox', () => {
  it('is listed as JSON for the admin token only', async () => {
    const base = origin('mailbox-api')
    const slug = await seedPost('mailbox-api')
    await postComment(`${base}/posts/${slug}/comments`, { email: 'box@example.com', notify: 'post' })
    expect((await send(new Request(`${base}/api/admin/mailbox`))).status).toBe(401)
    const res = await send(new Request(`${base}/api/admin/mailbox`, { headers: ADMIN }))
    expect(res.status).toBe(200)
    const { messages } = (await res.json()) as { messages: Record<string, unknown>[] }
    const mine = messages.filter((m) => m.to === 'box@example.com')
    expect(mine).toEqual([
      {
        id: expect.any(Number),
        from: 'Palabre <blog@localhost>',
        to: 'box@example.com',
        subject: 'Confirm your email for Palabre',
        text: expect.stringContaining('/notify/confirm?s='),
        html: expect.stringContaining('<!DOCTYPE html>'),
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': 'en' },
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ])
  })

  it('is shown at /admin/mailbox to a signed-in admin, with its links clickable', async () => {
    const base = origin('mailbox-page')
    const slug = await seedPost('mailbox-page')
    await postComment(`${base}/posts/${slug}/comments`, { email: 'page@example.com', notify: 'post' })
    expect((await send(new Request(`${base}/admin/mailbox`))).status).toBe(401)
    const res = await send(new Request(`${base}/admin/mailbox`, { headers: { Cookie: await signIn(base) } }))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('page@example.com')
    expect(html).toMatch(/<a href="\/notify\/confirm\?s=\d+&amp;t=[\w.-]+">https:\/\/blog\.example\/notify\/confirm/)
  })
})
