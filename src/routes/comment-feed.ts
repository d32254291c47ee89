import { Hono, type Context } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG, postTag } from '../cache/tags'
import { buildCommentFeed } from '../comments/feed'
import { buildSiteCommentFeed, SITE_COMMENT_FEED_SIZE } from '../comments/site-feed'
import { listByStatus, listThread } from '../comments/store'
import { findPost, isPublic } from '../content/store'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead } from '../errors'
import { ATOM_CONTENT_TYPE } from '../feeds/atom'
import { SITE_COMMENTS_FEED_PATH } from '../urls'
import { publicPost } from './comment-common'
import { publicReads } from './thread-read'

/**
 * `/posts/<slug>/comments.xml`: the post's comment feed, cached under the post's tag; and
 * `/comments.xml`, the latest public comments across posts, cached under `list`: every write that
 * makes a comment public or changes a public one purges `publicTags`, which holds it (the home
 * page's comment counts change too), and so does a publish that changes a post's title.
 */
export const commentFeed = new Hono<AppEnv>()

commentFeed.get('/posts/:slug/comments.xml', async (c) => {
  const meta = publicPost(c)
  if (!meta) return c.notFound()
  const rows = await tryRead(`reading the thread of ${meta.slug}`, () => listThread(publicReads(c.env.DB), meta.slug))
  if (rows === READ_FAILED) return unavailable(c)
  cacheFor(c, [postTag(meta.slug)])
  return c.body(buildCommentFeed(c.get('index').site, meta, rows), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
})

/** Feed readers retry later; an error is never cached. */
function unavailable(c: Context<AppEnv>) {
  return c.text('Comments are unavailable right now; try again later.', 503, { 'Retry-After': '60' })
}

commentFeed.get(SITE_COMMENTS_FEED_PATH, async (c) => {
  const index = c.get('index')
  const now = new Date()
  // Room for comments on posts no longer public, which the feed leaves out.
  const rows = await tryRead('reading the latest comments', () => listByStatus(publicReads(c.env.DB), 'approved', SITE_COMMENT_FEED_SIZE * 2))
  if (rows === READ_FAILED) return unavailable(c)
  cacheFor(c, [LIST_TAG])
  const postOf = (slug: string) => {
    const meta = findPost(index, slug)
    return meta && isPublic(meta, now) ? meta : undefined
  }
  return c.body(buildSiteCommentFeed(index.site, rows, postOf, now), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
})
