import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { loadConfusables } from '../../src/comments/confusables-store'
import { createComment } from '../../src/comments/service'
import { insertComment } from '../../src/comments/store'
import { CommentRejected } from '../../src/errors'
import { adminApi } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { findPost, getIndex } from '../../src/content/store'
import { comment, discussionOf, get, origin, postForm, postJson, seedPost } from './comments-http'

const DAY = 86_400_000
let ips = 0
const ip = () => `2001:db8:c105::${(++ips).toString(16)}`
const daysAgo = (days: number, plusMs = 0) => new Date(Date.now() - days * DAY + plusMs).toISOString()

/** A post of `age` days on a site that closes discussions after 30 days, with one approved comment. */
async function seedAged(slug: string, date: string, post: Record<string, unknown> = {}) {
  await seedPost(slug, { post: { date, ...post }, comments: { closeAfterDays: 30 } })
  const { comment: first } = await insertComment(env.DB, newComment({ postSlug: slug, status: 'approved', body: 'Said before closing' }))
  return first
}

describe('a discussion closed by age', () => {
  it('shows its comments and "Comments are closed" instead of the form', async () => {
    const slug = 'closed-by-age'
    await seedAged(slug, daysAgo(31))
    const discussion = discussionOf(await (await get(`${origin()}/posts/${slug}`)).text())
    expect(discussion).toContain('Said before closing')
    expect(discussion).toContain('<p class="notice">Comments are closed on this post.</p>')
    expect(discussion).not.toContain('<form id="comment-form"')
    expect(discussion).not.toMatch(/\/reply"/)
  })

  it('says so in French on a French post', async () => {
    const slug = 'ferme-par-age'
    await seedAged(slug, daysAgo(31), { lang: 'fr' })
    const discussion = discussionOf(await (await get(`${origin()}/posts/${slug}`)).text())
    expect(discussion).toContain('Les commentaires sont fermés pour ce billet.')
  })

  it('refuses new comments and replies with 403, through the form, the API and the reply page', async () => {
    const slug = 'closed-refuses'
    const first = await seedAged(slug, daysAgo(31))
    const base = origin()
    const form = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Too late' }), { 'CF-Connecting-IP': ip() })
    expect(form.status).toBe(403)
    expect(await form.text()).toContain('Too late')
    const reply = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Late reply', parent_id: String(first.id) }), { 'CF-Connecting-IP': ip() })
    expect(reply.status).toBe(403)
    const api = await postJson(`${base}/api/posts/${slug}/comments`, { author: 'Léa', body: 'Too late' }, { 'CF-Connecting-IP': ip() })
    expect(api.status).toBe(403)
    expect((await api.json<{ error: { code: string; message: string } }>()).error).toMatchObject({ code: 'comments_closed' })
    const page = await get(`${base}/posts/${slug}/comments/${first.id}/reply`)
    expect(page.status).toBe(403)
    expect(await page.text()).toContain('Comments are closed')
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM comments WHERE post_slug = ?1').bind(slug).first<{ n: number }>()
    expect(stored?.n).toBe(1)
  })

  it('still takes the author’s reply from the admin API', async () => {
    const slug = 'closed-author'
    const first = await seedAged(slug, daysAgo(31))
    const res = await adminApi(`${origin()}/api/admin/posts/${slug}/comments`, { method: 'POST', body: { body: 'Closing words', parentId: first.id } })
    expect(res.status).toBe(201)
  })

  it('follows the post’s own closeAfterDays over the site’s', async () => {
    // One index holds both (a seed replaces the whole index).
    const late = { slug: 'closes-late', title: 'Late', date: daysAgo(31), closeAfterDays: 60 }
    await seedPost('closes-early', { post: { date: daysAgo(8), closeAfterDays: 7 }, comments: { closeAfterDays: 30 }, others: [late] })
    const status = async (slug: string) =>
      (await postJson(`${origin()}/api/posts/${slug}/comments`, { author: 'Léa', body: `Hi ${Math.random()}` }, { 'CF-Connecting-IP': ip() })).status
    expect(await status('closes-early')).toBe(403)
    expect(await status('closes-late')).toBe(201)
  })
})

describe('a discussion about to close', () => {
  it('is open, and its page leaves the edge cache when it closes', async () => {
    const slug = 'closing-soon'
    // Closes 100 seconds from now: the edge may keep the page 100 seconds at most, not the site's hour.
    await seedAged(slug, daysAgo(30, 100_000))
    const res = await get(`${origin()}/posts/${slug}`)
    expect(res.status).toBe(200)
    expect(discussionOf(await res.text())).toContain('<form id="comment-form"')
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('CDN-Cache-Control') ?? '')?.[1])
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThanOrEqual(100)
  })

  it('keeps the site’s edge lifetime while closing is further away than it', async () => {
    const slug = 'closing-later'
    await seedAged(slug, daysAgo(10))
    const res = await get(`${origin()}/posts/${slug}`)
    expect(res.headers.get('CDN-Cache-Control')).toContain('max-age=3600,')
  })
})

describe('createComment with a clock of its own', () => {
  it('takes a comment just before the closing instant and refuses one at it', async () => {
    const slug = 'closing-clock'
    await seedPost(slug, { post: { date: '2026-03-01T00:00:00.000Z' }, comments: { closeAfterDays: 30 } })
    const index = await getIndex(env.CONTENT)
    const postMeta = findPost(index, slug)!
    const deps = { db: env.DB, signingKey: env.SIGNING_KEY, confusables: () => loadConfusables(env.CONTENT, index) }
    const input = { author: 'Léa', email: null, body: 'On time', parentId: null, notify: null }
    const closing = Date.parse('2026-03-31T00:00:00.000Z')
    const before = await createComment(deps, input, { host: postMeta, site: index.site, isAdmin: false, now: new Date(closing - 1) })
    expect(before.comment.status).toBe('approved')
    const at = createComment(deps, { ...input, body: 'Late' }, { host: postMeta, site: index.site, isAdmin: false, now: new Date(closing) })
    await expect(at).rejects.toEqual(new CommentRejected('comments_closed'))
  })
})
