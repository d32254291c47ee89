import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { endAdminSession, isAdminRequest, startAdminSession } from '../auth/admin'
import { isAdminToken } from '../auth/admin-token'
import { moderateComments, parseAuthorReply, replyAsAuthor } from '../comments/moderate'
import { MAX_BULK, MODERATION_ACTIONS, type ModerationAction } from '../comments/moderation'
import { getComment, listByStatus, listRecent } from '../comments/store'
import { publicHost, threadLink } from '../content/discussion-host'
import { ID_PATTERN, parseId } from '../db/ids'
import type { AppEnv } from '../env'
import { CommentRejected, ERROR_STATUS, type CommentErrorCode, type ErrorStatus } from '../errors'
import { uiStrings } from '../i18n'
import { listByStatus as listEmails } from '../notify/outbox'
import { ADMIN_PATH } from '../urls'
import { ADMIN_STYLES } from '../views/admin/admin-styles'
import { DashboardPage, type ReplyProblem } from '../views/admin/DashboardPage'
import { noticePath, parseNotice, type Notice } from '../views/admin/notice'
import { SignInPage } from '../views/admin/SignInPage'
import { FailedDeliveries } from '../views/notify/FailedDeliveries'
import { adminBans } from './admin-bans'
import { adminPages } from './admin-pages'
import { commentDeps } from './comment-deps'

/**
 * The author's pages at /admin: sign in with the admin token (a signed session cookie follows),
 * the moderation queue, recent comments, replies as the author. Every POST answers 303 (PRG).
 * Nothing here is cached: no route calls `cacheFor`, so the edge cache sends `no-store`.
 */
export const admin = new Hono<AppEnv>()

const QUEUE_SIZE = 50
const RECENT_SIZE = 30
/** Emails that failed after every attempt, shown with a retry button (src/notify). */
const FAILED_EMAILS = 20

// The session cookie rides along on any request, so every form POST must come from this origin.
admin.use(csrf())

admin.get('/admin.css', (c) => c.body(ADMIN_STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8' }))

admin.get('/', async (c) => {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />)
  return dashboard(c, parseNotice(c.req.query()))
})

admin.post('/login', async (c) => {
  const { token } = await c.req.parseBody()
  if (!(await isAdminToken(typeof token === 'string' ? token : undefined, c.env.ADMIN_TOKEN))) {
    return c.html(<SignInPage site={c.get('index').site} failed />, 401)
  }
  await startAdminSession(c)
  return c.redirect(ADMIN_PATH, 303)
})

// The confirmation step and the drafts list (admin-pages.tsx), the bans (admin-bans.tsx),
// behind the same CSRF check.
admin.route('/', adminPages)
admin.route('/', adminBans)

admin.post('/logout', async (c) => {
  await endAdminSession(c)
  return c.redirect(ADMIN_PATH, 303)
})

const requireAdmin: MiddlewareHandler<AppEnv> = async function requireAdmin(c, next) {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />, 401)
  await next()
}
admin.use('/comments', requireAdmin)
admin.use('/comments/*', requireAdmin)

/** One comment (its own form) or many (the queue's bulk form): `action` and one `id` per comment. */
admin.post('/comments', async (c) => {
  const form = await c.req.parseBody({ all: true })
  const action = typeof form.action === 'string' && Object.hasOwn(MODERATION_ACTIONS, form.action)
    ? (form.action as ModerationAction)
    : undefined
  const ids = [form.id ?? []].flat().map((id) => parseId(id) ?? NaN)
  if (!action || ids.some(Number.isNaN) || ids.length > MAX_BULK) return c.text('Bad moderation form.', 400)
  if (ids.length === 0) return c.redirect(noticePath({ done: 'none' }), 303)
  const status = MODERATION_ACTIONS[action]
  const result = await moderateComments(commentDeps(c), ids, status)
  if (result.comments.length === 0) return c.redirect(noticePath({ done: 'none' }), 303)
  return c.redirect(noticePath({ done: status, n: result.changed }), 303)
})

/** A reply as the blog's author under comment `id`, approving that comment first if it waits. */
admin.post(`/comments/:id{${ID_PATTERN}}/reply`, async (c) => {
  const { body } = await c.req.parseBody()
  const parentId = Number(c.req.param('id'))
  const text = typeof body === 'string' ? body : ''
  const index = c.get('index')
  const ui = uiStrings(index.site.language)
  const problem = (error: string, code: CommentErrorCode = 'invalid_input') =>
    dashboard(c, undefined, { commentId: parentId, body: text, error }, ERROR_STATUS[code])
  const parent = await getComment(c.env.DB, parentId)
  if (!parent) return c.redirect(noticePath({ done: 'none' }), 303)
  const host = publicHost(index, parent.postSlug, undefined, new Date())
  if (!host) return problem(ui.admin.reply.postGone)
  const parsed = parseAuthorReply(index.site, { body: text, parentId })
  if (!parsed.ok) return problem(parsed.error.fields.body ? ui.comments.fieldError('body', parsed.error.fields.body) : parsed.error.message)
  try {
    await replyAsAuthor(commentDeps(c), parsed.input, { host, site: index.site })
  } catch (error) {
    if (!(error instanceof CommentRejected)) throw error
    const message = error.code === 'parent_unknown' ? ui.admin.reply.closedParent : ui.comments.errors[error.code]
    return problem(message, error.code)
  }
  return c.redirect(noticePath({ done: 'replied' }), 303)
})

async function dashboard(
  c: Context<AppEnv>,
  notice?: Notice,
  replyProblem?: ReplyProblem,
  status: 200 | ErrorStatus = 200,
) {
  const [queue, recent, failed] = await Promise.all([
    listByStatus(c.env.DB, 'pending', QUEUE_SIZE),
    listRecent(c.env.DB, RECENT_SIZE),
    listEmails(c.env.DB, 'failed', FAILED_EMAILS),
  ])
  const index = c.get('index')
  const threadOf = (slug: string) => threadLink(index, slug)
  return c.html(
    <DashboardPage
      site={index.site}
      queue={queue}
      recent={recent}
      threadOf={threadOf}
      notice={notice}
      replyProblem={replyProblem}
    >
      {failed.length > 0 && <FailedDeliveries site={index.site} failed={failed} threadOf={threadOf} />}
    </DashboardPage>,
    status,
  )
}
