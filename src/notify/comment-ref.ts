/**
 * How notification statements name the comment they are about. In the batch that stores a new
 * comment its id is not known yet, so they name it as `insertComment` finds it: by its submit
 * key (or the previous bucket's key within the duplicate window). After that, by id.
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
