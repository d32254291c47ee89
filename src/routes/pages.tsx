import { Hono, type Context } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, postTag, tagPageTag } from '../cache/tags'
import { tagSlug } from '../content/slug'
import { findPost, getPost, isPublic, listPublicPosts, secondsUntilNextPost } from '../content/store'
import type { AppEnv } from '../env'
import { renderHomePage, renderPostPage, renderTagPage } from '../views/render'
import { listPath, tagPath } from '../views/urls'

/**
 * The reading side: the post list and its pages, posts, tags. Only public posts are listed;
 * a draft or a scheduled post is a 404, except that with `DRAFTS = "preview"` its own page
 * shows it (never cached). Lists cap their edge lifetime at the next scheduled post.
 */
export const pages = new Hono<AppEnv>()

pages.get('/favicon.ico', (c) => c.redirect('/media/favicon.svg', 301))

pages.get('/', (c) => listPage(c, 1))

pages.get('/page/:n{[0-9]+}', (c) => {
  const param = c.req.param('n')
  const page = Number(param)
  if (page === 0) return c.notFound()
  if (page === 1 || param !== String(page)) return c.redirect(listPath(page), 301)
  return listPage(c, page)
})

pages.get('/posts/:slug', async (c) => {
  const index = c.get('index')
  const meta = findPost(index, c.req.param('slug').normalize('NFC'))
  if (!meta) return c.notFound()
  const preview = !isPublic(meta, new Date())
  if (preview && c.env.DRAFTS !== 'preview') return c.notFound()
  const post = await getPost(c.env.CONTENT, meta)
  if (!post) return c.notFound()
  if (!preview) cacheFor(c, [postTag(meta.slug)])
  return c.html(renderPostPage(index.site, post, { preview }))
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

function listPage(c: Context<AppEnv>, page: number) {
  const index = c.get('index')
  const now = new Date()
  const posts = listPublicPosts(index, now)
  const perPage = Math.max(1, index.site.postsPerPage)
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage))
  if (page > totalPages) return c.notFound()
  cacheFor(c, [LIST_TAG], secondsUntilNextPost(index, now))
  const shown = posts.slice((page - 1) * perPage, page * perPage)
  return c.html(renderHomePage({ site: index.site, posts: shown, page, totalPages }))
}
