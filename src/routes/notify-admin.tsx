import { Hono, type MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { isAdminRequest } from '../auth/admin'
import { threadLink } from '../content/discussion-host'
import { ID_PATTERN } from '../db/ids'
import type { AppEnv } from '../env'
import { retryFailedEmail } from '../comments/moderate'
import { listMailbox } from '../notify/mailbox'
import { listByStatus } from '../notify/outbox'
import { ADMIN_NOTIFICATIONS_PATH } from '../urls'
import { SignInPage } from '../views/admin/SignInPage'
import { FailedDeliveriesPage } from '../views/notify/FailedDeliveries'
import { MailboxPage } from '../views/notify/MailboxPage'
import { commentDeps } from './comment-deps'

/**
 * The author's notification pages, mounted under /admin: the local mailbox (`/admin/mailbox`),
 * the emails that failed (`/admin/notifications`) and their retry. Admin session only; POSTs
 * are CSRF-checked like the rest of /admin. Nothing here is cached (no `cacheFor`).
 */
export const notifyAdmin = new Hono<AppEnv>()

export const MAILBOX_LIMIT = 200
export const FAILED_LIMIT = 50

const requireAdmin: MiddlewareHandler<AppEnv> = async function requireAdmin(c, next) {
  if (!(await isAdminRequest(c))) return c.html(<SignInPage site={c.get('index').site} />, 401)
  await next()
}
// Mounted beside the other /admin routes: middleware names its own paths, or it would guard theirs too.
for (const path of ['/mailbox', '/notifications', '/notifications/*']) notifyAdmin.use(path, csrf(), requireAdmin)

notifyAdmin.get('/mailbox', async (c) => {
  const messages = await listMailbox(c.env.DB, MAILBOX_LIMIT)
  return c.html(<MailboxPage site={c.get('index').site} messages={messages} />)
})

notifyAdmin.get('/notifications', async (c) => {
  const failed = await listByStatus(c.env.DB, 'failed', FAILED_LIMIT)
  const index = c.get('index')
  const threadOf = (slug: string) => threadLink(index, slug)
  return c.html(<FailedDeliveriesPage site={index.site} failed={failed} retried={c.req.query('retried') === '1'} threadOf={threadOf} />)
})

/** Queues a failed email again and tries it at once (after the response); 303 back (PRG). */
notifyAdmin.post(`/notifications/:id{${ID_PATTERN}}/retry`, async (c) => {
  const row = await retryFailedEmail(commentDeps(c), Number(c.req.param('id')))
  return c.redirect(row ? `${ADMIN_NOTIFICATIONS_PATH}?retried=1` : ADMIN_NOTIFICATIONS_PATH, 303)
})
