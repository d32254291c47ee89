import { Hono, type Context } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, postTag, tagPageTag } from '../cache/tags'
import { asOf, secondsUntilClosing } from '../comments/closing'
import { countApproved } from '../comments/store'
import { tagSlug } from '../content/slug'
import { postHost } from '../content/discussion-host'
import { findPost, getPost, isPublic, listPublicPosts, secondsUntilNextPost } from '../content/store'
import { postSurroundings } from '../content/surroundings'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead } from '../errors'
import { FAVICON_PATH, listPath, postPath, tagPath } from '../urls'
import { renderHomePage, renderPostPage, renderTagPage } from '../views/render'
import { htmlBytes, postPageBytes, publicDiscussion } from './post-page'
import { parsePage, publicReads } from './thread-read'

/**
 * The reading side: the post list and its pages, posts, tags. Only public posts are listed;
 * a draft or a scheduled post is a 404, except that with `DRAFTS = "preview"` its own page
 * shows it (never cached). Lists cap their edge lifetime at the next scheduled post.
 */
export const pages = new Hono<AppEnv>()

pages.get('/favicon.ico', (c) => c.redirect(FAVICON_PATH, 301))

pages.get('/', (c) => listPage(c, 1))

pages.get('/page/:n{[0-9]+}', (c) => {
  const param = c.req.param('n')
  const page = Number(param)
  if (page === 0) return c.notFound()
  if (page === 1 || param !== String(page)) return c.redirect(listPath(page), 301)
  return listPage(c, page)
})

/**
 * A post and one page of its discussion (`?page=<n>`), the thread read from D1 beside the body
 * from KV. Cached unless D1 failed (the page then says comments are unavailable, and heals on
 * the next request) or it carries the poster's edit link.
 */
pages.get('/posts/:slug', async (c) => {
  const index = c.get('index')
  const now = new Date()
  const found = findPost(index, c.req.param('slug').normalize('NFC'))
  if (!found) return c.notFound()
  const meta = asOf(found, index.site, now)
  const preview = !isPublic(meta, now)
  if (preview && c.env.DRAFTS !== 'preview') return c.notFound()
  const page = parsePage(c.req.query('page'))
  if (page === null) return c.notFound()
  if (c.req.query('page') === '1') return c.redirect(postPath(meta.slug), 301)
  if (preview) {
    const post = await getPost(c.env.CONTENT, meta, c.get('postCopy'))
    return post && page === 1 ? c.html(renderPostPage(index.site, post, { preview, around: postSurroundings(index, meta, now) })) : c.notFound()
  }
  const around = postSurroundings(index, meta, now)
  const [post, { shown, edit }] = await Promise.all([getPost(c.env.CONTENT, meta, c.get('postCopy')), publicDiscussion(c, postHost(meta), page)])
  if (!post || shown === 'past-end') return c.notFound()
  const bytes = postPageBytes(c, { post, thread: shown, page, around })
  if (bytes === null) return c.notFound()
  // An open discussion's page leaves the edge when it closes, so no copy shows the form after,
  // and when the next scheduled post appears if this page links to it.
  const lifetimes = [secondsUntilClosing(meta, index.site, now), around.waitsForSchedule ? secondsUntilNextPost(index, now) : undefined]
  const maxAge = lifetimes.filter((seconds) => seconds !== undefined).sort((a, b) => a - b)[0]
  if (shown && !edit) cacheFor(c, [postTag(meta.slug)], maxAge)
  return htmlBytes(c, bytes)
})

pages.get('/tags/:tag', (c) => {
  const index = c.get('index')
  const now = new Date()
  const param = c.req.param('tag').normalize('NFC')
  const slug = tagSlug(param)
  const posts = listPublicPosts(index, now).filter((post) => post.tags.some((tag) => tagSlug(tag) === slug))
  const tag = posts[0]?.tags.find((t) => tagSlug(t) === slug)
  if (!tag) return c.notFound()
  if (param !== slug) return c.redirect(tagPath(tag), 301)
  cacheFor(c, [tagPageTag(slug)], secondsUntilNextPost(index, now))
  return c.html(renderTagPage(index.site, tag, posts))
})

async function listPage(c: Context<AppEnv>, page: number) {
  const index = c.get('index')
  const now = new Date()
  const posts = listPublicPosts(index, now)
  const perPage = Math.max(1, index.site.postsPerPage)
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage))
  if (page > totalPages) return c.notFound()
  const shown = posts.slice((page - 1) * perPage, page * perPage)
  const counts = await tryRead('counting comments', () => countApproved(publicReads(c.env.DB), shown.map((post) => post.slug)))
  const commentCounts = counts === READ_FAILED ? undefined : counts
  // Without the counts the list is still shown, but not cached, so the next reader gets them.
  if (commentCounts) cacheFor(c, [LIST_TAG], secondsUntilNextPost(index, now))
  return c.html(renderHomePage({ site: index.site, posts: shown, page, totalPages, commentCounts }))
}
