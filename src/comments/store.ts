import { retryTransient } from '../db/retry'
import { COLUMNS, toComment, type CommentRecord } from './store-rows'
import { DUPLICATE_WINDOW_MS, submitKeys } from './submit-key'
import type { SubmittedComment } from './store-sql'
import type { CommentRow, CommentStatus, HeldReason, NewComment } from './types'

/**
 * The comments table in D1: its reads and writes here, and beside it, by use case, the SQL
 * fragments that name a comment (store-sql.ts), the re-rendering (store-rerender.ts) and a
 * commenter's comments by email (store-erasure.ts), re-exported so callers import the store
 * alone. The only modules with SQL on this table. Times are unix milliseconds.
 */
export * from './store-erasure'
export * from './store-rerender'
export * from './store-sql'

/**
 * A post's public thread in one query: approved and deleted rows (deleted ones may be needed as
 * placeholders; `buildThread` decides), oldest first. Rows still hold private fields. `db` may be
 * a Sessions API session (a read replica) where the read need not see the latest write.
 */
export async function listThread(db: D1Database | D1DatabaseSession, slug: string): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE post_slug = ?1 AND status IN ('approved', 'deleted')
      ORDER BY created_at, id`)
    .bind(slug)
    .all<CommentRecord>()
  return results.map(toComment)
}

export async function getComment(db: D1Database, id: number): Promise<CommentRow | null> {
  const record = await db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?1`).bind(id).first<CommentRecord>()
  return record ? toComment(record) : null
}

/** The rows of `ids` that exist, by id, in one query whatever their number. */
export async function getCommentsByIds(db: D1Database, ids: readonly number[]): Promise<Map<number, CommentRow>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify([...new Set(ids)]))
    .all<CommentRecord>()
  return new Map(results.map((record) => [record.id, toComment(record)]))
}


/**
 * Stores a comment, once: when the same submitter sent the same post, parent, author and body
 * within DUPLICATE_WINDOW_MS (`submitKeys`: the IP HMAC and the email are part of the key, so the
 * answer, and the links it leads to, only ever go to whoever wrote the comment), returns that
 * comment with `created: false` and stores nothing. Atomic (one
 * batch) and retried on transient errors; a retry after a write whose answer was lost also
 * reports `created: false`, so act on the returned comment's status, not on `created` alone.
 * `related` statements (the outbox rows the comment causes) run in the same batch, after the
 * insert; they name the comment by its submit keys, as the look-up here does, and must be
 * idempotent (a double submit runs them again). Throws on a constraint error (e.g. a parent id
 * that does not exist).
 */
export async function insertComment(
  db: D1Database,
  comment: NewComment,
  related?: (ref: SubmittedComment) => D1PreparedStatement[],
): Promise<{ comment: CommentRow; created: boolean }> {
  const keys = await submitKeys(comment, comment.createdAt)
  const since = comment.createdAt - DUPLICATE_WINDOW_MS
  const insert = db
    .prepare(`INSERT INTO comments (post_slug, parent_id, author_name, author_email, body, body_html,
        render_version, status, created_at, updated_at, ip_hmac, is_author, notify, submit_key, held_reason, avatar_key)
      SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?16, ?17
      WHERE NOT EXISTS (SELECT 1 FROM comments WHERE submit_key = ?14 AND created_at > ?15)
      ON CONFLICT (submit_key) DO NOTHING`)
    .bind(
      comment.postSlug, comment.parentId, comment.authorName, comment.authorEmail, comment.body,
      comment.bodyHtml, comment.renderVersion, comment.status, comment.createdAt, comment.ipHmac,
      comment.isAuthor ? 1 : 0, comment.notify, keys.current, keys.previous, since,
      comment.status === 'pending' ? (comment.heldReason ?? null) : null,
      comment.avatarKey ?? null,
    )
  const stored = db
    .prepare(`SELECT ${COLUMNS} FROM comments
      WHERE submit_key = ?1 OR (submit_key = ?2 AND created_at > ?3) ORDER BY id LIMIT 1`)
    .bind(keys.current, keys.previous, since)
  const extra = related?.({ submitKey: keys.current, previousKey: keys.previous, since }) ?? []
  const results = await retryTransient(() => db.batch<CommentRecord>([insert, ...extra, stored]))
  const [inserted, selected] = [results[0], results[results.length - 1]]
  const record = selected!.results[0]
  if (!record) throw new Error('comment insert stored no row')
  return { comment: toComment(record), created: inserted!.meta.changes > 0 }
}

/**
 * Sets the status of one or many comments (any number: the ids travel as one JSON parameter) and
 * returns every matching row, changed or not, so the caller can purge their posts' pages. A
 * comment that leaves the queue loses its held reason. `also`
 * (the outbox rows an approval causes) runs in the same batch, after the update; it must be
 * idempotent (the batch is retried on transient errors).
 */
export async function setStatus(
  db: D1Database,
  ids: number | readonly number[],
  status: CommentStatus,
  now = Date.now(),
  also: readonly D1PreparedStatement[] = [],
): Promise<CommentRow[]> {
  const list = typeof ids === 'number' ? [ids] : ids
  if (list.length === 0) return []
  const update = db
    .prepare(`UPDATE comments SET status = ?1, updated_at = CASE WHEN status = ?1 THEN updated_at ELSE ?2 END,
        held_reason = CASE WHEN ?1 = 'pending' THEN held_reason END
      WHERE id IN (SELECT value FROM json_each(?3)) RETURNING ${COLUMNS}`)
    .bind(status, now, JSON.stringify(list))
  const [updated] = await retryTransient(() => db.batch<CommentRecord>([update, ...also]))
  return updated!.results.map(toComment)
}

/**
 * The pending comments of a poster: those with IP HMAC `ipHmac` or email `email`
 * (case-insensitive), either of which may be null (then it matches nothing). For a ban.
 */
export async function listPendingOfPoster(db: D1Database, ipHmac: string | null, email: string | null): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE status = 'pending'
      AND ((?1 IS NOT NULL AND ip_hmac = ?1) OR (?2 IS NOT NULL AND author_email = ?2 COLLATE NOCASE)) ORDER BY id`)
    .bind(ipHmac, email)
    .all<CommentRecord>()
  return results.map(toComment)
}

/**
 * Sends the comments `ids` that are still pending to spam (a ban), `also` in the same batch
 * (the record of what the ban moved); returns the rows it moved.
 */
export async function spamPending(
  db: D1Database,
  ids: readonly number[],
  now: number,
  also: readonly D1PreparedStatement[] = [],
): Promise<CommentRow[]> {
  if (ids.length === 0) return []
  const update = db
    .prepare(`UPDATE comments SET status = 'spam', held_reason = NULL, updated_at = ?1
      WHERE status = 'pending' AND id IN (SELECT value FROM json_each(?2)) RETURNING ${COLUMNS}`)
    .bind(now, JSON.stringify(ids))
  const [updated] = await retryTransient(() => db.batch<CommentRecord>([update, ...also]))
  return updated!.results.map(toComment)
}

/**
 * Puts comments a ban sent to spam back in the queue with the reason they were held for, those
 * still in spam only (one the admin approved or deleted meanwhile keeps that), `also` in the same
 * batch (the ban's removal); returns the rows it restored.
 */
export async function restorePending(
  db: D1Database,
  moved: readonly { commentId: number; heldReason: HeldReason | null }[],
  now: number,
  also: readonly D1PreparedStatement[] = [],
): Promise<CommentRow[]> {
  const json = JSON.stringify(moved.map((m) => ({ id: m.commentId, reason: m.heldReason })))
  const update = db
    .prepare(`UPDATE comments SET status = 'pending', updated_at = ?1,
        held_reason = (SELECT value ->> '$.reason' FROM json_each(?2) WHERE value ->> '$.id' = comments.id)
      WHERE status = 'spam' AND id IN (SELECT value ->> '$.id' FROM json_each(?2)) RETURNING ${COLUMNS}`)
    .bind(now, json)
  const [updated] = await retryTransient(() => db.batch<CommentRecord>([update, ...also]))
  return updated!.results.map(toComment)
}

/** Comments with `status`, newest first (the moderation queue). */
export async function listByStatus(db: D1Database | D1DatabaseSession, status: CommentStatus, limit: number): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE status = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2`)
    .bind(status, limit)
    .all<CommentRecord>()
  return results.map(toComment)
}

/** The latest comments across posts, whatever their status, newest first (admin). */
export async function listRecent(db: D1Database, limit: number): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments ORDER BY created_at DESC, id DESC LIMIT ?1`)
    .bind(limit)
    .all<CommentRecord>()
  return results.map(toComment)
}

/** Approved comments per slug (0 for none), in one query whatever the number of slugs. */
export async function countApproved(db: D1Database | D1DatabaseSession, slugs: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(slugs.map((slug) => [slug, 0]))
  if (slugs.length === 0) return counts
  // One JSON parameter instead of one per slug: D1 allows 100 bound parameters per statement.
  const { results } = await db
    .prepare(`SELECT post_slug, COUNT(*) AS n FROM comments
      WHERE status = 'approved' AND post_slug IN (SELECT value FROM json_each(?1)) GROUP BY post_slug`)
    .bind(JSON.stringify(slugs))
    .all<{ post_slug: string; n: number }>()
  for (const { post_slug, n } of results) counts.set(post_slug, n)
  return counts
}

/** An edit: the new text and its HTML, and the status it sends the comment to, if it changes it. */
export interface BodyEdit {
  body: string
  html: string
  version: number
  /** Applied only to a comment still approved or pending (one the admin marked meanwhile keeps its mark). */
  moderation?: { status: 'approved' | 'pending'; heldReason: HeldReason | null }
}

/**
 * Replaces a comment's text and its rendered HTML, and with `moderation` its status and held
 * reason, in one statement; null when the id is unknown.
 */
export async function updateBody(db: D1Database, id: number, edit: BodyEdit, now = Date.now()): Promise<CommentRow | null> {
  const { status = null, heldReason = null } = edit.moderation ?? {}
  const record = await retryTransient(() =>
    db
      .prepare(`UPDATE comments SET body = ?2, body_html = ?3, render_version = ?4, updated_at = ?5,
          status = CASE WHEN ?6 IS NOT NULL AND status IN ('approved', 'pending') THEN ?6 ELSE status END,
          held_reason = CASE WHEN ?6 IS NOT NULL AND status IN ('approved', 'pending') THEN ?7 ELSE held_reason END
        WHERE id = ?1 RETURNING ${COLUMNS}`)
      .bind(id, edit.body, edit.html, edit.version, now, status, status === 'pending' ? heldReason : null)
      .first<CommentRecord>(),
  )
  return record ? toComment(record) : null
}

/**
 * WordPress's rule: trusted once an earlier comment with the same name and email (case-insensitive)
 * was approved. Without an email nobody is trusted.
 */
export async function isTrustedCommenter(db: D1Database, name: string, email: string | null): Promise<boolean> {
  if (!email) return false
  const found = await db
    .prepare(`SELECT 1 AS found FROM comments
      WHERE author_email = ?2 COLLATE NOCASE AND author_name = ?1 AND status = 'approved' LIMIT 1`)
    .bind(name, email)
    .first<{ found: number }>()
  return found !== null
}
