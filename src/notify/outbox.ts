import { getCommentsByIds } from '../comments/store'
import type { CommentStatus } from '../comments/types'
import { retryTransient } from '../db/retry'
import type { NoticeKind, OutboxRow, OutboxStatus } from './types'

/**
 * The outbox in D1, delivery's side: claims, outcomes, the admin's lists. What puts rows in is
 * outbox-queue.ts; together they are the only modules with the outbox's SQL. Times are unix ms.
 */

const FIELDS = ['id', 'kind', 'recipient', 'comment_id', 'subscription_id', 'address_id', 'status', 'attempts',
  'next_attempt_at', 'last_error', 'created_at', 'sent_at']
const COLUMNS = FIELDS.join(', ')

interface OutboxRecord {
  id: number
  kind: NoticeKind
  recipient: string
  comment_id: number | null
  subscription_id: number | null
  address_id: number | null
  status: OutboxStatus
  attempts: number
  next_attempt_at: number
  last_error: string | null
  created_at: number
  sent_at: number | null
}

function toOutbox(r: OutboxRecord): OutboxRow {
  return {
    id: r.id,
    kind: r.kind,
    recipient: r.recipient,
    commentId: r.comment_id,
    subscriptionId: r.subscription_id,
    addressId: r.address_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/**
 * Claims up to `limit` rows that are due at `now` (of the comments `commentIds` only, when
 * given) for one delivery run, and counts the attempt. One conditional UPDATE: two runs at
 * once never claim the same row, and a row whose run died is claimable again once its lease
 * (`leaseMs`) has lapsed. SQLite runs the statement, sub-select included, under its one write
 * lock, so the rows a run selects are still unclaimed when it claims them. Returns the claim
 * token and the ids claimed.
 */
export async function claimDue(
  db: D1Database,
  options: { now: number; limit: number; leaseMs: number; commentIds?: readonly number[] },
): Promise<{ claim: string; ids: number[] }> {
  const claim = crypto.randomUUID()
  const only = options.commentIds ? 'AND comment_id IN (SELECT value FROM json_each(?5))' : 'AND ?5 IS NULL'
  const { results } = await retryTransient(() =>
    db
      .prepare(`UPDATE notify_outbox SET claim = ?1, claimed_until = ?2 + ?3, attempts = attempts + 1
        WHERE id IN (SELECT id FROM notify_outbox WHERE status = 'pending' AND next_attempt_at <= ?2
          AND (claimed_until IS NULL OR claimed_until <= ?2) ${only} ORDER BY next_attempt_at, id LIMIT ?4)
        RETURNING id`)
      .bind(claim, options.now, options.leaseMs, options.limit, options.commentIds ? JSON.stringify(options.commentIds) : null)
      .all<{ id: number }>(),
  )
  return { claim, ids: results.map((row) => row.id).sort((a, b) => a - b) }
}

/** A claimed row with what its email needs: the comment, and whether it is still owed. */
export interface Delivery extends OutboxRow {
  comment: { id: number; postSlug: string; authorName: string; body: string; status: CommentStatus } | null
  /** The recipient's address row (readers): its id, and whether it is confirmed. */
  address: { id: number; confirmed: boolean } | null
  /** The subscription that matched still exists (reader notices), or the one a confirmation asks about. */
  subscribed: boolean
  /** That subscription was confirmed by its address. */
  subscriptionConfirmed: boolean
}

type NoticeComment = NonNullable<Delivery['comment']>

/** The comments the outbox rows `records` are about, by id (the comments store answers). */
async function commentsOf(db: D1Database, records: readonly OutboxRecord[]): Promise<Map<number, NoticeComment>> {
  const ids = records.flatMap((r) => (r.comment_id === null ? [] : [r.comment_id]))
  const rows = await getCommentsByIds(db, ids)
  return new Map([...rows].map(([id, c]) => [id, { id, postSlug: c.postSlug, authorName: c.authorName, body: c.body, status: c.status }]))
}

const commentOf = (comments: Map<number, NoticeComment>, id: number | null) => (id === null ? null : (comments.get(id) ?? null))

interface DeliveryRecord extends OutboxRecord {
  a_id: number | null
  confirmed_at: number | null
  s_id: number | null
  s_confirmed_at: number | null
}

/** The rows `ids` with their comments (asked of the comments store), addresses and subscriptions: two queries. */
export async function getDeliveries(db: D1Database, ids: readonly number[]): Promise<Delivery[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(`SELECT ${FIELDS.map((f) => `o.${f}`).join(', ')}, a.id AS a_id, a.confirmed_at, s.id AS s_id, s.confirmed_at AS s_confirmed_at
      FROM notify_outbox o
      LEFT JOIN notify_addresses a ON a.email = o.recipient
      LEFT JOIN notify_subscriptions s ON s.id = o.subscription_id
      WHERE o.id IN (SELECT value FROM json_each(?1)) ORDER BY o.id`)
    .bind(JSON.stringify(ids))
    .all<DeliveryRecord>()
  const comments = await commentsOf(db, results)
  return results.map((r) => ({
    ...toOutbox(r),
    comment: commentOf(comments, r.comment_id),
    address: r.a_id === null ? null : { id: r.a_id, confirmed: r.confirmed_at !== null },
    subscribed: r.s_id !== null,
    subscriptionConfirmed: r.s_confirmed_at !== null,
  }))
}

/** The outcome of one attempt at row `id`, recorded only while `claim` still holds it. */
export type Outcome =
  | { status: 'sent' }
  | { status: 'cancelled'; reason: string }
  | { status: 'failed'; error: string }
  | { status: 'pending'; error: string; nextAttemptAt: number }

/** Records an attempt's outcome and releases the claim. False when the claim was lost (lease lapsed). */
export async function recordOutcome(db: D1Database, id: number, claim: string, outcome: Outcome, now: number): Promise<boolean> {
  const error = outcome.status === 'sent' ? null : 'reason' in outcome ? outcome.reason : outcome.error
  const next = outcome.status === 'pending' ? outcome.nextAttemptAt : now
  const result = await retryTransient(() =>
    db
      .prepare(`UPDATE notify_outbox SET status = ?3, last_error = coalesce(?4, last_error), next_attempt_at = ?5,
          sent_at = CASE WHEN ?3 = 'sent' THEN ?6 END, claim = NULL, claimed_until = NULL
        WHERE id = ?1 AND claim = ?2`)
      .bind(id, claim, outcome.status, error, next, now)
      .run(),
  )
  return result.meta.changes > 0
}

/** An outbox row with its comment's post, for the admin. */
export type OutboxListing = OutboxRow & { postSlug: string | null }

/** Rows with `status`, the latest first (the admin's list of failed emails). */
export async function listByStatus(db: D1Database, status: OutboxStatus, limit: number): Promise<OutboxListing[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM notify_outbox WHERE status = ?1 ORDER BY next_attempt_at DESC, id DESC LIMIT ?2`)
    .bind(status, limit)
    .all<OutboxRecord>()
  const comments = await commentsOf(db, results)
  return results.map((r) => ({ ...toOutbox(r), postSlug: commentOf(comments, r.comment_id)?.postSlug ?? null }))
}

/** Queues failed row `id` again, due at `now`, with a fresh series of attempts; null unless it had failed. */
export async function retryFailed(db: D1Database, id: number, now: number): Promise<OutboxRow | null> {
  const record = await retryTransient(() =>
    db
      .prepare(`UPDATE notify_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?2, claim = NULL, claimed_until = NULL
        WHERE id = ?1 AND status = 'failed' RETURNING ${COLUMNS}`)
      .bind(id, now)
      .first<OutboxRecord>(),
  )
  return record ? toOutbox(record) : null
}

// An address's rows: sent to it, or naming its address row (its confirmations).
const OF_ADDRESS = 'recipient = ?1 OR address_id IN (SELECT id FROM notify_addresses WHERE email = ?1)'

/** Every outbox row of `email` (lowercased, as stored), oldest first, whatever its status. */
export async function listByRecipient(db: D1Database, email: string): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM notify_outbox WHERE ${OF_ADDRESS} ORDER BY id`)
    .bind(email.trim().toLowerCase())
    .all<OutboxRecord>()
  return results.map(toOutbox)
}

/** The statement (for the caller's batch, before the address row goes) deleting `email`'s outbox rows. */
export function eraseRecipientStatement(db: D1Database, email: string): D1PreparedStatement {
  return db.prepare(`DELETE FROM notify_outbox WHERE ${OF_ADDRESS}`).bind(email.trim().toLowerCase())
}
