/**
 * Moved to the comments store (src/comments/store.ts), which alone writes SQL on the comments
 * table; kept only until src/notify/subscriptions.ts imports them from there.
 */
export { commentIdSql, type CommentRef, type SubmittedComment } from '../comments/store'
