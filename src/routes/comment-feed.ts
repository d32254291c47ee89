import { Hono } from 'hono'
import { cacheFor } from '../cache/policy'
import { postTag } from '../cache/tags'
import { buildCommentFeed } from '../comments/feed'
import { listThread } from '../comments/store'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead } from '../errors'
import { ATOM_CONTENT_TYPE } from '../feeds/atom'
import { publicPost } from './comment-common'
import { publicReads } from './thread-read'

/** `/posts/<slug>/comments.xml`: the post's comment feed, cached under the post's tag. */
export const commentFeed = new Hono<AppEnv>()

commentFeed.get('/posts/:slug/comments.xml', async (c) => {
  const meta = publicPost(c)
  if (!meta) return c.notFound()
  const rows = await tryRead(`reading the thread of ${meta.slug}`, () => listThread(publicReads(c.env.DB), meta.slug))
  // Feed readers retry later; an error is never cached.
  if (rows === READ_FAILED) return c.text('Comments are unavailable right now; try again later.', 503, { 'Retry-After': '60' })
  cacheFor(c, [postTag(meta.slug)])
  return c.body(buildCommentFeed(c.get('index').site, meta, rows), 200, { 'Content-Type': ATOM_CONTENT_TYPE })
})
