import { Hono, type Context } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, pageTag } from '../cache/tags'
import { pageHost } from '../content/discussion-host'
import { findPage, getPage } from '../content/pages-store'
import { listPublicPosts, secondsUntilNextPost } from '../content/store'
import type { PageMeta } from '../content/types'
import type { AppEnv } from '../env'
import { ARCHIVE_PATH, pagePath, TAGS_PATH } from '../urls'
import { pageWithDiscussionBytes, renderArchivePage, renderPage, renderTagsPage } from '../views/render-site'
import { turnstileSiteKey } from './comment-deps'
import { htmlBytes, publicDiscussion } from './post-page'
import { parsePage } from './thread-read'

/**
 * The site around the posts: the archive, the list of tags, and the author's pages at `/<slug>`.
 * Mounted after every other route: `/:slug` would otherwise shadow them, and a path that is no
 * page falls through (`next()`) to the routes after it and then to the app's not-found
 * handling, so nothing that comes later is hidden by it.
 */
export const sitePages = new Hono<AppEnv>()

sitePages.get(ARCHIVE_PATH, (c) => {
  const index = c.get('index')
  const now = new Date()
  cacheFor(c, [LIST_TAG], secondsUntilNextPost(index, now))
  return c.html(renderArchivePage(index.site, listPublicPosts(index, now)))
})

sitePages.get(TAGS_PATH, (c) => {
  const index = c.get('index')
  const now = new Date()
  cacheFor(c, [LIST_TAG], secondsUntilNextPost(index, now))
  return c.html(renderTagsPage(index.site, listPublicPosts(index, now)))
})

/**
 * A page: exactly `/<slug>` (Hono's strict routing: `/about/` is not it). A draft is no page,
 * except that with `DRAFTS = "preview"` it is shown to its author, never cached, without a
 * discussion. A page with `comments: true` shows page `?page=<n>` of its discussion under it, as
 * a post does; any other page sends `?page=` away.
 */
sitePages.get('/:slug', async (c, next) => {
  const index = c.get('index')
  const meta = findPage(index, c.req.param('slug').normalize('NFC'))
  if (!meta || (meta.draft && c.env.DRAFTS !== 'preview')) return next()
  const asked = c.req.query('page')
  if (asked !== undefined && (asked === '1' || !meta.comments || meta.draft)) return c.redirect(pagePath(meta.slug), 301)
  if (meta.comments && !meta.draft) return pageWithDiscussion(c, meta, next)
  const page = await getPage(c.env.CONTENT, meta)
  if (!page) return next()
  if (!meta.draft) cacheFor(c, [pageTag(meta.slug)])
  return c.html(renderPage(index.site, page, meta.draft))
})

/**
 * A page and one page of its discussion, read together (a page's path is not known to be a
 * page before the index is read, so its thread is not prefetched as a post's is). Cached unless
 * D1 failed or the page carries the poster's edit link, as a post's page.
 */
async function pageWithDiscussion(c: Context<AppEnv>, meta: PageMeta, next: () => Promise<void>) {
  const { site } = c.get('index')
  const number = parsePage(c.req.query('page'))
  if (number === null) return next()
  const host = pageHost(meta)
  const [page, { shown, edit }] = await Promise.all([getPage(c.env.CONTENT, meta), publicDiscussion(c, host, number)])
  if (!page || shown === 'past-end') return next()
  const bytes = pageWithDiscussionBytes(site, page, { post: host, thread: shown, page: number, turnstileSiteKey: turnstileSiteKey(c) })
  if (bytes === null) return next()
  if (shown && !edit) cacheFor(c, [host.tag])
  return htmlBytes(c, bytes)
}
