import { describe, expect, it } from 'vitest'
import { moderate } from '../../src/comments/moderation'
import { approvalStatements } from '../../src/notify'
import { CONFIRM_TTL_MS } from '../../src/notify/tokens'
import { batch, confirm, db, outboxOf, SITE, slug, store } from './notify-support'

/** Which emails a comment queues, straight against D1 with the real migrations. */

const noAuthor = { ...SITE, email: { from: SITE.email.from } }
const kinds = async (post: string) => (await outboxOf(post)).map((row) => `${row.kind} ${row.recipient}`)

describe('a request for notifications', () => {
  it('subscribes the address and queues one confirmation email, and nothing else until it confirms', async () => {
    const post = slug('subscribe')
    const asked = await store({ postSlug: post, authorEmail: 'Ana@Example.com', notify: 'replies' }, noAuthor)
    await store({ postSlug: post, parentId: asked.id, authorEmail: 'bo@example.com' }, noAuthor)
    expect(await kinds(post)).toEqual(['confirm ana@example.com'])
    const subs = await db.prepare(`SELECT s.scope, s.comment_id FROM notify_subscriptions s
      JOIN notify_addresses a ON a.id = s.address_id WHERE a.email = 'ana@example.com'`).all()
    expect(subs.results).toEqual([{ scope: 'replies', comment_id: asked.id }])
  })

  it('asks a second time within the confirmation’s lifetime without a second confirmation email', async () => {
    const post = slug('once')
    const first = await store({ postSlug: post, authorEmail: 'cy@example.com', notify: 'replies' }, noAuthor)
    await store({ postSlug: post, authorEmail: 'cy@example.com', notify: 'post', createdAt: first.createdAt + 1000 }, noAuthor)
    expect(await kinds(post)).toEqual(['confirm cy@example.com'])
  })

  it('sends a new confirmation once the first one has expired unanswered', async () => {
    const post = slug('expired')
    const first = await store({ postSlug: post, authorEmail: 'di@example.com', notify: 'post' }, noAuthor)
    await store({ postSlug: post, authorEmail: 'di@example.com', notify: 'post', createdAt: first.createdAt + CONFIRM_TTL_MS }, noAuthor)
    expect(await kinds(post)).toEqual(['confirm di@example.com', 'confirm di@example.com'])
  })

  it('is never asked to confirm what it already confirmed', async () => {
    const post = slug('confirmed')
    await store({ postSlug: post, authorEmail: 'ed@example.com', notify: 'replies' }, noAuthor)
    await store({ postSlug: post, authorEmail: 'ed@example.com', notify: 'post' }, noAuthor)
    await confirm('ed@example.com')
    const later = await store({ postSlug: post, authorEmail: 'ed@example.com', notify: 'post', createdAt: Date.now() + CONFIRM_TTL_MS * 2 }, noAuthor)
    expect((await outboxOf(post)).filter((row) => row.comment_id === later.id)).toEqual([])
  })

  it('asks a confirmed address about each new subscription, at most once a day, naming that subscription', async () => {
    const post = slug('also')
    const first = await store({ postSlug: post, authorEmail: 'fe@example.com', notify: 'replies' }, noAuthor)
    await confirm('fe@example.com', first.createdAt + 1000)
    const day = 24 * 60 * 60 * 1000
    const asked = await store({ postSlug: post, authorEmail: 'fe@example.com', notify: 'post', createdAt: first.createdAt + day }, noAuthor)
    const again = await store({ postSlug: post, authorEmail: 'fe@example.com', notify: 'replies', createdAt: asked.createdAt + 1000 }, noAuthor)
    const rows = (await outboxOf(post)).filter((row) => row.kind === 'confirm' && row.comment_id !== first.id)
    const sub = await db.prepare(`SELECT s.id FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE a.email = 'fe@example.com' AND s.scope = 'post'`).first<{ id: number }>()
    expect(rows.map((row) => [row.comment_id, row.subscription_id])).toEqual([[asked.id, sub!.id]])
    expect(again.id).toBeGreaterThan(asked.id)
  })
})

describe('a public reply', () => {
  it('is queued for confirmed followers of the thread and of the post, once per address, never for its own author', async () => {
    const post = slug('reply')
    const root = await store({ postSlug: post, authorEmail: 'ana@example.com', notify: 'replies' }, noAuthor)
    const child = await store({ postSlug: post, parentId: root.id, authorEmail: 'ana@example.com', notify: 'replies' }, noAuthor)
    await store({ postSlug: post, authorEmail: 'fan@example.com', notify: 'post' }, noAuthor)
    await store({ postSlug: post, authorEmail: 'self@example.com', notify: 'post' }, noAuthor)
    for (const email of ['ana@example.com', 'fan@example.com', 'self@example.com']) await confirm(email)
    const reply = await store({ postSlug: post, parentId: child.id, authorEmail: 'Self@Example.com' }, noAuthor)
    const rows = (await outboxOf(post)).filter((row) => row.comment_id === reply.id)
    expect(rows.map((row) => `${row.kind} ${row.recipient} ${row.status}`).sort()).toEqual([
      'post fan@example.com pending',
      'reply ana@example.com pending',
    ])
  })

  it('queues nothing for readers while it is held, and their notices when it is approved', async () => {
    const post = slug('held')
    const root = await store({ postSlug: post, authorEmail: 'ana@example.com', notify: 'replies' }, noAuthor)
    await confirm('ana@example.com')
    const held = await store({ postSlug: post, parentId: root.id, authorEmail: null, status: 'pending' }, noAuthor)
    expect((await outboxOf(post)).filter((row) => row.comment_id === held.id)).toEqual([])
    await moderate(db, [held.id], 'approved')
    await batch(await approvalStatements(db, [held], Date.now()))
    await batch(await approvalStatements(db, [held], Date.now()))
    expect(await kinds(post)).toContain('reply ana@example.com')
    expect((await outboxOf(post)).filter((row) => row.comment_id === held.id)).toHaveLength(1)
  })

  it('is not queued by an approval batch whose comment is not approved when it runs', async () => {
    const post = slug('not-approved')
    const root = await store({ postSlug: post, authorEmail: 'ana@example.com', notify: 'replies' }, noAuthor)
    await confirm('ana@example.com')
    const held = await store({ postSlug: post, parentId: root.id, authorEmail: null, status: 'pending' }, noAuthor)
    await batch(await approvalStatements(db, [held], Date.now()))
    expect((await outboxOf(post)).filter((row) => row.comment_id === held.id)).toEqual([])
  })
})

describe('the author’s notice', () => {
  it('is queued for every new comment, held ones included, but not for the author’s own', async () => {
    const post = slug('author')
    const held = await store({ postSlug: post, status: 'pending', authorEmail: 'lea@example.com' })
    const published = await store({ postSlug: post, authorEmail: null })
    const own = await store({ postSlug: post, isAuthor: true, authorEmail: null, authorName: 'Me' })
    const rows = await outboxOf(post)
    expect(rows.map((row) => [row.comment_id, row.kind, row.recipient])).toEqual([
      [held.id, 'author', 'me@blog.example'],
      [published.id, 'author', 'me@blog.example'],
    ])
    expect(rows.some((row) => row.comment_id === own.id)).toBe(false)
  })

  it('is the author’s only email about a comment when they also follow the post', async () => {
    const post = slug('author-follows')
    await store({ postSlug: post, authorEmail: 'me@blog.example', notify: 'post' })
    await confirm('me@blog.example')
    const reply = await store({ postSlug: post, authorEmail: 'lea@example.com' })
    expect((await outboxOf(post)).filter((row) => row.comment_id === reply.id).map((row) => row.kind)).toEqual(['author'])
  })
})
