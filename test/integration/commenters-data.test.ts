import { env, exports } from 'cloudflare:workers'
import { waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { adminApi, postForm as adminForm, signIn } from '../fixtures/admin'
import { withFakeWorkersCache } from '../fixtures/workers-cache'
import { discussionOf, get, origin, postJson, seedPost } from './comments-http'

let ips = 0
/** A comment through the public API, from an address of its own (so the IP HMAC is stored). */
async function post(base: string, slug: string, body: Record<string, unknown>): Promise<number> {
  const res = await postJson(`${base}/api/posts/${slug}/comments`, body, { 'CF-Connecting-IP': `203.0.113.${++ips % 250}` })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { comment: { id: number } }).comment.id
}

/** Every row of every table the app writes, as text: what "nothing left that names the address" is checked on. */
async function everything(): Promise<string> {
  const tables = ['comments', 'notify_addresses', 'notify_subscriptions', 'notify_outbox', 'notify_mailbox', 'redirects', 'admin_sessions']
  const rows = await Promise.all(tables.map((t) => env.DB.prepare(`SELECT * FROM ${t}`).all()))
  return JSON.stringify(rows.map((r) => r.results)).toLowerCase()
}

/** A post with two comments by Ada (one asking for replies, delivered to the mailbox) and a reply to her by Bob. */
async function discussion(slug: string, site: Record<string, unknown> = {}) {
  const base = origin('gdpr')
  await seedPost(slug, { site })
  // D1 is shared by the tests of a file: an address of its own per test.
  const email = `ada.${slug}@example.com`
  const first = await post(base, slug, { author: `Ada ${slug}`, email: email.replace('ada', 'Ada'), body: 'Ada’s *first* word', notify: 'replies' })
  const second = await post(base, slug, { author: `Ada ${slug}`, email, body: 'Ada again', parentId: first })
  const reply = await post(base, slug, { author: 'Bob', email: `bob.${slug}@example.com`, body: 'Bob answers', parentId: first })
  return { base, email, first, second, reply }
}

describe('a commenter’s data on request (admin API)', () => {
  it('finds every comment, the address, its subscriptions and its emails, whatever the case of the address', async () => {
    const { base, email, first, second } = await discussion('trouver')
    const res = await adminApi(`${base}/api/admin/commenters?email=${encodeURIComponent(email.toUpperCase())}`)
    expect(res.status).toBe(200)
    const data = (await res.json()) as Record<string, any>
    expect(data.comments.map((c: { id: number }) => c.id)).toEqual([first, second])
    expect(data.comments[0]).toMatchObject({ author: 'Ada trouver', email: 'Ada.trouver@example.com', body: 'Ada’s *first* word', status: 'approved', postSlug: 'trouver' })
    expect(data.comments[0].ipHmac).toMatch(/^[0-9a-f]{64}$/)
    expect(data.comments[0]).not.toHaveProperty('submitKey')
    expect(data.address).toMatchObject({ email, confirmedAt: null })
    expect(data.subscriptions).toEqual([expect.objectContaining({ scope: 'replies', postSlug: 'trouver', commentId: first, confirmedAt: null })])
    expect(data.outbox).toEqual([expect.objectContaining({ kind: 'confirm', recipient: email })])
  })

  it('refuses a request without a valid address or without the bearer token', async () => {
    const base = origin('gdpr')
    expect((await adminApi(`${base}/api/admin/commenters`)).status).toBe(400)
    expect((await adminApi(`${base}/api/admin/commenters?email=nobody`)).status).toBe(400)
    expect((await get(`${base}/api/admin/commenters?email=a@b.c`)).status).toBe(401)
    for (const body of [{ email: 'a@b.c' }, { email: 'a@b.c', keepText: 'yes' }, { email: 'x', keepText: true }, 'not json']) {
      const res = await adminApi(`${base}/api/admin/commenters/erase`, { method: 'POST', body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/email|keepText/)
    }
  })

  it('erases in one go: nothing left names the address, the thread shows “Anonymous” with the text, the pages are purged', async () => {
    const { base, email, first, second, reply } = await discussion('effacer')
    // Copies in the local mailbox: one sent to the address, one (the author's notice) naming it.
    await env.DB.prepare(`INSERT INTO notify_mailbox (message_key, sender, recipient, subject, text, html, headers, created_at)
      VALUES ('k1', 'blog@x', ?1, 's', 't', 'h', '{}', 1), ('k2', 'blog@x', 'author@x', 's', ?2, 'h', '{}', 1), ('k3', 'blog@x', 'author@x', 's', 'other', 'h', '{}', 1)
      ON CONFLICT DO NOTHING`).bind(email, `New comment by Ada <${email.toUpperCase()}>`).run()
    const { ctx, purged } = withFakeWorkersCache()
    const res = await app.fetch(
      new Request(`${base}/api/admin/commenters/erase`, {
        method: 'POST',
        headers: { Authorization: 'Bearer test-admin-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: email.toUpperCase(), keepText: true }),
      }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ erased: { comments: [first, second], subscriptions: 1, outbox: 1, address: true } })
    expect(purged.flat().sort()).toEqual(['list', 'post:effacer'])

    const stored = await everything()
    expect(stored).not.toContain(email)
    expect(stored).not.toContain('ada effacer')
    expect(stored).toContain('bob.effacer@example.com')
    // The mailbox's other messages stay.
    expect(stored).toContain('"message_key":"k3"')
    const { results } = await env.DB.prepare('SELECT id, author_name, author_email, ip_hmac, notify, submit_key, body, status FROM comments WHERE id IN (?1, ?2, ?3) ORDER BY id').bind(first, second, reply).all()
    expect(results).toEqual([
      { id: first, author_name: 'Anonymous', author_email: null, ip_hmac: null, notify: null, submit_key: `erased:${first}`, body: 'Ada’s *first* word', status: 'approved' },
      { id: second, author_name: 'Anonymous', author_email: null, ip_hmac: null, notify: null, submit_key: `erased:${second}`, body: 'Ada again', status: 'approved' },
      expect.objectContaining({ id: reply, author_name: 'Bob', author_email: 'bob.effacer@example.com', body: 'Bob answers' }),
    ])
    const thread = discussionOf(await (await get(`${base}/posts/effacer`)).text())
    expect(thread).toContain('Anonymous')
    expect(thread).toContain('Ada’s <em>first</em> word')
    expect(thread).toContain('Bob answers')
    // Asked again, nothing is stored any more.
    const after = (await (await adminApi(`${base}/api/admin/commenters?email=${email}`)).json()) as Record<string, unknown[]>
    expect([after.comments, after.subscriptions, after.outbox, after.address]).toEqual([[], [], [], null])
  })

  it('leaves “[deleted]” in the text’s place when asked, in the site’s language', async () => {
    const { base, email, first, reply } = await discussion('supprimer', { language: 'fr' })
    const res = await adminApi(`${base}/api/admin/commenters/erase`, { method: 'POST', body: { email, keepText: false } })
    expect(res.status).toBe(200)
    const thread = discussionOf(await (await get(`${base}/posts/supprimer`)).text())
    expect(thread).toContain('Anonyme')
    expect(thread).toContain('[supprimé]')
    expect(thread).not.toContain('Ada')
    expect(thread).toContain('Bob answers')
    expect(thread).toContain(`id="comment-${reply}"`)
    expect(thread).toContain(`id="comment-${first}"`)
    const { results } = await env.DB.prepare("SELECT body, body_html FROM comments WHERE post_slug = 'supprimer'").all()
    expect(JSON.stringify(results)).not.toContain('Ada')
  })
})

describe('a commenter’s data on request (/admin)', () => {
  it('looks the address up, exports it as a JSON file and erases it, behind the session and CSRF', async () => {
    const { base, email, first } = await discussion('admin-effacer')
    const cookie = await signIn(base)
    expect((await adminForm(`${base}/admin/commenters`, { email: email })).status).toBe(401)
    const page = await adminForm(`${base}/admin/commenters`, { email: email }, { Cookie: cookie })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`${email}: 2 comments, 1 subscription, 1 email.`)
    expect(html).toContain('Ada again')

    const file = await adminForm(`${base}/admin/commenters/export`, { email: email }, { Cookie: cookie })
    expect(file.headers.get('Content-Disposition')).toContain('attachment')
    expect(file.headers.get('Cache-Control')).toBe('no-store')
    expect(((await file.json()) as { comments: { id: number }[] }).comments[0]!.id).toBe(first)

    const refused = await adminForm(`${base}/admin/commenters`, { email: 'not an address' }, { Cookie: cookie })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('value="not an address"')

    const forged = await exports.default.fetch(
      new Request(`${base}/admin/commenters/erase`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: email, text: 'drop' }),
      }),
    )
    expect(forged.status).toBe(403)

    const erased = await adminForm(`${base}/admin/commenters/erase`, { email: email, text: 'drop' }, { Cookie: cookie })
    expect(erased.status).toBe(303)
    expect(erased.headers.get('Location')).toBe('/admin/commenters?erased=2')
    const notice = await get(`${base}${erased.headers.get('Location')}`, { Cookie: cookie })
    expect(await notice.text()).toContain('Erased: 2 comments now anonymous')
    const thread = discussionOf(await (await get(`${base}/posts/admin-effacer`)).text())
    expect(thread).toContain('Anonymous')
    expect(thread).toContain('[deleted]')
    expect(await everything()).not.toContain(email)
  })
})
