import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { getComment, insertComment } from '../../src/comments/store'
import type { CommentStatus } from '../../src/comments/types'
import { get, postForm, signIn, uniqueOrigin } from '../fixtures/admin'
import { newComment } from '../fixtures/comments/new-comment'
import { seedContent, seedPages } from '../fixtures/content'

const SLUG = 'admin-pages-post'
const DAY = 86_400_000

/** The posts and pages these tests read: one public post, a draft, a scheduled post, a page and a draft page. */
async function seedSite(site: Parameters<typeof seedContent>[2] = {}) {
  const index = await seedContent(env.CONTENT, [
    { slug: SLUG, title: 'A post with comments' },
    { slug: 'brouillon-secret', title: 'Un brouillon', draft: true },
    { slug: 'next-week', title: 'Next week’s post', date: new Date(Date.now() + 7 * DAY).toISOString() },
  ], site)
  await seedPages(env.CONTENT, index, [
    { slug: 'a-public-page', title: 'A public page', menu: 1 },
    { slug: 'unfinished-page', title: 'An unfinished page', draft: true },
  ])
}

beforeAll(() => seedSite())

const stored = async (status: CommentStatus, authorName = 'Reader') =>
  (await insertComment(env.DB, newComment({ postSlug: SLUG, status, authorName }))).comment
const statusOf = async (id: number) => (await getComment(env.DB, id))?.status

describe('links between the admin pages', () => {
  for (const [path, current] of [['/admin', '/admin'], ['/admin/mailbox', '/admin/mailbox'], ['/admin/notifications', '/admin/notifications'], ['/admin/drafts', '/admin/drafts'], ['/admin/bans', '/admin/bans'], ['/admin/commenters', '/admin/commenters']]) {
    it(`${path} links to every admin page and marks itself as current`, async () => {
      const origin = uniqueOrigin('nav')
      const html = await (await get(`${origin}${path}`, { Cookie: await signIn(origin) })).text()
      const nav = /<nav class="admin-nav" aria-label="Admin pages">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
      expect([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/admin', '/admin#recent-title', '/admin/notifications', '/admin/mailbox', '/admin/drafts', '/admin/bans', '/admin/commenters'])
      expect(nav).toContain(`<a href="${current}" aria-current="page">`)
      expect(nav.match(/aria-current/g)).toHaveLength(1)
    })
  }

  it('is not shown to someone who is not signed in', async () => {
    const html = await (await get(`${uniqueOrigin('nav')}/admin`)).text()
    expect(html).not.toContain('admin-nav')
  })
})

describe('destructive and bulk actions ask first', () => {
  it('styles spam and delete as dangerous and sends them, and every bulk action, to the confirmation step', async () => {
    const origin = uniqueOrigin('confirm')
    const comment = await stored('pending', 'Danger Dan')
    const html = await (await get(`${origin}/admin`, { Cookie: await signIn(origin) })).text()
    const item = html.slice(html.indexOf(`value="${comment.id}" form="bulk"`))
    expect(item).toMatch(/<button type="submit" name="action" value="approve">Approve<\/button>/)
    expect(item).toMatch(/<button type="submit" name="action" value="spam" class="danger" formaction="\/admin\/comments\/confirm">Spam<\/button>/)
    expect(item).toMatch(/<button type="submit" name="action" value="delete" class="danger" formaction="\/admin\/comments\/confirm">Delete<\/button>/)
    const bulk = /<form id="bulk"[\s\S]*?<\/form>/.exec(html)?.[0] ?? ''
    expect(bulk.match(/formaction="\/admin\/comments\/confirm"/g)).toHaveLength(3)
  })

  it('shows "Delete this comment?" and changes nothing until its own button is pressed', async () => {
    const origin = uniqueOrigin('confirm')
    const cookie = await signIn(origin)
    const comment = await stored('pending', 'Doomed Dora')
    const page = await postForm(`${origin}/admin/comments/confirm`, { action: 'delete', id: String(comment.id) }, { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toContain('no-store')
    const html = await page.text()
    expect(html).toContain('<h1>Delete this comment?</h1>')
    expect(html).toContain('Doomed Dora')
    expect(await statusOf(comment.id)).toBe('pending')
    const form = /<form class="confirm actions" method="post" action="\/admin\/comments">([\s\S]*?)<\/form>/.exec(html)?.[1] ?? ''
    expect(form).toContain(`<input type="hidden" name="id" value="${comment.id}"/>`)
    expect(form).toContain('<button type="submit" name="action" value="delete" class="danger">Delete</button>')
    expect(form).toContain('<a href="/admin">Cancel</a>')

    const done = await postForm(`${origin}/admin/comments`, { action: 'delete', id: String(comment.id) }, { Cookie: cookie })
    expect(done.status).toBe(303)
    expect(await statusOf(comment.id)).toBe('deleted')
  })

  it('counts the comments of a bulk action, and works as a GET link too', async () => {
    const origin = uniqueOrigin('confirm')
    const cookie = await signIn(origin)
    const [a, b] = [await stored('pending'), await stored('pending')]
    const posted = await (await postForm(`${origin}/admin/comments/confirm`, { action: 'spam', id: [String(a.id), String(b.id)] }, { Cookie: cookie })).text()
    expect(posted).toContain('<h1>Mark these 2 comments as spam?</h1>')
    const linked = await (await get(`${origin}/admin/comments/confirm?action=approve&id=${a.id}&id=${b.id}`, { Cookie: cookie })).text()
    expect(linked).toContain('<h1>Approve these 2 comments?</h1>')
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['pending', 'pending'])
  })

  it('speaks French on a French site', async () => {
    const origin = uniqueOrigin('confirm')
    const index = await seedContent(env.CONTENT, [{ slug: SLUG, title: 'Un billet' }], { language: 'fr' })
    try {
      const comment = await stored('pending')
      const html = await (await postForm(`${origin}/admin/comments/confirm`, { action: 'delete', id: String(comment.id) }, { Cookie: await signIn(origin) })).text()
      expect(html).toContain('<h1>Supprimer ce commentaire\u00a0?</h1>')
      expect(html).toContain('>Annuler</a>')
    } finally {
      await seedSite({ ...index.site, language: 'en' })
    }
  })

  it('refuses a form from another origin, a stranger, and a form that is not ours', async () => {
    const origin = uniqueOrigin('confirm')
    const cookie = await signIn(origin)
    const comment = await stored('pending')
    const foreign = await postForm(`${origin}/admin/comments/confirm`, { action: 'delete', id: String(comment.id) }, { Cookie: cookie, Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await postForm(`${origin}/admin/comments/confirm`, { action: 'delete', id: String(comment.id) })).status).toBe(401)
    expect((await postForm(`${origin}/admin/comments/confirm`, { action: 'burn', id: String(comment.id) }, { Cookie: cookie })).status).toBe(400)
    const none = await postForm(`${origin}/admin/comments/confirm`, { action: 'delete' }, { Cookie: cookie })
    expect([none.status, none.headers.get('Location')]).toEqual([303, '/admin?done=none'])
    expect(await statusOf(comment.id)).toBe('pending')
  })
})

describe('/admin/drafts', () => {
  it('lists drafts and scheduled posts, not published ones, with preview links when previews are on', async () => {
    const origin = uniqueOrigin('drafts')
    const cookie = await signIn(origin)
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin}/admin/drafts`, { headers: { Cookie: cookie } }), { ...env, DRAFTS: 'preview' }, ctx)
    await waitOnExecutionContext(ctx)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('<strong>Un brouillon</strong><span class="status status-pending">Draft</span>')
    expect(html).toMatch(/<strong>Next week’s post<\/strong><span class="status status-approved">Scheduled for [^<]+<\/span>/)
    expect(html).toContain('<a href="/posts/brouillon-secret">Preview: Un brouillon</a>')
    expect(html).toContain('<a href="/posts/next-week">Preview: Next week’s post</a>')
    expect(html).not.toContain('A post with comments')
    expect(html).not.toContain('Previews are off')
  })

  it('lists the draft pages after the posts, with their preview link, and no published page', async () => {
    const origin = uniqueOrigin('drafts')
    const ctx = createExecutionContext()
    const res = await app.fetch(new Request(`${origin}/admin/drafts`, { headers: { Cookie: await signIn(origin) } }), { ...env, DRAFTS: 'preview' }, ctx)
    await waitOnExecutionContext(ctx)
    const pages = (await res.text()).split('<h2>Draft pages</h2>')[1] ?? ''
    expect(pages).toContain('<strong>An unfinished page</strong><span class="status status-pending">Draft</span><code>unfinished-page</code>')
    expect(pages).toContain('<a href="/unfinished-page">Preview: An unfinished page</a>')
    expect(pages).not.toContain('A public page')
  })

  it('says previews are off, and links to none, where DRAFTS is "hide"', async () => {
    const origin = uniqueOrigin('drafts')
    const html = await (await get(`${origin}/admin/drafts`, { Cookie: await signIn(origin) })).text()
    expect(html).toContain('Previews are off here')
    expect(html).not.toContain('href="/posts/next-week"')
    expect(html).toContain('An unfinished page')
    expect(html).not.toContain('href="/unfinished-page"')
  })

  it('is for the author only', async () => {
    expect((await get(`${uniqueOrigin('drafts')}/admin/drafts`)).status).toBe(401)
  })
})
