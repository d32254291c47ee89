import { Hono, type Context, type Next } from 'hono'
import { cacheFor } from '../cache/policy'
import { LIST_TAG } from '../cache/tags'
import { buildCommentFeed } from '../comments/feed'
import { buildSiteCommentFeed, SITE_COMMENT_FEED_SIZE } from '../comments/site-feed'
import { listByStatus, listThread } from '../comments/store'
import { publicHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead } from '../errors'
import { ATOM_CONTENT_TYPE } from '../feeds/atom'
import { SITE_COMMENTS_FEED_PATH } from '../urls'
import { noHost, routeHost, type HostRoute } from './comment-common'
import { publicReads } from './thread-read'

/**
 * `/posts/<slug>/comments.xml` (and `/<slug>/comments.xml` for a page that takes comments): the
 * discussion's feed, cached under its host's tag; and `/comments.xml`, the latest public
 * comments across posts and pages, cached under `list`: every write that makes a comment public
 * or changes a public one purges `publicTags`, which holds it (the home page's comment counts
 * change too), and so does a publish that changes a title.
 */
export const commentFeed = new Hono<AppEnv>()

/** The comment feed of each discussion under `at` (a post's or a page's path). */
export function commentFeedRoutes(at: HostRoute) {
  return new Hono<AppEnv>().get(`${at}/comments.xml`, discussionFeed)
}

async function discussionFeed(c: Context<AppEnv>, next: Next) {
  const meta = routeHost(c)
  if (!meta) return noHost(c, next)
  const rows = await tryRead(`reading the thread of ${meta.slug}`, () => listThread(publicReads(c.env.DB), meta.slug))
  if (rows === READ_FAILED) return unavailable(c)
  cacheFor(c, [meta.tag])
  return c.body(buildCommentFeed(c.get('index').site, meta, rows), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
}

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
  const postOf = (slug: string) => publicHost(index, slug, undefined, now)
  return c.body(buildSiteCommentFeed(index.site, rows, postOf, now), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
})
