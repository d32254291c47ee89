import { COLUMNS, toComment, type CommentRecord } from './store-rows'
import type { CommentRow } from './types'

/** A commenter's comments by email: what the data request shows and what erasure strips (src/commenters/). */

/** Every comment stored with `email` (case-insensitive, as the trusted-commenter rule compares), oldest first. */
export async function listByEmail(db: D1Database, email: string): Promise<CommentRow[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM comments WHERE author_email = ?1 COLLATE NOCASE ORDER BY created_at, id`)
    .bind(email)
    .all<CommentRecord>()
  return results.map(toComment)
}

/** What erasing a commenter leaves in their comments: a name, and unless the text stays, a replacement. */
export interface CommentErasure {
  name: string
  /** The text (and its rendering) put in place of theirs; absent to keep their text. */
  replacement?: { body: string; html: string; version: number }
}

/**
 * The statement (for the caller's batch) that strips every comment stored with `email` of what
 * names its poster: the email, the IP HMAC, the notification wish and the submit key (a hash of
 * the email and the IP HMAC, replaced by `erased:<id>`); the name becomes `erasure.name`, and the
 * text `erasure.replacement` when given. Status, thread and dates stay. Returns the rows as
 * changed (`toCommentRows` maps them).
 */
export function eraseByEmailStatement(db: D1Database, email: string, erasure: CommentErasure, now: number): D1PreparedStatement {
  const text = erasure.replacement
  return db
    .prepare(`UPDATE comments SET author_name = ?2, author_email = NULL, ip_hmac = NULL, notify = NULL,
        submit_key = 'erased:' || id, updated_at = ?3,
        body = coalesce(?4, body), body_html = coalesce(?5, body_html), render_version = coalesce(?6, render_version)
      WHERE author_email = ?1 COLLATE NOCASE RETURNING ${COLUMNS}`)
    .bind(email, erasure.name, now, text?.body ?? null, text?.html ?? null, text?.version ?? null)
}

/** The rows a batch's `eraseByEmailStatement` returned. */
export function toCommentRows(result: D1Result): CommentRow[] {
  return (result.results as CommentRecord[]).map(toComment)
}
