import { postTag } from '../cache/tags'
import type { PostMeta, SiteConfig } from '../content/types'
import { approvalStatements } from '../notify'
import { commentApiSchema, toApiError, type FieldsError } from './schema'
import {
  CommentRejected,
  createComment,
  publicTags,
  purgeQuietly,
  type CommentDeps,
  type CommentSubmission,
  type CreateResult,
} from './service'
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
 * and the ids it made public (their readers' emails are queued in the same batch).
 * Idempotent: a comment already in that status is returned unchanged and purges nothing.
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

/**
 * The blog author's reply as sent by the admin (`{body, parentId?}`), validated as readers'
 * comments are (the author's name is the site's); other fields are ignored.
 */
export function parseAuthorReply(
  site: SiteConfig,
  raw: unknown,
): { ok: true; input: CommentSubmission } | { ok: false; error: FieldsError } {
  const { body, parentId } = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const parsed = commentApiSchema.safeParse({ author: site.author, body, parentId })
  if (!parsed.success) return { ok: false, error: toApiError(parsed.error) }
  const { honeypot: _honeypot, ...input } = parsed.data
  return { ok: true, input: { ...input, email: null, notify: null } }
}

/**
 * Publishes the blog author's reply on `postMeta` (approved, with the badge) through the comment
 * service. Answering a held comment approves it first, as WordPress's "approve and reply" does.
 * Throws `CommentRejected('parent_unknown')` (422) when the parent is unknown, of another post,
 * spam or deleted; the service purges the post's pages.
 */
export async function replyAsAuthor(
  deps: CommentDeps,
  input: CommentSubmission,
  options: { postMeta: PostMeta; site: SiteConfig; now?: Date },
): Promise<CreateResult> {
  const parent = input.parentId === null ? null : await getComment(deps.db, input.parentId)
  if (input.parentId !== null && parent?.postSlug !== options.postMeta.slug) {
    throw new CommentRejected('parent_unknown', 'parent')
  }
  const approval = parent?.status === 'pending' ? await moderate(deps.db, [parent.id], 'approved') : undefined
  if (approval) deps.deliver?.(approval.published)
  try {
    // The reply is approved, so the service purges the same public tags the approval needs.
    return await createComment(deps, input, { ...options, isAdmin: true, asAuthor: true })
  } catch (error) {
    if (approval) await purgeQuietly(deps, approval.tags)
    throw error
  }
}
