import type { SiteConfig } from '../content/types'
import { CommentRejected, toApiError, type FieldsError } from '../errors'
import { retryFailed } from '../notify/outbox'
import type { OutboxRow } from '../notify/types'
import { moderate, type ModerationResult, type ModerationStatus } from './moderation'
import { commentApiSchema } from './schema'
import {
  createComment,
  purgeQuietly,
  type CommentDeps,
  type CommentSubmission,
  type CreateOptions,
  type CreateResult,
} from './service'
import { getComment } from './store'

/**
 * The admin's use cases, each with its side effects done here, as `createComment`, `editComment`
 * and `deleteOwnComment` do theirs: the write, then `deps.purge` of the pages it changed, then
 * `deps.deliver` of the emails it queued. Routes only parse and answer.
 */

/**
 * Approves, marks as spam or deletes the comments `ids` (at most MAX_BULK: RangeError beyond),
 * then purges the pages whose public thread changed and tries the emails an approval queued.
 * Idempotent; unknown ids are left out of `comments`.
 */
export async function moderateComments(
  deps: Pick<CommentDeps, 'db' | 'purge' | 'deliver'>,
  ids: readonly number[],
  status: ModerationStatus,
  now = Date.now(),
): Promise<ModerationResult> {
  const result = await moderate(deps.db, ids, status, now)
  if (result.tags.length > 0) await purgeQuietly(deps, result.tags)
  if (result.published.length > 0) deps.deliver?.(result.published)
  return result
}

/**
 * Queues a failed email again and tries it at once (after the response). Null unless the email
 * `id` had failed.
 */
export async function retryFailedEmail(
  deps: Pick<CommentDeps, 'db' | 'deliver'>,
  id: number,
  now = Date.now(),
): Promise<OutboxRow | null> {
  const row = await retryFailed(deps.db, id, now)
  if (row?.commentId != null) deps.deliver?.([row.commentId])
  return row
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
 * Publishes the blog author's reply on `host` (a post or a page) (approved, with the badge) through the comment
 * service. Answering a held comment approves it first, as WordPress's "approve and reply" does.
 * Throws `CommentRejected('parent_unknown')` (422) when the parent is unknown, of another post,
 * spam or deleted; the service purges the post's pages.
 */
export async function replyAsAuthor(
  deps: CommentDeps,
  input: CommentSubmission,
  options: { host: CreateOptions['host']; site: SiteConfig; now?: Date },
): Promise<CreateResult> {
  const parent = input.parentId === null ? null : await getComment(deps.db, input.parentId)
  if (input.parentId !== null && parent?.postSlug !== options.host.slug) {
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
