import { waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../src/app'
import { describe, expect, it } from 'vitest'
import type { SiteConfig } from '../../src/content/types'
import { DEFAULT_SITE } from '../../src/content/site-defaults'
import { getComment } from '../../src/comments/store'
import { cacheKey } from '../../src/cache/keys'
import { pathsForTag } from '../../src/urls'
import { adminApi, signIn } from '../fixtures/admin'
import { seedContent, seedPages } from '../fixtures/content'
import { withFakeWorkersCache } from '../fixtures/workers-cache'
import { expectErrorsLogged } from '../fixtures/logged-errors'
import { brokenDb, comment, commentIdOf, discussionOf, fetchWith, get, origin, postForm, postJson, shownIds, yesterday } from './comments-http'
import { mailTo, postComment, send } from './notify-support'

/**
 * The discussion of a page with `comments: true`, at the page's own address (`/<slug>`,
 * `/<slug>/comments…`), with everything a post's has; and pages without it, which take none.
 */

let pages = 0
/** Seeds a post, a page that takes comments (its slug returned), one that does not and a draft that would. */
async function seedSite(comments: Partial<SiteConfig['comments']> = {}, site: Partial<SiteConfig> = {}) {
  const slug = `guestbook-${++pages}`
  const index = await seedContent(env.CONTENT, [{ slug: `a-post-${pages}`, title: 'A post', date: yesterday() }], {
    author: 'Ana Autora',
    ...site,
    comments: { ...DEFAULT_SITE.comments, moderation: 'all', ...comments },
  })
  const seeded = await seedPages(env.CONTENT, index, [
    { slug, title: 'Guestbook', comments: true, markdown: 'Sign here.' },
    { slug: `about-${pages}`, title: 'About', markdown: 'Who I am.' },
    { slug: `wip-${pages}`, title: 'Draft page', draft: true, comments: true },
  ])
  return { slug, about: `about-${pages}`, wip: `wip-${pages}`, index: seeded }
}

/** Posts through the form; answers the redirect's location. */
async function postTo(base: string, slug: string, fields: Record<string, string> = {}): Promise<string> {
  const res = await postForm(`${base}/${slug}/comments`, comment(fields))
  expect(res.status, await res.clone().text()).toBe(303)
  return res.headers.get('Location')!
}

describe('a page with comments: true', () => {
  it('shows its thread and the form under the page, cached under the page’s tag and purged by a new comment', async () => {
    const base = origin('page-thread')
    const { slug, index } = await seedSite()
    const first = await get(`${base}/${slug}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('Cache-Tag')).toBe(`page:${slug}`)
    const html = await first.text()
    expect(html).toContain('<p>Sign here.</p>')
    expect(discussionOf(html)).toContain(`<form id="comment-form" class="comment-form" method="post" action="/${slug}/comments"`)
    expect(discussionOf(html)).toContain(`<a href="/${slug}/comments.xml" type="application/atom+xml">`)
    expect((await get(`${base}/${slug}`)).headers.get('X-Cache')).toBe('HIT')

    const location = await postTo(base, slug, { author: 'Léa' })
    expect(location).toMatch(new RegExp(`^/${slug}\\?edit=(\\d+)\\.[\\w.-]+#comment-\\1$`))
    const id = commentIdOf(location)
    expect((await getComment(env.DB, id))?.postSlug).toBe(slug)
    const after = await get(`${base}/${slug}`)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    const thread = discussionOf(await after.text())
    expect(shownIds(thread)).toEqual([id])
    expect(thread).toContain(`<a href="/${slug}/comments/${id}/reply#comment-form" rel="nofollow"`)
    // The Cache API purge of the page's tag reaches the page, its discussion pages, feed and JSON.
    const covered = pathsForTag(`page:${slug}`, index).map((p) => cacheKey(new URL(p, base)))
    for (const path of [`/${slug}`, `/${slug}?page=2`, `/${slug}/comments.xml`, `/api/${slug}/comments`]) {
      expect(covered, path).toContain(cacheKey(new URL(path, base)))
    }
  })

  it('asks Workers Cache to purge the page’s tag and the lists’ when a comment on it is public', async () => {
    const base = origin('page-workers-cache')
    const { slug } = await seedSite()
    const { ctx, purged } = withFakeWorkersCache()
    const req = new Request(`${base}/${slug}/comments`, { method: 'POST', body: new URLSearchParams(comment()), redirect: 'manual' })
    expect((await app.fetch(req, env, ctx)).status).toBe(303)
    await waitOnExecutionContext(ctx)
    expect(purged).toEqual([[`page:${slug}`, 'list']])
  })

  it('answers the permalink, the reply page and a reply, pages its discussion, and the API', async () => {
    const base = origin('page-links')
    const { slug } = await seedSite({ threadsPerPage: 1 })
    const a = commentIdOf(await postTo(base, slug, { author: 'A' }))
    const b = commentIdOf(await postTo(base, slug, { author: 'B' }))
    const permalink = await get(`${base}/${slug}/comments/${a}`)
    expect(permalink.status).toBe(303)
    expect(permalink.headers.get('Location')).toBe(`/${slug}#comment-${a}`)
    expect((await get(`${base}/${slug}/comments/${b}`)).headers.get('Location')).toBe(`/${slug}?page=2#comment-${b}`)
    expect(shownIds(discussionOf(await (await get(`${base}/${slug}?page=2`)).text()))).toEqual([b])
    expect((await get(`${base}/${slug}?page=1`)).headers.get('Location')).toBe(`/${slug}`)
    expect((await get(`${base}/${slug}?page=3`)).status).toBe(404)

    const reply = await get(`${base}/${slug}/comments/${a}/reply`)
    expect(reply.status).toBe(200)
    const replyHtml = await reply.text()
    expect(replyHtml).toContain(`<a href="/${slug}">Guestbook</a>`)
    expect(replyHtml).toContain(`<input type="hidden" name="parent_id" value="${a}"/>`)
    const child = commentIdOf(await postTo(base, slug, { author: 'C', parent_id: String(a) }))

    const created = await postJson(`${base}/api/${slug}/comments`, { author: 'Api', body: 'Through JSON' })
    expect(created.status).toBe(201)
    const api = await get(`${base}/api/${slug}/comments`)
    expect(api.headers.get('Cache-Tag')).toBe(`page:${slug}`)
    const { comments } = (await api.json()) as { comments: { id: number; replies: { id: number }[] }[] }
    expect(comments.map((c) => c.id)).toEqual([a, b, ((await created.json()) as { comment: { id: number } }).comment.id])
    expect(comments[0]!.replies.map((r) => r.id)).toEqual([child])
    const preview = await postJson(`${base}/api/${slug}/comments/preview`, { author: 'P', body: '*hi*' })
    expect(await preview.json()).toEqual({ html: '<p><em>hi</em></p>\n' })
  })

  it('previews without JavaScript and sends a refused form back with a link to the page, storing nothing', async () => {
    const base = origin('page-preview')
    const { slug } = await seedSite()
    const preview = await postForm(`${base}/${slug}/comments`, { author: 'P', body: '*Shown first*', preview: '' })
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('<p><em>Shown first</em></p>')
    expect(html).toContain(`action="/${slug}/comments"`)
    const refused = await postForm(`${base}/${slug}/comments`, { author: '', body: 'No name' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain(`<a href="/${slug}">Guestbook</a>`)
    const { results } = await env.DB.prepare('SELECT id FROM comments WHERE post_slug = ?1').bind(slug).all()
    expect(results).toEqual([])
  })

  it('lets the poster edit and delete through the page’s own addresses', async () => {
    const base = origin('page-edit')
    const { slug } = await seedSite()
    const location = await postTo(base, slug, { body: 'Frist' })
    const id = commentIdOf(location)
    const edit = new URL(base + location).searchParams.get('edit')!
    const token = edit.slice(edit.indexOf('.') + 1)
    const form = await get(`${base}/${slug}/comments/${id}/edit?t=${encodeURIComponent(token)}`)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain(`action="/${slug}/comments/${id}/edit"`)
    const saved = await postForm(`${base}/${slug}/comments/${id}/edit`, { t: token, body: 'First' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('Location')).toMatch(new RegExp(`^/${slug}\\?edit=${id}\\.`))
    expect(await (await get(`${base}/${slug}`)).text()).toContain('<p>First</p>')
    const deleted = await postForm(`${base}/${slug}/comments/${id}/delete`, { t: token })
    expect(deleted.status).toBe(200)
    expect((await getComment(env.DB, id))?.status).toBe('deleted')
    expect(shownIds(await (await get(`${base}/${slug}`)).text())).toEqual([])
  })

  it('holds a comment for moderation, shows it once approved in /admin, with the page’s title and link', async () => {
    const base = origin('page-moderation')
    const { slug } = await seedSite({ moderation: 'hold' })
    const location = await postTo(base, slug, { author: 'Held Hana' })
    expect(location).toMatch(new RegExp(`^/${slug}/comments/\\d+\\?t=`))
    const held = await get(base + location)
    expect(await held.text()).toContain(`<a href="/${slug}">Guestbook</a>`)
    const id = commentIdOf(location)
    expect(shownIds(await (await get(`${base}/${slug}`)).text())).toEqual([])
    const dashboard = await (await get(`${base}/admin`, { Cookie: await signIn(base) })).text()
    expect(dashboard).toContain(`<span>on <a href="/${slug}">Guestbook</a></span>`)
    const approved = await adminApi(`${base}/api/admin/comments/${id}`, { method: 'PATCH', body: { status: 'approved' } })
    expect(approved.status).toBe(200)
    expect(shownIds(await (await get(`${base}/${slug}`)).text())).toEqual([id])
    const recent = await (await get(`${base}/admin`, { Cookie: await signIn(base) })).text()
    expect(recent).toContain(`<a href="/${slug}/comments/${id}">`)
    const byAuthor = await adminApi(`${base}/api/admin/posts/${slug}/comments`, { method: 'POST', body: { body: 'Thanks!', parentId: id } })
    expect(byAuthor.status).toBe(201)
  })

  it('sends notification emails whose links and titles are the page’s', async () => {
    const base = origin('page-mail')
    const { slug } = await seedSite({}, { email: { from: 'Blog <blog@blog.example>', author: 'me@blog.example' } })
    const id = await postComment(`${base}/${slug}/comments`, { author: 'Léa' })
    const [mail] = await mailTo('me@blog.example')
    expect(mail!.subject).toBe('New comment by Léa on “Guestbook”')
    expect(mail!.text).toContain(`https://blog.example/${slug}/comments/${id}`)
    expect(mail!.text).not.toContain('/posts/')
  })

  it('has a comment feed at /<slug>/comments.xml, and its comments in the site-wide feed', async () => {
    const base = origin('page-feed')
    const { slug } = await seedSite()
    const id = commentIdOf(await postTo(base, slug, { author: 'Feedy' }))
    const feed = await get(`${base}/${slug}/comments.xml`)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('Cache-Tag')).toBe(`page:${slug}`)
    const xml = await feed.text()
    expect(xml).toContain(`<id>https://blog.example/${slug}/comments/${id}</id>`)
    expect(xml).toContain(`href="https://blog.example/${slug}#comments"`)
    expect(await (await send(new Request(`${base}/comments.xml`))).text()).toContain(`https://blog.example/${slug}/comments/${id}`)
  })
})

describe('pages without comments: true', () => {
  it('show no form and refuse comments at every address, drafts included; /posts/<page-slug> is no thread', async () => {
    const base = origin('page-none')
    const { slug, about, wip } = await seedSite()
    const page = await (await get(`${base}/${about}`)).text()
    expect(page).not.toContain('id="comments"')
    expect(page).not.toContain('<form id="comment-form"')
    expect((await get(`${base}/${about}?page=2`)).headers.get('Location')).toBe(`/${about}`)
    for (const target of [about, wip]) {
      expect((await postForm(`${base}/${target}/comments`, comment())).status, target).toBe(404)
      const api = await postJson(`${base}/api/${target}/comments`, { author: 'X', body: 'Y' })
      expect(api.status, target).toBe(404)
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found')
      expect((await get(`${base}/${target}/comments.xml`)).status, target).toBe(404)
    }
    expect((await get(`${base}/${wip}`)).status).toBe(404)
    expect((await postForm(`${base}/posts/${slug}/comments`, comment())).status).toBe(404)
    expect((await postForm(`${base}/no-such-page/comments`, comment())).status).toBe(404)
    const { results } = await env.DB.prepare('SELECT id FROM comments WHERE post_slug IN (?1, ?2)').bind(about, wip).all()
    expect(results).toEqual([])
  })
})

describe('a page’s discussion when D1 fails', () => {
  expectErrorsLogged(/D1_ERROR/)

  it('still shows the page (200) with a note and the form, uncached, and answers a comment with 503 and its text kept', async () => {
    const base = origin()
    const { slug } = await seedSite()
    const page = await fetchWith(new Request(`${base}/${slug}`), { DB: brokenDb })
    expect(page.status).toBe(200)
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('Sign here.')
    expect(discussionOf(html)).toContain('Comments cannot be shown right now.')
    expect(html).toContain('<form id="comment-form"')
    const posted = await fetchWith(
      new Request(`${base}/${slug}/comments`, { method: 'POST', body: new URLSearchParams(comment({ body: 'Kept through the outage' })), redirect: 'manual' }),
      { DB: brokenDb },
    )
    expect(posted.status).toBe(503)
    expect(await posted.text()).toContain('\nKept through the outage</textarea>')
    expect((await get(`${base}/${slug}`)).headers.get('X-Cache')).toBe('MISS')
  })
})
