import { commentIdSql, commentStatusSql, type CommentRef } from '../comments/store'
import { normalizeEmail } from './recipients'
import { pendingTargetSql } from './subscriptions'
import type { PlannedNotice, SubscriptionScope } from './types'

/**
 * The statements that put emails in the outbox, or take them out before they are sent; they go
 * in the batch of the write that causes them (a comment, an approval, an unsubscribe).
 */

/**
 * Queues `notices` about the comment `ref`, one row per address per comment whatever matched
 * (key `comment:<id>:<address>`; a row already queued is kept). Readers' notices are queued only
 * while the comment is approved, checked inside the statement, so in the batch that stores a
 * held comment they queue nothing. Null when there is nothing to queue.
 */
export function noticeStatement(db: D1Database, ref: CommentRef, notices: readonly PlannedNotice[], now: number): D1PreparedStatement | null {
  if (notices.length === 0) return null
  const rows = notices.map((n) => ({ kind: n.kind, email: normalizeEmail(n.email), sub: n.subscriptionId }))
  const comment = commentStatusSql(ref, 3)
  return db
    .prepare(`INSERT INTO notify_outbox (kind, recipient, comment_id, subscription_id, status, next_attempt_at, created_at, unique_key)
      SELECT json_extract(n.value, '$.kind'), json_extract(n.value, '$.email'), c.id, json_extract(n.value, '$.sub'),
        'pending', ?1, ?1, 'comment:' || c.id || ':' || json_extract(n.value, '$.email')
      FROM ${comment.sql} c, json_each(?2) n
      WHERE json_extract(n.value, '$.kind') = 'author' OR c.status = 'approved'
      ON CONFLICT (unique_key) DO NOTHING`)
    .bind(now, JSON.stringify(rows), ...comment.binds)
}

/**
 * Queues the author's webhook alert about the comment `ref` (key `webhook:<id>`: one per
 * comment), held or not, as the author's email notice is; the URL is read at delivery.
 */
export function webhookStatement(db: D1Database, ref: CommentRef, now: number): D1PreparedStatement {
  const comment = commentStatusSql(ref, 2)
  return db
    .prepare(`INSERT INTO notify_outbox (kind, recipient, comment_id, status, next_attempt_at, created_at, unique_key)
      SELECT 'webhook', 'webhook', c.id, 'pending', ?1, ?1, 'webhook:' || c.id FROM ${comment.sql} c
      WHERE true -- SQLite's parser would read the upsert's ON as a join's without a WHERE
      ON CONFLICT (unique_key) DO NOTHING`)
    .bind(now, ...comment.binds)
}

/**
 * Queues the confirmation email of the subscription `request` asked for, when
 * `subscribeStatements`, earlier in the same batch, just made one due (it stamped
 * `confirm_sent_at` with this batch's `now`); the key carries that time, so one is queued per
 * period. The row names the subscription: its link confirms that one and nothing else.
 */
export function confirmationStatement(
  db: D1Database,
  request: { email: string; scope: SubscriptionScope; postSlug: string },
  ref: CommentRef,
  now: number,
): D1PreparedStatement {
  const comment = commentIdSql(ref, 5)
  return db
    .prepare(`INSERT INTO notify_outbox (kind, recipient, comment_id, subscription_id, address_id, status, next_attempt_at, created_at, unique_key)
      SELECT 'confirm', a.email, ${comment.sql}, s.id, a.id, 'pending', ?4, ?4, 'confirm:' || a.id || ':' || a.confirm_sent_at
      FROM notify_addresses a JOIN notify_subscriptions s ON ${pendingTargetSql(comment.sql)}
      WHERE a.email = ?1 AND a.confirm_sent_at = ?4
      ON CONFLICT (unique_key) DO NOTHING`)
    .bind(normalizeEmail(request.email), request.scope, request.postSlug, now, ...comment.binds)
}

/** Cancels what is still owed for one subscription, or every reader email to one address. */
export function cancelPendingStatement(
  db: D1Database,
  target: { subscriptionId: number } | { addressId: number },
  reason: string,
  now: number,
): D1PreparedStatement {
  const where = 'subscriptionId' in target
    ? 'subscription_id = ?1'
    : `kind IN ('confirm', 'reply', 'post') AND recipient = (SELECT email FROM notify_addresses WHERE id = ?1)`
  const id = 'subscriptionId' in target ? target.subscriptionId : target.addressId
  return db
    .prepare(`UPDATE notify_outbox SET status = 'cancelled', last_error = ?2, next_attempt_at = ?3
      WHERE status = 'pending' AND ${where}`)
    .bind(id, reason, now)
}
