import { Hono } from 'hono'
import { cacheStore, edgeCache } from './cache/middleware'
import { getIndex, getIndexWithPostCopy } from './content/store'
import type { AppEnv } from './env'
import { admin } from './routes/admin'
import { adminApiLimit, adminFormLimit } from './routes/body-limit'
import { adminApi } from './routes/admin-api'
import { bansApi } from './routes/bans-api'
import { POST_HOST } from './routes/comment-common'
import { commentEditRoutes } from './routes/comment-edit'
import { commentFeed, commentFeedRoutes } from './routes/comment-feed'
import { commentersAdmin } from './routes/commenters-admin'
import { commentersApi } from './routes/commenters-api'
import { commentPreviewApiRoutes } from './routes/comment-preview'
import { commentRoutes, replyScript } from './routes/comments'
import { commentsApiRoutes } from './routes/comments-api'
import { answerError } from './routes/errors'
import { feeds } from './routes/feeds'
import { legacyHome, legacyRedirect } from './routes/legacy-redirects'
import { notify } from './routes/notify'
import { notifyAdmin } from './routes/notify-admin'
import { notifyManage } from './routes/notify-manage'
import { notifyAdminApi } from './routes/notify-admin-api'
import { pageDiscussions } from './routes/page-discussions'
import { pages } from './routes/pages'
import { sitePages } from './routes/site-pages'
import { postPageSlug, prefetchThread } from './routes/thread-read'
import { search } from './routes/search'
import { securityHeaders } from './security-headers'
import { theme } from './routes/theme'
import { STYLES } from './views/styles'
import { NotFoundPage } from './views/NotFoundPage'

export const app = new Hono<AppEnv>()

// cacheStore outside the security headers: the page it keeps is the final response.
app.use(cacheStore())
app.use(securityHeaders([STYLES]))
app.use(edgeCache())
app.use(async function loadIndex(c, next) {
  const slug = postPageSlug(c.req.raw)
  if (slug === undefined) {
    c.set('index', await getIndex(c.env.CONTENT))
    return next()
  }
  // A post's page reads its thread beside the index, and its HTML with it, not after it
  // (src/routes/thread-read.ts): one round trip to D1 and one to KV, in parallel.
  prefetchThread(c.req.raw, c.env, slug)
  const { index, copy } = await getIndexWithPostCopy(c.env.CONTENT, slug)
  c.set('index', index)
  c.set('postCopy', copy)
  await next()
})

// Before the routes: a body past its limit is refused before anything parses it.
app.use('/admin/*', adminFormLimit)
app.use('/api/admin/*', adminApiLimit)

app.use('/', legacyHome)
app.route('/', pages)
app.route('/', search)
app.route('/', feeds)
app.route('/', theme)
app.route('/', replyScript)
app.route('/', commentRoutes(POST_HOST))
app.route('/', commentEditRoutes(POST_HOST))
app.route('/', commentFeed)
app.route('/', commentFeedRoutes(POST_HOST))
app.route('/api', commentsApiRoutes(POST_HOST))
app.route('/api', commentPreviewApiRoutes(POST_HOST))
app.route('/api/admin', adminApi)
app.route('/api/admin', notifyAdminApi)
app.route('/api/admin', bansApi)
app.route('/api/admin', commentersApi)
app.route('/admin', admin)
app.route('/admin', notifyAdmin)
app.route('/admin', commentersAdmin)
app.route('/notify', notify)
app.route('/notify', notifyManage)
// Last: its `/:slug` answers only what no route above did (see routes/site-pages.tsx), and so
// do the discussions of pages (`/:page/comments…`), which fall through for any other segment.
app.route('/', sitePages)
app.route('/', pageDiscussions)

// No route answered (or one gave up with c.notFound()): an old address, or the 404 page.
app.notFound(async (c) => {
  const moved = await legacyRedirect(c)
  if (moved) return moved
  c.header('Cache-Control', 'no-store')
  return c.html(<NotFoundPage site={c.get('index')?.site} />, 404)
})

app.onError(answerError)
