import { Hono } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, pageTag } from '../cache/tags'
import { findPage, getPage } from '../content/pages-store'
import { listPublicPosts, secondsUntilNextPost } from '../content/store'
import type { AppEnv } from '../env'
import { ARCHIVE_PATH, TAGS_PATH } from '../urls'
import { renderArchivePage, renderPage, renderTagsPage } from '../views/render-site'

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
 * except that with `DRAFTS = "preview"` it is shown to its author, never cached.
 */
sitePages.get('/:slug', async (c, next) => {
  const index = c.get('index')
  const meta = findPage(index, c.req.param('slug').normalize('NFC'))
  if (!meta || (meta.draft && c.env.DRAFTS !== 'preview')) return next()
  const page = await getPage(c.env.CONTENT, meta)
  if (!page) return next()
  if (!meta.draft) cacheFor(c, [pageTag(meta.slug)])
  return c.html(renderPage(index.site, page, meta.draft))
})
