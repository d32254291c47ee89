import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { htmlHash, storeDiscussion } from '../../src/comments/discussion-pages'
import { editToken } from '../../src/comments/poster'
import { insertComment, setStatus, updateBody } from '../../src/comments/store'
import { COMMENT_RENDER_VERSION, renderComment } from '../../src/markdown/comment'
import { adminApi } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { seedContent, seedPages } from '../fixtures/content'
import { DEFAULT_SITE } from '../../src/content/site-defaults'

/**
 * Stored discussion pages (src/comments/discussion-pages.ts): the first public view of a
 * thread's page renders it from the rows and stores its HTML; the views after it serve that row
 * while the thread has not changed, and every change of a comment, by whatever path, makes the
 * next view render from the rows again. Each request goes to the app with a fresh execution
 * context, past the Cache API (a host of its own), so that each one is a miss.
 */

let requests = 0
/** A cache miss of `path`'s page: a host no other request used (the Cache API keys pages by URL). */
async function view(path: string): Promise<{ status: number; html: string }> {
  const ctx = createExecutionContext()
  const res = await app.fetch(new Request(`https://stored-discussions-${++requests}.test${path}`), env, ctx)
  const html = await res.text()
  // The page is stored after the response (waitUntil): wait for it, as the next reader would.
  await waitOnExecutionContext(ctx)
  return { status: res.status, html }
}

/** The discussion's section of a page, from its heading to the form. */
const discussion = (html: string) => /<section id="comments"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

async function storedRows(slug: string) {
  const { results } = await env.DB.prepare('SELECT page, version, view_key, comment_count, page_count, html, html_hash FROM discussion_pages WHERE post_slug = ?1 ORDER BY page')
    .bind(slug).all<{ page: number; version: number; view_key: string; comment_count: number; page_count: number; html: string; html_hash: string }>()
  return results
}

async function threadVersion(slug: string): Promise<number> {
  return (await env.DB.prepare('SELECT version FROM thread_versions WHERE post_slug = ?1').bind(slug).first<number>('version')) ?? 0
}

/**
 * Marks the stored page so that a view served from it shows the mark (no comment changes): new
 * HTML, and so a new hash, which the Worker's copy of the page no longer matches.
 */
async function markStored(slug: string): Promise<void> {
  const { results } = await env.DB.prepare('SELECT page, html FROM discussion_pages WHERE post_slug = ?1').bind(slug).all<{ page: number; html: string }>()
  for (const row of results) {
    const html = row.html.replace('</ol>', '<li>from the stored row</li></ol>')
    await env.DB.prepare('UPDATE discussion_pages SET html = ?3, html_hash = ?4 WHERE post_slug = ?1 AND page = ?2')
      .bind(slug, row.page, html, await htmlHash(html)).run()
  }
}

const posts = ['stored', 'kept', 'unhashed', 'approve', 'edit', 'delete', 'admin', 'paged', 'editlink', 'relang', 'race', 'erase'].map((name) => `discussion-${name}`)

beforeAll(async () => {
  const index = await seedContent(env.CONTENT, posts.map((slug) => ({ slug, title: slug })), { comments: { ...DEFAULT_SITE.comments, threadsPerPage: 2 } })
  await seedPages(env.CONTENT, index, [{ slug: 'guest-book', title: 'Guest book', comments: true }])
})

describe('a public view stores the page it rendered, and the next views serve it', () => {
  it('stores page 1 at the thread’s version, and serves the same bytes from it', async () => {
    const slug = 'discussion-stored'
    const first = await insertComment(env.DB, newComment({ postSlug: slug, body: 'The first word.' }))
    await insertComment(env.DB, newComment({ postSlug: slug, parentId: first.comment.id, body: 'A reply.' }))
    const rendered = await view(`/posts/${slug}`)
    expect(rendered.status).toBe(200)
    const [row] = await storedRows(slug)
    expect(row).toMatchObject({ page: 1, version: await threadVersion(slug), comment_count: 2, page_count: 1 })
    expect(row!.html).toContain('The first word.')
    expect(discussion(rendered.html)).toContain(row!.html)

    const served = await view(`/posts/${slug}`)
    expect(served.html).toBe(rendered.html)
    await markStored(slug)
    expect(discussion((await view(`/posts/${slug}`)).html)).toContain('<li>from the stored row</li>')
  })

  it('names the stored HTML by its hash, and a Worker that holds that page reads its values, not its HTML again', async () => {
    const slug = 'discussion-kept'
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'Kept once.' }))
    const first = await view(`/posts/${slug}`)
    const [row] = await storedRows(slug)
    expect(row!.html_hash).toBe(await htmlHash(row!.html))
    expect(row!.html_hash).toMatch(/^[0-9a-f]{32}$/)
    // HTML changed under the same hash: a Worker that read the row's HTML would show it.
    await env.DB.prepare(`UPDATE discussion_pages SET html = '<ol class="thread"><li>re-read</li></ol>' WHERE post_slug = ?1`).bind(slug).run()
    const again = await view(`/posts/${slug}`)
    expect(again.html).toBe(first.html)
    // A new hash is another page: its HTML is read, and served.
    await markStored(slug)
    expect(discussion((await view(`/posts/${slug}`)).html)).toContain('<li>from the stored row</li>')
  })

  it('serves a page stored without a hash (by a Worker from before the hashes, after a rollback), reading its HTML every time', async () => {
    const slug = 'discussion-unhashed'
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'Stored by an older Worker.' }))
    await view(`/posts/${slug}`)
    for (const mark of ['first', 'second']) {
      await env.DB.prepare(`UPDATE discussion_pages SET html_hash = NULL, html = replace(html, '</ol>', '<li>${mark}</li></ol>') WHERE post_slug = ?1`).bind(slug).run()
      expect(discussion((await view(`/posts/${slug}`)).html)).toContain(`<li>${mark}</li>`)
    }
  })

  it('stores each page of threads apart, and a page past the last one is still a 404', async () => {
    const slug = 'discussion-paged'
    for (const body of ['One.', 'Two.', 'Three.']) await insertComment(env.DB, newComment({ postSlug: slug, body }))
    const page2 = await view(`/posts/${slug}?page=2`)
    expect(page2.status).toBe(200)
    expect(discussion(page2.html)).toContain('Three.')
    await view(`/posts/${slug}`)
    expect((await storedRows(slug)).map((row) => [row.page, row.comment_count, row.page_count])).toEqual([[1, 3, 2], [2, 3, 2]])
    await markStored(slug)
    expect(discussion((await view(`/posts/${slug}?page=2`)).html)).toContain('Three.<')
    expect(discussion((await view(`/posts/${slug}?page=2`)).html)).toContain('<li>from the stored row</li>')
    expect((await view(`/posts/${slug}?page=3`)).status).toBe(404)
  })

  it('does the same for the discussion of a page', async () => {
    await insertComment(env.DB, newComment({ postSlug: 'guest-book', body: 'Signed.' }))
    const first = await view('/guest-book')
    expect(first.status).toBe(200)
    expect((await storedRows('guest-book'))[0]?.html).toContain('Signed.')
    await markStored('guest-book')
    expect(discussion((await view('/guest-book')).html)).toContain('<li>from the stored row</li>')
  })
})

describe('every change of a comment makes the next view show it', () => {
  it('a comment approved: by the store, as moderation does', async () => {
    const slug = 'discussion-approve'
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'Already there.' }))
    const held = await insertComment(env.DB, newComment({ postSlug: slug, body: 'Waiting for the author.', status: 'pending' }))
    expect(discussion((await view(`/posts/${slug}`)).html)).not.toContain('Waiting for the author.')
    await markStored(slug)
    await setStatus(env.DB, held.comment.id, 'approved')
    const after = discussion((await view(`/posts/${slug}`)).html)
    expect(after).toContain('Waiting for the author.')
    expect(after).not.toContain('from the stored row')
    expect((await storedRows(slug))[0]).toMatchObject({ version: await threadVersion(slug), comment_count: 2 })
  })

  it('a comment edited', async () => {
    const slug = 'discussion-edit'
    const { comment } = await insertComment(env.DB, newComment({ postSlug: slug, body: 'Before the edit.' }))
    await view(`/posts/${slug}`)
    await updateBody(env.DB, comment.id, { body: 'After the edit.', html: renderComment('After the edit.'), version: COMMENT_RENDER_VERSION })
    const after = discussion((await view(`/posts/${slug}`)).html)
    expect(after).toContain('After the edit.')
    expect(after).not.toContain('Before the edit.')
  })

  it('a comment deleted under a reply: the placeholder takes its place', async () => {
    const slug = 'discussion-delete'
    const parent = await insertComment(env.DB, newComment({ postSlug: slug, body: 'To be deleted.' }))
    await insertComment(env.DB, newComment({ postSlug: slug, parentId: parent.comment.id, body: 'The reply stays.' }))
    await view(`/posts/${slug}`)
    await setStatus(env.DB, parent.comment.id, 'deleted')
    const after = discussion((await view(`/posts/${slug}`)).html)
    expect(after).not.toContain('To be deleted.')
    expect(after).toContain('class="comment-deleted"')
    expect(after).toContain('The reply stays.')
  })

  it('moderation through the admin API (spam, then a row removed by SQL)', async () => {
    const slug = 'discussion-admin'
    const { comment } = await insertComment(env.DB, newComment({ postSlug: slug, body: 'Buy cheap watches.' }))
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'A real comment.' }))
    expect(discussion((await view(`/posts/${slug}`)).html)).toContain('Buy cheap watches.')
    const res = await adminApi(`https://stored-discussions.test/api/admin/comments/${comment.id}`, { method: 'PATCH', body: { status: 'spam' } })
    expect(res.status).toBe(200)
    expect(discussion((await view(`/posts/${slug}`)).html)).not.toContain('Buy cheap watches.')
    // A delete by hand (the author's SQL console, a restore): the triggers see it too.
    await env.DB.prepare('DELETE FROM comments WHERE post_slug = ?1 AND body = ?2').bind(slug, 'A real comment.').run()
    expect(discussion((await view(`/posts/${slug}`)).html)).not.toContain('A real comment.')
  })

  it('a commenter’s data erased: their name is replaced on the next view', async () => {
    const slug = 'discussion-erase'
    await insertComment(env.DB, newComment({ postSlug: slug, authorName: 'Zoé Forgotten', authorEmail: 'zoe@example.com' }))
    expect(discussion((await view(`/posts/${slug}`)).html)).toContain('Zoé Forgotten')
    const res = await adminApi('https://stored-discussions.test/api/admin/commenters/erase', { method: 'POST', body: { email: 'zoe@example.com', keepText: true } })
    expect(res.status).toBe(200)
    expect(discussion((await view(`/posts/${slug}`)).html)).not.toContain('Zoé Forgotten')
  })
})

describe('what a stored page is not used for', () => {
  it('the poster’s own page (`?edit=`): rendered with their edit link, and not stored', async () => {
    const slug = 'discussion-editlink'
    const { comment } = await insertComment(env.DB, newComment({ postSlug: slug, body: 'Mine.', createdAt: Date.now() }))
    await view(`/posts/${slug}`)
    await markStored(slug)
    const before = (await storedRows(slug))[0]!.html
    const token = await editToken(env.SIGNING_KEY, comment)
    const own = discussion((await view(`/posts/${slug}?edit=${comment.id}.${encodeURIComponent(token)}`)).html)
    expect(own).toContain(`/posts/${slug}/comments/${comment.id}/edit?t=`)
    expect(own).not.toContain('from the stored row')
    expect((await storedRows(slug))[0]!.html).toBe(before)
  })

  it('a page stored for another view (another language, another Worker’s renderer) is rendered again, and replaced', async () => {
    const slug = 'discussion-relang'
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'Bonjour.' }))
    await view(`/posts/${slug}`)
    const key = (await storedRows(slug))[0]!.view_key
    await env.DB.prepare(`UPDATE discussion_pages SET view_key = 'another view', html = '<ol class="thread"><li>stale</li></ol>' WHERE post_slug = ?1`).bind(slug).run()
    const again = discussion((await view(`/posts/${slug}`)).html)
    expect(again).toContain('Bonjour.')
    expect(again).not.toContain('stale')
    expect((await storedRows(slug))[0]!.view_key).toBe(key)
  })

  it('a render from rows older than the thread’s current version is never stored', async () => {
    const slug = 'discussion-race'
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'First.' }))
    const version = await threadVersion(slug)
    await insertComment(env.DB, newComment({ postSlug: slug, body: 'Written meanwhile.' }))
    const stored = await storeDiscussion(env.DB, slug, 1, version, 'a view', { count: 1, pageCount: 1, html: '<ol class="thread">old</ol>' })
    expect(stored).toBe(false)
    expect(await storedRows(slug)).toEqual([])
    expect(discussion((await view(`/posts/${slug}`)).html)).toContain('Written meanwhile.')
  })
})

describe('the triggers raise the thread’s version on every write to comments', () => {
  it('insert, update of any column, delete; moving a comment raises both threads', async () => {
    const slug = 'trigger-thread'
    const v0 = await threadVersion(slug)
    const { comment } = await insertComment(env.DB, newComment({ postSlug: slug, status: 'pending' }))
    const v1 = await threadVersion(slug)
    expect(v1).toBeGreaterThan(v0)
    await env.DB.prepare('UPDATE comments SET notify = ?2 WHERE id = ?1').bind(comment.id, 'replies').run()
    const v2 = await threadVersion(slug)
    expect(v2).toBeGreaterThan(v1)
    const other = 'trigger-other-thread'
    const o0 = await threadVersion(other)
    await env.DB.prepare('UPDATE comments SET post_slug = ?2 WHERE id = ?1').bind(comment.id, other).run()
    expect(await threadVersion(slug)).toBeGreaterThan(v2)
    expect(await threadVersion(other)).toBeGreaterThan(o0)
    const o1 = await threadVersion(other)
    await env.DB.prepare('DELETE FROM comments WHERE id = ?1').bind(comment.id).run()
    expect(await threadVersion(other)).toBeGreaterThan(o1)
  })
})
