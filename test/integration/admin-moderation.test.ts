import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { getComment, insertComment } from '../../src/comments/store'
import type { CommentStatus } from '../../src/comments/types'
import { get, postForm, signIn, uniqueOrigin, warm } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { comment, commentIdOf } from './comments-http'
import { seedContent } from '../fixtures/content'

const SLUG = 'moderated-post'

beforeAll(async () => {
  await seedContent(env.CONTENT, [{ slug: SLUG, title: 'A moderated post' }])
})

async function stored(status: CommentStatus, overrides: Parameters<typeof newComment>[0] = {}) {
  return (await insertComment(env.DB, newComment({ postSlug: SLUG, status, ...overrides }))).comment
}

const statusOf = async (id: number) => (await getComment(env.DB, id))?.status

/** The queue section of the admin page (the recent list follows it). */
const queueOf = (html: string) => html.slice(html.indexOf('id="queue-title"'), html.indexOf('id="recent-title"'))

describe('the moderation queue', () => {
  it('lists only pending comments, newest first, with author, email, post and text', async () => {
    const origin = uniqueOrigin('queue')
    const older = await stored('pending', { authorName: 'Older Oscar', authorEmail: 'oscar@example.com', body: 'first <b>held</b>' })
    const newer = await stored('pending', { authorName: 'Newer Nina', authorEmail: 'nina@example.com' })
    const approved = await stored('approved', { authorName: 'Approved Ada' })
    const spam = await stored('spam', { authorName: 'Spammy Sam' })
    const html = await (await get(`${origin}/admin`, { Cookie: await signIn(origin) })).text()
    const queue = queueOf(html)
    expect(queue.indexOf('Newer Nina')).toBeGreaterThan(-1)
    expect(queue.indexOf('Newer Nina')).toBeLessThan(queue.indexOf('Older Oscar'))
    expect(queue).toContain('oscar@example.com')
    expect(queue).toContain('A moderated post')
    expect(queue).toContain('first &lt;b&gt;held&lt;/b&gt;')
    expect(queue).not.toContain('Approved Ada')
    expect(queue).not.toContain('Spammy Sam')
    expect(queue).toContain(`value="${older.id}" form="bulk"`)
    expect(queue).toContain(`value="${newer.id}" form="bulk"`)
    expect(queue).not.toContain(`value="${approved.id}" form="bulk"`)
    expect(queue).not.toContain(`value="${spam.id}" form="bulk"`)
  })

  it('lists recent comments across posts with their status', async () => {
    const origin = uniqueOrigin('queue')
    await stored('spam', { authorName: 'Recent Spammer' })
    const html = await (await get(`${origin}/admin`, { Cookie: await signIn(origin) })).text()
    const recent = html.slice(html.indexOf('id="recent-title"'))
    expect(recent).toMatch(/Recent Spammer<\/strong>.*?<span class="status status-spam">Spam<\/span>/s)
  })

  it('labels every tick box and form control', async () => {
    const origin = uniqueOrigin('queue')
    const comment = await stored('pending', { authorName: 'Labelled Lou' })
    const html = await (await get(`${origin}/admin`, { Cookie: await signIn(origin) })).text()
    expect(html).toContain(`<label for="queue-${comment.id}-select" class="visually-hidden">Select comment ${comment.id} by Labelled Lou</label>`)
    expect(html).toContain(`<label for="queue-${comment.id}-reply">Reply to Labelled Lou as the author</label>`)
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/)
    expect(html).not.toMatch(/\sstyle=/)
  })
})

describe('moderating one comment at a time', () => {
  for (const [action, status] of [['approve', 'approved'], ['spam', 'spam'], ['delete', 'deleted']] as const) {
    it(`${action}: sets the status "${status}" and answers 303 with a confirmation`, async () => {
      const origin = uniqueOrigin('single')
      const cookie = await signIn(origin)
      const comment = await stored('pending')
      const res = await postForm(`${origin}/admin/comments`, { action, id: String(comment.id) }, { Cookie: cookie })
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe(`/admin?done=${status}&n=1`)
      expect(await statusOf(comment.id)).toBe(status)
      const page = await (await get(`${origin}${res.headers.get('Location')}`, { Cookie: cookie })).text()
      expect(page).toMatch(/<p class="banner" role="status">1 comment (approved|marked as spam|deleted)\.<\/p>/)
    })
  }

  it('says nothing changed when the comment already had that status', async () => {
    const origin = uniqueOrigin('single')
    const cookie = await signIn(origin)
    const comment = await stored('approved')
    const res = await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(comment.id) }, { Cookie: cookie })
    expect(res.headers.get('Location')).toBe('/admin?done=approved&n=0')
    expect(await (await get(`${origin}/admin?done=approved&n=0`, { Cookie: cookie })).text()).toContain('Nothing changed.')
  })

  it('refuses an unknown action with 400 and leaves the comment alone', async () => {
    const origin = uniqueOrigin('single')
    const comment = await stored('pending')
    const res = await postForm(`${origin}/admin/comments`, { action: 'publish', id: String(comment.id) }, { Cookie: await signIn(origin) })
    expect(res.status).toBe(400)
    expect(await statusOf(comment.id)).toBe('pending')
  })
})

describe('moderating in bulk', () => {
  it('approves every ticked comment in one POST', async () => {
    const origin = uniqueOrigin('bulk')
    const cookie = await signIn(origin)
    const comments = [await stored('pending'), await stored('pending'), await stored('pending')]
    const untouched = await stored('pending')
    const ids = comments.map((comment) => String(comment.id))
    const res = await postForm(`${origin}/admin/comments`, { action: 'approve', id: ids }, { Cookie: cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin?done=approved&n=3')
    for (const comment of comments) expect(await statusOf(comment.id)).toBe('approved')
    expect(await statusOf(untouched.id)).toBe('pending')
    expect(await (await get(`${origin}/admin?done=approved&n=3`, { Cookie: cookie })).text()).toContain('3 comments approved.')
  })

  it('marks many as spam, and deletes many', async () => {
    const origin = uniqueOrigin('bulk')
    const cookie = await signIn(origin)
    const spam = [await stored('pending'), await stored('pending')]
    const gone = [await stored('pending'), await stored('approved')]
    const ids = (list: { id: number }[]) => list.map((comment) => String(comment.id))
    expect((await postForm(`${origin}/admin/comments`, { action: 'spam', id: ids(spam) }, { Cookie: cookie })).headers.get('Location'))
      .toBe('/admin?done=spam&n=2')
    expect((await postForm(`${origin}/admin/comments`, { action: 'delete', id: ids(gone) }, { Cookie: cookie })).headers.get('Location'))
      .toBe('/admin?done=deleted&n=2')
    for (const comment of spam) expect(await statusOf(comment.id)).toBe('spam')
    for (const comment of gone) expect(await statusOf(comment.id)).toBe('deleted')
  })

  it('asks to tick a comment when the bulk form comes without one', async () => {
    const origin = uniqueOrigin('bulk')
    const cookie = await signIn(origin)
    const res = await postForm(`${origin}/admin/comments`, { action: 'approve' }, { Cookie: cookie })
    expect(res.headers.get('Location')).toBe('/admin?done=none')
    expect(await (await get(`${origin}/admin?done=none`, { Cookie: cookie })).text()).toContain('Tick at least one comment')
  })
})

describe('the edge cache after moderation (Cache API path)', () => {
  it('purges the post page and the home page when a comment is approved', async () => {
    const origin = uniqueOrigin('purge')
    const cookie = await signIn(origin)
    const comment = await stored('pending')
    expect(await warm(`${origin}/posts/${SLUG}`)).toBe('HIT')
    expect(await warm(`${origin}/`)).toBe('HIT')
    await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(comment.id) }, { Cookie: cookie })
    expect((await get(`${origin}/posts/${SLUG}`)).headers.get('X-Cache')).toBe('MISS')
    expect((await get(`${origin}/`)).headers.get('X-Cache')).toBe('MISS')
  })

  it('purges the post page when an approved comment is deleted or marked as spam', async () => {
    const origin = uniqueOrigin('purge')
    const cookie = await signIn(origin)
    for (const action of ['spam', 'delete']) {
      const comment = await stored('approved')
      expect(await warm(`${origin}/posts/${SLUG}`)).toBe('HIT')
      await postForm(`${origin}/admin/comments`, { action, id: String(comment.id) }, { Cookie: cookie })
      expect((await get(`${origin}/posts/${SLUG}`)).headers.get('X-Cache')).toBe('MISS')
    }
  })

  it('keeps the cached pages when a pending comment is marked as spam (nothing public changed)', async () => {
    const origin = uniqueOrigin('purge')
    const cookie = await signIn(origin)
    const comment = await stored('pending')
    expect(await warm(`${origin}/posts/${SLUG}`)).toBe('HIT')
    await postForm(`${origin}/admin/comments`, { action: 'spam', id: String(comment.id) }, { Cookie: cookie })
    expect((await get(`${origin}/posts/${SLUG}`)).headers.get('X-Cache')).toBe('HIT')
  })

  it('purges under the site’s public origin too', async () => {
    const comment = await stored('pending')
    const site = 'https://blog.example'
    expect(await warm(`${site}/posts/${SLUG}`)).toBe('HIT')
    const origin = uniqueOrigin('purge')
    await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(comment.id) }, { Cookie: await signIn(origin) })
    expect((await get(`${site}/posts/${SLUG}`)).headers.get('X-Cache')).toBe('MISS')
  })
})

describe('privacy', () => {
  it('shows emails in the admin but never on the public pages', async () => {
    const origin = uniqueOrigin('privacy')
    const cookie = await signIn(origin)
    const comment = await stored('pending', { authorName: 'Private Pia', authorEmail: 'pia.private@example.com' })
    await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(comment.id) }, { Cookie: cookie })
    expect(await (await get(`${origin}/admin`, { Cookie: cookie })).text()).toContain('pia.private@example.com')
    for (const path of [`/posts/${SLUG}`, `/posts/${SLUG}/comments.xml`, `/api/posts/${SLUG}/comments`]) {
      const text = await (await get(`${origin}${path}`)).text()
      expect(text, path).toContain('Private Pia')
      expect(text, path).not.toContain('pia.private@example.com')
    }
    for (const path of ['/', '/feed.xml']) {
      expect(await (await get(`${origin}${path}`)).text(), path).not.toContain('pia.private@example.com')
    }
  })
})

describe('replying as the author from the queue', () => {
  it('approves the held comment, then publishes the reply with the author badge', async () => {
    const origin = uniqueOrigin('reply')
    const cookie = await signIn(origin)
    const parent = await stored('pending', { authorName: 'Curious Cam' })
    const res = await postForm(`${origin}/admin/comments/${parent.id}/reply`, { body: 'Thanks, *Cam*!' }, { Cookie: cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin?done=replied')
    expect(await statusOf(parent.id)).toBe('approved')
    const { results } = await env.DB.prepare('SELECT id FROM comments WHERE parent_id = ?1').bind(parent.id).all<{ id: number }>()
    expect(results).toHaveLength(1)
    const reply = (await getComment(env.DB, results[0]!.id))!
    expect(reply).toMatchObject({ status: 'approved', isAuthor: true, authorName: 'The author', authorEmail: null, ipHmac: null })
    expect(reply.bodyHtml.trim()).toBe('<p>Thanks, <em>Cam</em>!</p>')
    const page = await (await get(`${origin}/posts/${SLUG}`)).text()
    expect(page).toMatch(new RegExp(`id="comment-${reply.id}" class="comment by-author"`))
    expect(page).toContain('<span class="badge">Author</span>')
    expect(page).toContain(`id="comment-${parent.id}"`)
  })

  it('stores one reply when the form is sent twice', async () => {
    const origin = uniqueOrigin('reply')
    const cookie = await signIn(origin)
    const parent = await stored('approved')
    for (let i = 0; i < 2; i++) {
      await postForm(`${origin}/admin/comments/${parent.id}/reply`, { body: 'Said once.' }, { Cookie: cookie })
    }
    const { results } = await env.DB.prepare('SELECT id FROM comments WHERE parent_id = ?1').bind(parent.id).all()
    expect(results).toHaveLength(1)
  })

  it('shows an empty reply again under its comment with 422, and approves nothing', async () => {
    const origin = uniqueOrigin('reply')
    const parent = await stored('pending')
    const res = await postForm(`${origin}/admin/comments/${parent.id}/reply`, { body: '  ' }, { Cookie: await signIn(origin) })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain(`<p id="queue-${parent.id}-reply-error" class="field-error" role="alert">Write your comment.</p>`)
    expect(html).toContain(`aria-describedby="queue-${parent.id}-reply-error"`)
    expect(await statusOf(parent.id)).toBe('pending')
  })

  it('refuses to answer a comment marked as spam', async () => {
    const origin = uniqueOrigin('reply')
    const parent = await stored('spam')
    const res = await postForm(`${origin}/admin/comments/${parent.id}/reply`, { body: 'Hello?' }, { Cookie: await signIn(origin) })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Spam and deleted comments cannot be answered.')
    const { results } = await env.DB.prepare('SELECT id FROM comments WHERE parent_id = ?1').bind(parent.id).all()
    expect(results).toHaveLength(0)
  })

  it('purges the post page so readers see the reply at once', async () => {
    const origin = uniqueOrigin('reply')
    const cookie = await signIn(origin)
    const parent = await stored('approved')
    expect(await warm(`${origin}/posts/${SLUG}`)).toBe('HIT')
    await postForm(`${origin}/admin/comments/${parent.id}/reply`, { body: 'Fresh reply.' }, { Cookie: cookie })
    const res = await get(`${origin}/posts/${SLUG}`)
    expect(res.headers.get('X-Cache')).toBe('MISS')
  })
})

describe('why a comment is held', () => {
  it('is stored when a reader’s comment is held, shown in the queue, and gone once it is approved', async () => {
    const origin = uniqueOrigin('held-reason')
    // The post of the other tests stays: this replaces the index.
    await seedContent(env.CONTENT, [{ slug: SLUG, title: 'A moderated post' }, { slug: 'held-reason', title: 'Held reasons' }], {
      comments: { ...DEFAULT_SITE.comments, moderation: 'first-time', maxLinks: 1 },
    })
    const send = (body: string, author: string) =>
      postForm(`${origin}/posts/held-reason/comments`, comment({ author, email: `${author.toLowerCase()}@example.com`, body }))
    const first = commentIdOf((await send('Hello there', 'Newcomer')).headers.get('Location'))
    const links = commentIdOf((await send('[a](https://a.example) [b](https://b.example)', 'Linker')).headers.get('Location'))
    expect(await getComment(env.DB, first)).toMatchObject({ status: 'pending', heldReason: 'first_time' })
    expect(await getComment(env.DB, links)).toMatchObject({ status: 'pending', heldReason: 'too_many_links' })
    const cookie = await signIn(origin)
    const queue = queueOf(await (await get(`${origin}/admin`, { Cookie: cookie })).text())
    expect(queue).toContain('Held: the first comment under this name and email')
    expect(queue).toContain('Held: more links than comments.maxLinks allows')
    await postForm(`${origin}/admin/comments`, { action: 'approve', id: String(first) }, { Cookie: cookie })
    expect(await getComment(env.DB, first)).toMatchObject({ status: 'approved', heldReason: null })
  })
})
