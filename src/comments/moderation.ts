import { postTag } from '../cache/tags'
import { approvalStatements } from '../notify'
import { publicTags } from './service'
import { getComment, setStatus } from './store'
import type { CommentRow, CommentStatus } from './types'

/** What the admin can do to a comment, and the status each action sets. */
export const MODERATION_ACTIONS = { approve: 'approved', spam: 'spam', delete: 'deleted' } as const
export type ModerationAction = keyof typeof MODERATION_ACTIONS
export type ModerationStatus = (typeof MODERATION_ACTIONS)[ModerationAction]

/** Most comments one bulk action may name (the queue shows fewer). */
export const MAX_BULK = 100

/** One comment's status before an action (null when unknown) and its row after it. */
export interface StatusChange {
  before: CommentStatus | null
  after: CommentRow
}

export interface ModerationResult {
  /** The comments found, in their new state (unknown ids are left out). */
  comments: CommentRow[]
  /** How many of them changed status. */
  changed: number
  /** The cache tags to purge now that the D1 write is done. */
  tags: string[]
  /** The comments this action made public: their readers' emails are queued, to `deliver`. */
  published: number[]
}

// The public thread reads approved rows, and deleted ones as "[deleted]" placeholders; the
// counts on lists count approved rows only.
const THREAD_STATUSES: ReadonlySet<CommentStatus> = new Set(['approved', 'deleted'])

/**
 * The cache tags that status changes make stale: a post's pages when its public thread changed
 * (a comment entered or left the approved or deleted rows), and the lists too when its count
 * changed (a comment became or stopped being approved). An unknown `before` counts as a change
 * that may have been public. Pure.
 */
export function tagsToPurge(changes: readonly StatusChange[]): string[] {
  const tags = new Set<string>()
  for (const { before, after } of changes) {
    if (before === after.status) continue
    const counted = before === null || before === 'approved' || after.status === 'approved'
    if (counted) for (const tag of publicTags(after.postSlug)) tags.add(tag)
    else if (THREAD_STATUSES.has(before) || THREAD_STATUSES.has(after.status)) tags.add(postTag(after.postSlug))
  }
  return [...tags]
}

/**
 * Sets `status` on the comments `ids` (at most MAX_BULK) and returns them with the tags to purge
 * and the ids it made public (their readers' emails are queued in the same batch). The storage
 * step only: the admin's use case, with the purge and the delivery, is `moderateComments`
 * (moderate.ts). Idempotent: a comment already in that status is returned unchanged and purges nothing.
 */
export async function moderate(
  db: D1Database,
  ids: readonly number[],
  status: ModerationStatus,
  now = Date.now(),
): Promise<ModerationResult> {
  const unique = [...new Set(ids)]
  if (unique.length > MAX_BULK) throw new RangeError(`at most ${MAX_BULK} comments per action`)
  // The previous statuses decide what to purge; setStatus returns only the new ones.
  const before = new Map<number, CommentRow>()
  for (const row of await Promise.all(unique.map((id) => getComment(db, id)))) {
    if (row) before.set(row.id, row)
  }
  if (before.size === 0) return { comments: [], changed: 0, tags: [], published: [] }
  // An approval queues the readers' emails the comments owe now, in the same batch (src/notify).
  const publishing = status === 'approved' ? [...before.values()].filter((row) => row.status !== 'approved') : []
  const notices = await approvalStatements(db, publishing, now)
  const comments = await setStatus(db, [...before.keys()], status, now, notices)
  const changes = comments.map((after) => ({ before: before.get(after.id)?.status ?? null, after }))
  const changed = changes.filter((change) => change.before !== change.after.status).length
  const published = changes.filter((c) => c.before !== 'approved' && c.after.status === 'approved').map((c) => c.after.id)
  return { comments, changed, tags: tagsToPurge(changes), published }
}
