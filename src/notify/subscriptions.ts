import { ancestorChainSql, commentIdSql, type CommentRef } from '../comments/store'
import { retryTransient } from '../db/retry'
import { cancelPendingStatement } from './outbox-queue'
import { normalizeEmail } from './recipients'
import { CONFIRM_TTL_MS, RECONFIRM_INTERVAL_MS } from './tokens'
import type { SubscriptionFacts, SubscriptionScope } from './types'

/** Addresses (double opt-in) and subscriptions in D1: the only module with their SQL. */

export interface AddressRow {
  id: number
  email: string
  createdAt: number
  confirmSentAt: number | null
  confirmedAt: number | null
}

export interface SubscriptionRow {
  id: number
  addressId: number
  email: string
  scope: SubscriptionScope
  postSlug: string
  commentId: number | null
  /** When the address said yes to this subscription (its own link); null while it waits. */
  confirmedAt: number | null
}

interface SubscriptionRecord {
  id: number
  address_id: number
  email: string
  scope: SubscriptionScope
  post_slug: string
  comment_id: number | null
  /** The subscription's own confirmation. */
  confirmed_at: number | null
  /** The address's confirmation. */
  address_confirmed_at: number | null
}

function toSubscription(r: SubscriptionRecord): SubscriptionRow {
  return {
    id: r.id,
    addressId: r.address_id,
    email: r.email,
    scope: r.scope,
    postSlug: r.post_slug,
    commentId: r.comment_id,
    confirmedAt: r.confirmed_at,
  }
}

const SUBSCRIPTION_COLUMNS = 's.id, s.address_id, a.email, s.scope, s.post_slug, s.comment_id, s.confirmed_at, a.confirmed_at AS address_confirmed_at'

/**
 * The statements that record a request for notifications (to run in the batch that stores the
 * comment `ref`): the address (once), the subscription (once per target, waiting for its own
 * confirmation), and the time of the confirmation email when one is due: the target still waits,
 * and the address was sent none within CONFIRM_TTL_MS (never confirmed) or RECONFIRM_INTERVAL_MS
 * (confirmed for something else: the "also this post?" email), unless the address has answered
 * the last email it was sent (the address, or a subscription, confirmed since): a reader who follows a second
 * comment minutes after confirming the first is asked at once, while a stranger typing someone's
 * address gets them at most one unanswered email a day. Anyone can type an address into
 * the form, so nothing here makes a subscription active. The email itself is queued by
 * `confirmationStatement` (outbox), for the subscription `pendingTargetSql` finds.
 */
export function subscribeStatements(
  db: D1Database,
  request: { email: string; scope: SubscriptionScope; postSlug: string },
  ref: CommentRef,
  now: number,
): D1PreparedStatement[] {
  const email = normalizeEmail(request.email)
  const comment = commentIdSql(ref, 6)
  const binds = [email, request.scope, request.postSlug, now, CONFIRM_TTL_MS, ...comment.binds]
  return [
    db.prepare('INSERT INTO notify_addresses (email, created_at) VALUES (?1, ?2) ON CONFLICT (email) DO NOTHING').bind(email, now),
    db
      .prepare(`INSERT INTO notify_subscriptions (address_id, scope, post_slug, comment_id, created_at)
        SELECT a.id, ?2, ?3, CASE WHEN ?2 = 'replies' THEN ${comment.sql} END, ?4 FROM notify_addresses a
        WHERE a.email = ?1 AND (?2 = 'post' OR ${comment.sql} IS NOT NULL)
        ON CONFLICT DO NOTHING`)
      .bind(...binds),
    db
      .prepare(`UPDATE notify_addresses AS a SET confirm_sent_at = ?4 WHERE a.email = ?1
        AND (a.confirm_sent_at IS NULL OR a.confirm_sent_at <= ?4 - CASE WHEN a.confirmed_at IS NULL THEN ?5 ELSE ${RECONFIRM_INTERVAL_MS} END
          OR a.confirmed_at >= a.confirm_sent_at
          OR (a.confirmed_at IS NOT NULL AND EXISTS (SELECT 1 FROM notify_subscriptions answered
            WHERE answered.address_id = a.id AND answered.confirmed_at >= a.confirm_sent_at)))
        AND EXISTS (SELECT 1 FROM notify_subscriptions s WHERE ${pendingTargetSql(comment.sql)})`)
      .bind(...binds),
  ]
}

/**
 * The condition on `s` (joined to address `a`) naming the subscription a request made, while it
 * still waits for its confirmation; binds `?2` scope, `?3` post slug, and `commentSql`.
 */
export function pendingTargetSql(commentSql: string): string {
  return `s.address_id = a.id AND s.scope = ?2 AND s.post_slug = ?3 AND s.confirmed_at IS NULL
    AND ifnull(s.comment_id, 0) = CASE WHEN ?2 = 'replies' THEN ${commentSql} ELSE 0 END`
}

const CHAIN = ancestorChainSql(1)

/**
 * What recipient selection needs for a comment on `postSlug` answering `parentId`: the
 * ancestors (the parent first), and every subscription that could match (the post's, and those
 * following an ancestor), with their addresses. One round trip.
 */
export async function getNoticeFacts(
  db: D1Database,
  postSlug: string,
  parentId: number | null,
): Promise<{ ancestorIds: number[]; subscriptions: SubscriptionFacts[] }> {
  const [chain, subs] = await db.batch([
    db.prepare(`${CHAIN} SELECT id FROM chain ORDER BY depth`).bind(parentId),
    db
      .prepare(`${CHAIN} SELECT ${SUBSCRIPTION_COLUMNS}
        FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
        WHERE s.post_slug = ?2 AND (s.scope = 'post' OR s.comment_id IN (SELECT id FROM chain))`)
      .bind(parentId, postSlug),
  ])
  return {
    ancestorIds: (chain!.results as { id: number }[]).map((row) => row.id),
    subscriptions: (subs!.results as SubscriptionRecord[]).map((r) => ({
      ...toSubscription(r),
      confirmed: r.confirmed_at !== null && r.address_confirmed_at !== null,
    })),
  }
}

const ADDRESS_COLUMNS = 'id, email, created_at AS createdAt, confirm_sent_at AS confirmSentAt, confirmed_at AS confirmedAt'

export function getAddress(db: D1Database, id: number): Promise<AddressRow | null> {
  return db.prepare(`SELECT ${ADDRESS_COLUMNS} FROM notify_addresses WHERE id = ?1`).bind(id).first<AddressRow>()
}

export async function getSubscription(db: D1Database, id: number): Promise<SubscriptionRow | null> {
  const record = await db
    .prepare(`SELECT ${SUBSCRIPTION_COLUMNS}
      FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id WHERE s.id = ?1`)
    .bind(id)
    .first<SubscriptionRecord>()
  return record ? toSubscription(record) : null
}

/** Every subscription of address `addressId`, the oldest first (its "manage" page). */
export async function listSubscriptions(db: D1Database, addressId: number): Promise<SubscriptionRow[]> {
  const { results } = await db
    .prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE s.address_id = ?1 ORDER BY s.id`)
    .bind(addressId)
    .all<SubscriptionRecord>()
  return results.map(toSubscription)
}

/** Confirms address `id` (a confirmed address stays confirmed at its first time); null when unknown. */
export function confirmAddress(db: D1Database, id: number, now: number): Promise<AddressRow | null> {
  return retryTransient(() =>
    db
      .prepare(`UPDATE notify_addresses SET confirmed_at = coalesce(confirmed_at, ?2) WHERE id = ?1 RETURNING ${ADDRESS_COLUMNS}`)
      .bind(id, now)
      .first<AddressRow>(),
  )
}

/**
 * Confirms subscription `id` and its address, as the POST on its confirmation page does; a
 * confirmation already made keeps its first time. Null when the subscription is gone.
 */
export async function confirmSubscription(db: D1Database, id: number, now: number): Promise<SubscriptionRow | null> {
  await retryTransient(() =>
    db.batch([
      db.prepare('UPDATE notify_subscriptions SET confirmed_at = coalesce(confirmed_at, ?2) WHERE id = ?1').bind(id, now),
      db
        .prepare(`UPDATE notify_addresses SET confirmed_at = coalesce(confirmed_at, ?2)
          WHERE id = (SELECT address_id FROM notify_subscriptions WHERE id = ?1)`)
        .bind(id, now),
    ]),
  )
  return getSubscription(db, id)
}

/** The oldest subscription of address `addressId` still waiting for its confirmation, if any. */
export async function getPendingSubscription(db: D1Database, addressId: number): Promise<SubscriptionRow | null> {
  const record = await db
    .prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE s.address_id = ?1 AND s.confirmed_at IS NULL ORDER BY s.id LIMIT 1`)
    .bind(addressId)
    .first<SubscriptionRecord>()
  return record ? toSubscription(record) : null
}

/** Ends subscription `id` and cancels the emails it still owed. Idempotent. */
export async function unsubscribeOne(db: D1Database, id: number, now: number): Promise<void> {
  await retryTransient(() =>
    db.batch([
      cancelPendingStatement(db, { subscriptionId: id }, 'unsubscribed', now),
      db.prepare('DELETE FROM notify_subscriptions WHERE id = ?1').bind(id),
    ]),
  )
}

/**
 * Ends everything for address `id`: its subscriptions, every reader email still owed to it, and
 * its confirmation, so nothing more is sent unless the address asks and confirms again. The
 * confirmation clock restarts too: someone else asking for this address right after it opted
 * out does not bring it a confirmation email before CONFIRM_TTL_MS. Idempotent.
 */
export async function unsubscribeAll(db: D1Database, id: number, now: number): Promise<void> {
  await retryTransient(() =>
    db.batch([
      cancelPendingStatement(db, { addressId: id }, 'unsubscribed', now),
      db.prepare('DELETE FROM notify_subscriptions WHERE address_id = ?1').bind(id),
      db.prepare('UPDATE notify_addresses SET confirmed_at = NULL, confirm_sent_at = ?2 WHERE id = ?1').bind(id, now),
    ]),
  )
}

/** The address row of `email` (lowercased, as stored), or null when it never asked for email. */
export function getAddressByEmail(db: D1Database, email: string): Promise<AddressRow | null> {
  return db.prepare(`SELECT ${ADDRESS_COLUMNS} FROM notify_addresses WHERE email = ?1`).bind(normalizeEmail(email)).first<AddressRow>()
}

/** Every subscription of `email`, confirmed or waiting, oldest first. */
export async function listSubscriptionsByEmail(db: D1Database, email: string): Promise<SubscriptionRow[]> {
  const { results } = await db
    .prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM notify_subscriptions s JOIN notify_addresses a ON a.id = s.address_id
      WHERE a.email = ?1 ORDER BY s.id`)
    .bind(normalizeEmail(email))
    .all<SubscriptionRecord>()
  return results.map(toSubscription)
}

/**
 * The statements (for the caller's batch, after the outbox's) that delete `email`'s
 * subscriptions and then its address row: the double opt-in record goes too, since it is the
 * address itself; asked again, it gets one confirmation email as a new address would.
 */
export function eraseAddressStatements(db: D1Database, email: string): D1PreparedStatement[] {
  const address = normalizeEmail(email)
  return [
    db.prepare('DELETE FROM notify_subscriptions WHERE address_id IN (SELECT id FROM notify_addresses WHERE email = ?1)').bind(address),
    db.prepare('DELETE FROM notify_addresses WHERE email = ?1').bind(address),
  ]
}
