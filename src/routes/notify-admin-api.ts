import { Hono } from 'hono'
import * as z from 'zod'
import { requireAdminToken } from '../auth/admin-token'
import { ID_PATTERN } from '../db/ids'
import type { AppEnv } from '../env'
import { retryFailedEmail } from '../comments/moderate'
import { listMailbox } from '../notify/mailbox'
import { listByStatus, type OutboxListing } from '../notify/outbox'
import type { OutboxRow } from '../notify/types'
import { apiError } from './errors'
import { commentDeps } from './comment-deps'

/**
 * The notification part of the admin API (bearer token only), mounted under /api/admin:
 * `GET /mailbox` (the emails the local mailbox holds), `GET /notifications?status=failed`
 * and `POST /notifications/<id>/retry`.
 */
export const notifyAdminApi = new Hono<AppEnv>()

// Mounted beside the other admin API routes: middleware names its own paths.
for (const path of ['/mailbox', '/notifications', '/notifications/*']) notifyAdminApi.use(path, requireAdminToken())

const Limit = z.coerce.number().int().min(1).max(500).default(200)

/** `{messages: [{id, from, to, subject, text, html, headers, createdAt}]}`, newest first. */
notifyAdminApi.get('/mailbox', async (c) => {
  const limit = Limit.safeParse(c.req.query('limit'))
  if (!limit.success) return apiError(c, { code: 'invalid_request', message: 'limit must be a number from 1 to 500.' })
  return c.json({ messages: await listMailbox(c.env.DB, limit.data) })
})

const Status = z.enum(['pending', 'sent', 'failed', 'cancelled']).default('failed')

function toJson(row: OutboxRow | OutboxListing) {
  return {
    id: row.id,
    kind: row.kind,
    to: row.recipient,
    commentId: row.commentId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
    createdAt: new Date(row.createdAt).toISOString(),
    sentAt: row.sentAt === null ? null : new Date(row.sentAt).toISOString(),
  }
}

/** The outbox rows of one status (default: failed), latest first. */
notifyAdminApi.get('/notifications', async (c) => {
  const status = Status.safeParse(c.req.query('status'))
  if (!status.success) {
    return apiError(c, { code: 'invalid_request', message: 'status must be one of pending, sent, failed, cancelled.' })
  }
  const rows = await listByStatus(c.env.DB, status.data, 200)
  return c.json({ notifications: rows.map(toJson) })
})

/** Queues a failed email again, tried at once after the response. 404 unless it had failed. */
notifyAdminApi.post(`/notifications/:id{${ID_PATTERN}}/retry`, async (c) => {
  const row = await retryFailedEmail(commentDeps(c), Number(c.req.param('id')))
  if (!row) return apiError(c, { code: 'not_found', message: 'There is no failed email with this id.' })
  return c.json({ notification: toJson(row) })
})
