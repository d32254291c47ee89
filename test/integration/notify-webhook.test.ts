import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getIndex } from '../../src/content/store'
import { deliveryDeps } from '../../src/notify'
import { MAX_ATTEMPTS } from '../../src/notify/backoff'
import { deliverDue } from '../../src/notify/delivery'
import { webhookRequest, webhookSender, type WebhookAlert } from '../../src/notify/webhook'
import { signIn } from '../fixtures/admin'
import { origin, seedPost } from './comments-http'
import { db, postComment, send } from './notify-support'

/**
 * The author's webhook alert of new comments, through the outbox: queued with the comment,
 * tried once after the response, then by the cron with backoff, delivered once. The endpoint is
 * a fake standing in for Slack, Discord or ntfy (nothing here calls the internet).
 */

const HOOK = 'https://hooks.example/palabre'
const WEBHOOK = { WEBHOOK_URL: HOOK, WEBHOOK_FORMAT: 'json' }
const ADMIN = { Authorization: 'Bearer test-admin-token' }

/** The fake endpoint: answers each POST with the next status of `script` (then the last one), and records them. */
function fakeHook(script: number[]) {
  const calls: { status: number; body: string; headers: Headers }[] = []
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input, init)
    if (request.url !== HOOK) throw new Error(`unexpected outbound request to ${request.url}`)
    const status = script[Math.min(calls.length, script.length - 1)]!
    calls.push({ status, body: await request.text(), headers: request.headers })
    return new Response(status < 300 ? 'ok' : 'hook trouble', { status })
  })
  return { spy, calls, delivered: () => calls.filter((call) => call.status < 300) }
}

afterEach(() => {
  vi.restoreAllMocks()
})

const rowsOf = (commentId: number) =>
  db.prepare(`SELECT id, status, attempts, last_error, recipient FROM notify_outbox WHERE kind = 'webhook' AND comment_id = ?1`)
    .bind(commentId).all<{ id: number; status: string; attempts: number; last_error: string | null; recipient: string }>().then((r) => r.results)

async function cron(now: number, bindings: Record<string, unknown> = WEBHOOK) {
  return deliverDue(deliveryDeps({ ...env, EMAIL_TRANSPORT: 'mailbox', ...bindings }, await getIndex(env.CONTENT)), { now })
}

describe('the webhook alert', () => {
  it('survives a failing endpoint: retried with backoff until it recovers, then delivered once', async () => {
    const base = origin('webhook')
    const slug = await seedPost('webhook-retry', { comments: { moderation: 'hold' } })
    const hook = fakeHook([503, 500, 200])
    const id = await postComment(`${base}/posts/${slug}/comments`, { author: 'Léa', email: 'lea@example.org', body: 'Hello <b>there</b>' }, WEBHOOK)
    // The immediate try (after the response) failed: the row waits for its backoff.
    expect(hook.calls).toHaveLength(1)
    expect(await rowsOf(id)).toMatchObject([{ status: 'pending', attempts: 1, last_error: 'webhook HTTP 503: hook trouble', recipient: 'webhook' }])
    // Not due yet: the cron a minute later leaves it alone.
    await cron(Date.now() + 60_000)
    expect(hook.calls).toHaveLength(1)
    await cron(Date.now() + 3 * 60_000)
    expect(await rowsOf(id)).toMatchObject([{ status: 'pending', attempts: 2, last_error: 'webhook HTTP 500: hook trouble' }])
    await cron(Date.now() + 10 * 60_000)
    expect(await rowsOf(id)).toMatchObject([{ status: 'sent', attempts: 3 }])
    for (let hours = 1; hours <= 6; hours++) await cron(Date.now() + hours * 3_600_000)
    expect(hook.calls).toHaveLength(3)
    expect(hook.delivered()).toHaveLength(1)

    const alert = JSON.parse(hook.delivered()[0]!.body) as WebhookAlert
    expect(alert).toEqual({
      event: 'comment.created',
      site: { title: 'Palabre', url: 'https://blog.example/' },
      post: { slug, title: `Post ${slug}`, url: `https://blog.example/posts/${slug}` },
      comment: { id, author: 'Léa', body: 'Hello <b>there</b>', status: 'pending', url: `https://blog.example/posts/${slug}/comments/${id}` },
      links: { comment: `https://blog.example/posts/${slug}/comments/${id}`, moderate: 'https://blog.example/admin' },
    })
    expect(hook.delivered()[0]!.body).not.toContain('lea@example.org')
    expect(hook.delivered()[0]!.headers.get('Content-Type')).toBe('application/json')
  })

  it('shows in /admin when it failed for good, as a failed email does, and the retry delivers it', async () => {
    const base = origin('webhook')
    const slug = await seedPost('webhook-failed')
    const hook = fakeHook([502])
    const id = await postComment(`${base}/posts/${slug}/comments`, { body: 'Never arrives' }, WEBHOOK)
    for (let hours = 1; hours <= 24; hours++) await cron(Date.now() + hours * 3_600_000)
    expect(hook.calls).toHaveLength(MAX_ATTEMPTS)
    const [row] = await rowsOf(id)
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })

    const api = await send(new Request(`${base}/api/admin/notifications?status=failed`, { headers: ADMIN }))
    expect(await api.json()).toMatchObject({ notifications: expect.arrayContaining([expect.objectContaining({ id: row!.id, kind: 'webhook', lastError: 'webhook HTTP 502: hook trouble' })]) })
    const cookie = await signIn(base)
    const page = await (await send(new Request(`${base}/admin/notifications`, { headers: { Cookie: cookie } }))).text()
    expect(page).toContain('<strong>Webhook alert</strong>')
    expect(page).toContain(`action="/admin/notifications/${row!.id}/retry"`)

    hook.spy.mockImplementation(async () => new Response('ok', { status: 200 }))
    const retried = await send(new Request(`${base}/admin/notifications/${row!.id}/retry`, { method: 'POST', headers: { Cookie: cookie, Origin: base }, redirect: 'manual' }), WEBHOOK)
    expect(retried.status).toBe(303)
    await cron(Date.now() + 60_000)
    expect(await rowsOf(id)).toMatchObject([{ status: 'sent' }])
  })

  it('is queued only when WEBHOOK_URL is set, never for the author’s own reply, and cancelled once spam', async () => {
    const base = origin('webhook')
    const slug = await seedPost('webhook-when')
    const hook = fakeHook([503])
    const none = await postComment(`${base}/posts/${slug}/comments`, { body: 'No hook configured' })
    expect(await rowsOf(none)).toEqual([])
    const reply = await send(new Request(`${base}/api/admin/posts/${slug}/comments`, { method: 'POST', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'The author speaks', parentId: none }) }), WEBHOOK)
    expect(reply.status).toBe(201)
    const { comment } = await reply.json<{ comment: { id: number } }>()
    expect(await rowsOf(comment.id)).toEqual([])

    const spam = await postComment(`${base}/posts/${slug}/comments`, { body: 'Buy now' }, WEBHOOK)
    expect(hook.calls).toHaveLength(1)
    await send(new Request(`${base}/api/admin/comments/${spam}`, { method: 'PATCH', headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: '{"status":"spam"}' }))
    await cron(Date.now() + 3_600_000)
    expect(await rowsOf(spam)).toMatchObject([{ status: 'cancelled', last_error: 'the comment was marked spam' }])
    expect(hook.calls).toHaveLength(1)
  })
})

describe('the webhook formats', () => {
  const alert: WebhookAlert = {
    event: 'comment.created',
    site: { title: 'Carnets', url: 'https://blog.example/' },
    post: { slug: 'thé', title: 'Thé & « gâteau »', url: 'https://blog.example/posts/th%C3%A9' },
    comment: { id: 7, author: 'Ève <!channel>', body: '@everyone look <https://x.example|here> & there', status: 'pending', url: 'https://blog.example/posts/th%C3%A9/comments/7' },
    links: { comment: 'https://blog.example/posts/th%C3%A9/comments/7', moderate: 'https://blog.example/admin' },
  }

  it('gives Slack {text} with the reader’s markup escaped, so a comment cannot ping the channel', () => {
    const { text } = JSON.parse(webhookRequest(alert, 'slack').body) as { text: string }
    expect(text).toContain('New comment by Ève &lt;!channel&gt; on “Thé &amp; « gâteau »” (awaiting moderation)')
    expect(text).toContain('>@everyone look &lt;https://x.example|here&gt; &amp; there')
    expect(text).toContain('<https://blog.example/admin|Moderate>')
    expect(text).not.toContain('<!channel>')
  })

  it('gives Discord {content} with every mention off, within its 2,000 characters', () => {
    const long = { ...alert, comment: { ...alert.comment, body: 'x'.repeat(10_000) } }
    const body = JSON.parse(webhookRequest(long, 'discord').body) as { content: string; allowed_mentions: unknown }
    expect(body.allowed_mentions).toEqual({ parse: [] })
    expect(body.content.length).toBeLessThanOrEqual(2_000)
    expect(body.content).toContain('<https://blog.example/admin>')
  })

  it('gives ntfy the text as the body and an RFC 2047 title, with links in Click and Actions', async () => {
    const { body, headers } = webhookRequest(alert, 'ntfy')
    expect(body).toBe(alert.comment.body)
    expect(headers.Title).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/)
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(headers.Title!.slice(10, -2)), (c) => c.charCodeAt(0)))
    expect(decoded).toBe('New comment by Ève <!channel> on “Thé & « gâteau »” (awaiting moderation)')
    expect(headers.Click).toBe(alert.links.comment)
    expect(headers.Actions).toBe('view, Moderate, https://blog.example/admin')
    // Every header value is one a fetch can send.
    let sent: Headers | undefined
    const sender = webhookSender({ url: HOOK, format: 'ntfy', fetch: (async (_: unknown, init?: RequestInit) => {
      sent = new Headers(init?.headers)
      return new Response('ok')
    }) as typeof fetch })
    expect(await sender.send(alert, 'k')).toEqual({ ok: true })
    expect(sent?.get('Idempotency-Key')).toBe('k')
  })

  it('refuses to retry what the endpoint refused for good (a deleted hook)', async () => {
    const sender = webhookSender({ url: HOOK, format: 'json', fetch: (async () => new Response('unknown webhook', { status: 404 })) as typeof fetch })
    expect(await sender.send(alert, 'k')).toEqual({ ok: false, error: 'webhook HTTP 404: unknown webhook', permanent: true })
  })
})
