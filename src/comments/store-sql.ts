/** SQL fragments naming a comment, for statements of other tables (the outbox, subscriptions) to splice in. */

/**
 * How statements of other tables (the outbox, subscriptions) name a comment. In the batch that
 * stores a new comment its id is not known yet, so they name it as `insertComment` finds it: by
 * its submit key (or the previous bucket's key within the duplicate window). After that, by id.
 */
export type CommentRef = { id: number } | SubmittedComment

/** The submit keys `insertComment` stores and looks a new comment up by (src/comments/submit-key.ts). */
export interface SubmittedComment {
  submitKey: string
  previousKey: string
  /** Created after this (unix ms): the duplicate window of the previous key. */
  since: number
}

/**
 * A scalar subquery for the comment's id, and its binds, numbered from `first` (`?first` …), to
 * splice into a statement that has its own binds below `first`.
 */
export function commentIdSql(ref: CommentRef, first: number): { sql: string; binds: (string | number)[] } {
  if ('id' in ref) return { sql: `?${first}`, binds: [ref.id] }
  const [a, b, c] = [first, first + 1, first + 2]
  return {
    // The same rule, and the same tie-break, as insertComment's own look-up.
    sql: `(SELECT id FROM comments WHERE submit_key = ?${a} OR (submit_key = ?${b} AND created_at > ?${c}) ORDER BY id LIMIT 1)`,
    binds: [ref.submitKey, ref.previousKey, ref.since],
  }
}

/**
 * The comment `ref` as a one-row table (none when it does not exist) with the columns `id` and
 * `status`, to select from in a statement of another table; binds as `commentIdSql`.
 */
export function commentStatusSql(ref: CommentRef, first: number): { sql: string; binds: (string | number)[] } {
  const id = commentIdSql(ref, first)
  return { sql: `(SELECT id, status FROM comments WHERE id = ${id.sql})`, binds: id.binds }
}

/**
 * A `WITH RECURSIVE` clause naming `chain (id, parent_id, depth)`: comment `?<param>` (depth 0)
 * and its ancestors, the parent at depth 1, at most 1000 deep (a cycle cannot loop forever).
 */
export function ancestorChainSql(param: number): string {
  return `WITH RECURSIVE chain (id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM comments WHERE id = ?${param}
    UNION ALL
    SELECT c.id, c.parent_id, chain.depth + 1 FROM comments c JOIN chain ON c.id = chain.parent_id WHERE chain.depth < 1000
  )`
}
