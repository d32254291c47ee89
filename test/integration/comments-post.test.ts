import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import {
  comment, commentIdOf, depthOf, discussionOf, get, origin, postForm, seedPost, shownIds,
} from './comments-http'

/** Posts a comment through the form and returns its id. */
async function post(base: string, slug: string, fields: Record<string, string> = {}): Promise<number> {
  const res = await postForm(`${base}/posts/${slug}/comments`, comment(fields))
  expect(res.status, await res.clone().text()).toBe(303)
  return commentIdOf(res.headers.get('Location'))
}

describe('posting a comment through the form', () => {
  it('answers 303 to the comment’s anchor, with the poster’s edit link, and shows it on the page', async () => {
    const base = origin()
    const slug = await seedPost('first-comment')
    const res = await postForm(`${base}/posts/${slug}/comments`, { author: 'Léa Martin', body: 'Hello *there*.' })
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(/^\/posts\/first-comment\?edit=(\d+)\.[\w.-]+#comment-\1$/)
    const id = commentIdOf(location)
    const page = await get(base + location)
    expect(page.status).toBe(200)
    // The edit link is the poster's alone: that response is never cached.
    expect(page.headers.get('Cache-Control')).toBe('no-store')
    const html = discussionOf(await page.text())
    expect(html).toContain('<h2 id="comments-title">1 comment</h2>')
    expect(html).toContain(`<li id="comment-${id}" class="comment">`)
    expect(html).toContain('<bdi class="comment-author">Léa Martin</bdi>')
    expect(html).toMatch(new RegExp(`<a class="comment-date" href="#comment-${id}"><time datetime="\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z">`))
    expect(html).toContain('<div class="comment-body" dir="auto"><p>Hello <em>there</em>.</p>')
    expect(html).toContain(`<a href="/posts/first-comment/comments/${id}/reply#comment-form" rel="nofollow" aria-label="Reply to Léa Martin" data-reply="${id}">Reply</a>`)
    expect(html).toMatch(new RegExp(`<a href="/posts/first-comment/comments/${id}/edit\\?t=[\\w.-]+">Edit or delete your comment</a>`))
    const plain = await get(`${base}/posts/${slug}`)
    const cached = await plain.text()
    expect(plain.headers.get('Cache-Control')).toBe('no-cache')
    expect(cached).not.toContain('/edit?t=')
    expect(shownIds(cached)).toEqual([id])
    // The optional script comes from this origin (CSP script-src 'self'); the links work without it.
    expect(cached).toContain('<script src="/comments.js" defer=""></script>')
    expect(html).toContain(`data-reply="${id}"`)
    const script = await get(`${base}/comments.js`)
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toContain('comment-form')
  })

  it('nests replies at every depth up to 5, then shows deeper ones at depth 5 “in reply to” their parent', async () => {
    const base = origin()
    const slug = await seedPost('deep-thread')
    const chain = [await post(base, slug, { author: 'Level 1' })]
    for (let level = 2; level <= 6; level++) {
      chain.push(await post(base, slug, { author: `Level ${level}`, parent_id: String(chain.at(-1)) }))
    }
    const html = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    expect(chain.map((id) => depthOf(html, id))).toEqual([1, 2, 3, 4, 5, 5])
    expect(html).toContain(`<p class="in-reply-to">in reply to <a href="#comment-${chain[4]}"><bdi>Level 5</bdi></a></p>`)
    // The clamped reply follows its parent as a sibling, in time order.
    expect(html).toContain(`</article></li><li id="comment-${chain[5]}"`)
    expect(html.match(/class="in-reply-to"/g)).toHaveLength(1)
  })

  it('shows threads and replies oldest first, and the blog author’s replies with a badge', async () => {
    const base = origin()
    const slug = await seedPost('ordering')
    const a = await post(base, slug, { author: 'A' })
    const b = await post(base, slug, { author: 'B' })
    const a1 = await post(base, slug, { author: 'A1', parent_id: String(a) })
    const a2 = await post(base, slug, { author: 'A2', parent_id: String(a) })
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Ana Autora', parent_id: String(b) }), {
      Authorization: 'Bearer test-admin-token',
    })
    const byAuthor = commentIdOf(res.headers.get('Location'))
    const html = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    expect(shownIds(html)).toEqual([a, a1, a2, b, byAuthor])
    expect(html).toContain(`<li id="comment-${byAuthor}" class="comment by-author">`)
    expect(html.match(/<span class="badge">Author<\/span>/g)).toHaveLength(1)
    expect(html).toContain('<h2 id="comments-title">5 comments</h2>')
  })

  it('pages the top-level threads, links the pages, and sends the permalink to the page that holds the comment', async () => {
    const base = origin()
    const slug = await seedPost('paged', { comments: { threadsPerPage: 2 } })
    const roots = []
    for (let i = 1; i <= 5; i++) roots.push(await post(base, slug, { author: `Root ${i}` }))
    const reply = await post(base, slug, { author: 'Reply', parent_id: String(roots[2]) })
    const first = discussionOf(await (await get(`${base}/posts/${slug}`)).text())
    expect(shownIds(first)).toEqual(roots.slice(0, 2))
    expect(first).toContain('<h2 id="comments-title">6 comments</h2>')
    expect(first).toContain('<a class="older" href="/posts/paged?page=2#comments" rel="next">')
    expect(first).toContain('<span>Page 1 of 3</span>')
    const second = discussionOf(await (await get(`${base}/posts/${slug}?page=2`)).text())
    expect(shownIds(second)).toEqual([roots[2], reply, roots[3]])
    expect(second).toContain('<a class="newer" href="/posts/paged#comments" rel="prev">')
    expect(second).toContain('<a class="older" href="/posts/paged?page=3#comments" rel="next">')
    expect(shownIds(discussionOf(await (await get(`${base}/posts/${slug}?page=3`)).text()))).toEqual([roots[4]])

    const permalink = await get(`${base}/posts/${slug}/comments/${reply}`)
    expect(permalink.status).toBe(303)
    expect(permalink.headers.get('Location')).toBe(`/posts/paged?page=2#comment-${reply}`)
    expect((await get(`${base}/posts/${slug}/comments/${roots[0]}`)).headers.get('Location')).toBe(`/posts/paged#comment-${roots[0]}`)
    // A new comment on a later page lands there.
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ parent_id: String(roots[4]) }))
    expect(res.headers.get('Location')).toMatch(/^\/posts\/paged\?page=3&edit=\d+\.[\w.-]+#comment-\d+$/)
  })

  it('answers 404 past the last page and for a page that is not a number, and 301 for ?page=1', async () => {
    const base = origin()
    const slug = await seedPost('page-bounds')
    await post(base, slug)
    for (const query of ['?page=2', '?page=0', '?page=abc', '?page=01', '?page=-1']) {
      const res = await get(`${base}/posts/${slug}${query}`)
      expect(res.status, query).toBe(404)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    }
    const one = await get(`${base}/posts/${slug}?page=1`)
    expect(one.status).toBe(301)
    expect(one.headers.get('Location')).toBe('/posts/page-bounds')
  })

  it('answers 404 for the permalink of a comment that is unknown, on another post, or not public', async () => {
    const base = origin()
    const slug = await seedPost('permalinks', { comments: { moderation: 'hold' }, others: [{ slug: 'elsewhere', title: 'Elsewhere' }] })
    const held = await postForm(`${base}/posts/${slug}/comments`, comment())
    const heldId = commentIdOf(held.headers.get('Location'))
    for (const path of [`/posts/${slug}/comments/999999`, `/posts/elsewhere/comments/${heldId}`, `/posts/${slug}/comments/${heldId}`, `/posts/${slug}/comments/abc`]) {
      expect((await get(base + path)).status, path).toBe(404)
    }
  })

  it('opens a page to reply from, without JavaScript, with the form under the comment', async () => {
    const base = origin()
    const slug = await seedPost('reply-page', { others: [{ slug: 'other-post', title: 'Other' }] })
    const id = await post(base, slug, { author: 'Bruno', body: 'Answer **me**.' })
    const res = await get(`${base}/posts/${slug}/comments/${id}/reply`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<h1>Reply to Bruno</h1>')
    expect(html).toContain('<p>Answer <strong>me</strong>.</p>')
    expect(html).toContain(`<input type="hidden" name="parent_id" value="${id}"/>`)
    expect(html).toContain('<form id="comment-form" class="comment-form" method="post" action="/posts/reply-page/comments" data-cancel="Write a new comment instead">')
    expect((await get(`${base}/posts/other-post/comments/${id}/reply`)).status).toBe(404)
    expect((await get(`${base}/posts/${slug}/comments/424242/reply`)).status).toBe(404)
  })
})

describe('a post whose comments are closed', () => {
  it('shows its comments and a note instead of the form, and refuses new ones with a 403 page that keeps the text', async () => {
    const base = origin()
    const slug = await seedPost('closing')
    const id = await post(base, slug, { author: 'Early bird' })
    await seedPost('closing', { post: { comments: false } })
    const page = await (await get(`${base}/posts/${slug}`)).text()
    expect(shownIds(page)).toEqual([id])
    expect(page).toContain('<p class="notice">Comments are closed on this post.</p>')
    expect(page).not.toContain('<form id="comment-form"')
    expect(page).not.toContain('/reply#comment-form')
    const res = await postForm(`${base}/posts/${slug}/comments`, comment({ body: 'Too <late> & sorry' }))
    expect(res.status).toBe(403)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<h1>Comments are closed</h1>')
    expect(html).toContain('Too &lt;late&gt; &amp; sorry</textarea>')
    expect((await get(`${base}/posts/${slug}/comments/${id}/reply`)).status).toBe(403)
  })
})

describe('comment counts', () => {
  it('shows each post’s approved comments on the home page', async () => {
    const base = origin()
    await seedPost('counted', { others: [{ slug: 'uncounted', title: 'Uncounted' }] })
    await post(base, 'counted')
    await post(base, 'counted')
    const html = await (await get(`${base}/`)).text()
    expect(html).toContain('<a href="/posts/counted#comments">2 comments</a>')
    expect(html).toContain('<a href="/posts/uncounted#comments">0 comments</a>')
  })

  it('counts in French on a French site', async () => {
    const base = origin()
    await seedPost('compte', { site: { language: 'fr' } })
    await post(base, 'compte')
    const html = await (await get(`${base}/`)).text()
    expect(html).toContain('<a href="/posts/compte#comments">1 commentaire</a>')
    const page = await (await get(`${base}/posts/compte`)).text()
    expect(page).toContain('<h2 id="comments-title">1 commentaire</h2>')
    expect(page).toContain('Publier le commentaire')
  })
})

describe('the comment feed', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (n) => n === 'entry' })

  it('lists approved comments newest first, with RFC 4685 threading and no email, cached under the post’s tag', async () => {
    const base = origin()
    const slug = await seedPost('feed-post', { comments: { moderation: 'first-time' } })
    const admin = { Authorization: 'Bearer test-admin-token' }
    const root = commentIdOf((await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Root <&>', body: 'Root *body*', email: 'root@example.com' }), admin)).headers.get('Location'))
    const reply = commentIdOf((await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Reply', parent_id: String(root) }), admin)).headers.get('Location'))
    await postForm(`${base}/posts/${slug}/comments`, comment({ author: 'Held', body: 'held body' }))
    const res = await get(`${base}/posts/${slug}/comments.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    expect(res.headers.get('Cache-Tag')).toBe(`post:${slug}`)
    const xml = await res.text()
    expect(xml).not.toContain('root@example.com')
    expect(xml).not.toContain('held body')
    const { feed } = parser.parse(xml)
    expect(feed['@xmlns:thr']).toBe('http://purl.org/syndication/thread/1.0')
    expect(feed.title).toBe('Comments on “Post feed-post”')
    const post = 'https://blog.example/posts/feed-post'
    const permalink = (id: number) => `${post}/comments/${id}`
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([permalink(reply), permalink(root)])
    const [first, second] = feed.entry
    expect(first['thr:in-reply-to']).toMatchObject({ '@ref': permalink(root), '@href': permalink(root) })
    expect(second['thr:in-reply-to']).toMatchObject({ '@ref': post, '@href': post })
    expect(second.author.name).toBe('Root <&>')
    expect(second.content).toMatchObject({ '@type': 'html', '#text': '<p>Root <em>body</em></p>' })
  })
})
