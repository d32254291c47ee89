import { Hono } from 'hono'
import { cacheStore, edgeCache } from './cache/middleware'
import { getIndex } from './content/store'
import type { AppEnv } from './env'
import { admin } from './routes/admin'
import { adminApiLimit, adminFormLimit } from './routes/body-limit'
import { adminApi } from './routes/admin-api'
import { commentEdit } from './routes/comment-edit'
import { commentFeed } from './routes/comment-feed'
import { comments } from './routes/comments'
import { commentsApi } from './routes/comments-api'
import { answerError } from './routes/errors'
import { feeds } from './routes/feeds'
import { notify } from './routes/notify'
import { notifyAdmin } from './routes/notify-admin'
import { notifyAdminApi } from './routes/notify-admin-api'
import { pages } from './routes/pages'
import { search } from './routes/search'
import { securityHeaders } from './security-headers'
import { STYLES } from './views/styles'
import { NotFoundPage } from './views/NotFoundPage'

export const app = new Hono<AppEnv>()

// cacheStore outside the security headers: the page it keeps is the final response.
app.use(cacheStore())
app.use(securityHeaders([STYLES]))
app.use(edgeCache())
app.use(async function loadIndex(c, next) {
  c.set('index', await getIndex(c.env.CONTENT))
  await next()
})

// Before the routes: a body past its limit is refused before anything parses it.
app.use('/admin/*', adminFormLimit)
app.use('/api/admin/*', adminApiLimit)

app.route('/', pages)
app.route('/', search)
app.route('/', feeds)
app.route('/', comments)
app.route('/', commentEdit)
app.route('/', commentFeed)
app.route('/api', commentsApi)
app.route('/api/admin', adminApi)
app.route('/api/admin', notifyAdminApi)
app.route('/admin', admin)
app.route('/admin', notifyAdmin)
app.route('/notify', notify)

app.notFound((c) => {
  c.header('Cache-Control', 'no-store')
  return c.html(<NotFoundPage site={c.get('index')?.site} />, 404)
})

app.onError(answerError)
