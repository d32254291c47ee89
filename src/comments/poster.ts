import type { SiteConfig } from '../content/types'
import { COMMENT_RENDER_VERSION, countLinks, renderComment } from '../markdown/comment'
import { EDIT_WINDOW_MS, VIEW_TOKEN_TTL_MS, signToken, verifyToken } from './hmac'
import { CommentRejected, publicTags, purgeQuietly, type CommentDeps } from './service'
import { getComment, setStatus, updateBody } from './store'
import type { CommentRow } from './types'

/**
 * What the poster of a comment, and only they, can do with the signed links they were given:
 * see it while it is held (`view`, 30 days), and edit or delete it for 15 minutes (`edit`).
 * Tokens depend only on the comment and its creation time, so a double submit gets the same links.
 */

/** When the poster's edit link stops working (unix ms). */
export function editDeadline(comment: Pick<CommentRow, 'createdAt'>): number {
  return comment.createdAt + EDIT_WINDOW_MS
}

export function editToken(signingKey: string, comment: Pick<CommentRow, 'id' | 'createdAt'>): Promise<string> {
  return signToken(signingKey, 'edit', comment.id, editDeadline(comment))
}

export function viewToken(signingKey: string, comment: Pick<CommentRow, 'id' | 'createdAt'>): Promise<string> {
  return signToken(signingKey, 'view', comment.id, comment.createdAt + VIEW_TOKEN_TTL_MS)
}

/** A comment its poster can still see (held, or published; a deleted one is gone). */
const OWN_STATUSES = new Set(['pending', 'approved', 'spam'])

/**
 * The comment `id` of post `slug` when `token` is a valid `view` link for it, else null. A
 * comment marked as spam is shown to its poster like a held one: they are not told.
 */
export async function getOwnComment(
  deps: Pick<CommentDeps, 'db' | 'signingKey'>,
  { id, slug, token }: { id: number; slug: string; token: string },
  now = Date.now(),
): Promise<CommentRow | null> {
  if (!(await verifyToken(deps.signingKey, token, 'view', id, now))) return null
  const comment = await getComment(deps.db, id)
  return comment && comment.postSlug === slug && OWN_STATUSES.has(comment.status) ? comment : null
}

/**
 * The comment `id` of `slug` that an `edit` token opens. Throws `CommentRejected('edit_link_invalid')`
 * (403) for an expired or forged token; returns null when no such comment can be edited (404).
 */
export async function getEditableComment(
  deps: Pick<CommentDeps, 'db' | 'signingKey'>,
  { id, slug, token }: { id: number; slug: string; token: string },
  now = Date.now(),
): Promise<CommentRow | null> {
  if (!(await verifyToken(deps.signingKey, token, 'edit', id, now))) throw new CommentRejected('edit_link_invalid')
  const comment = await getComment(deps.db, id)
  return comment && comment.postSlug === slug && OWN_STATUSES.has(comment.status) ? comment : null
}

/**
 * Replaces the text of `comment` (from `getEditableComment`, body validated by the caller),
 * rendered and sanitized once. An edit that adds links past `maxLinks` puts a published
 * comment back in the queue, so a clean comment cannot be turned into spam after approval.
 * Purges the post's pages when the comment was or is public.
 */
export async function editComment(
  deps: CommentDeps,
  comment: CommentRow,
  body: string,
  { site, now = Date.now() }: { site: SiteConfig; now?: number },
): Promise<CommentRow> {
  const html = renderComment(body)
  let edited = (await updateBody(deps.db, comment.id, body, html, COMMENT_RENDER_VERSION, now)) ?? comment
  const tooManyLinks = countLinks(html) > site.comments.maxLinks && !comment.isAuthor
  if (tooManyLinks && edited.status === 'approved') edited = (await setStatus(deps.db, comment.id, 'pending', now))[0] ?? edited
  if (comment.status === 'approved') await purgeQuietly(deps, publicTags(comment.postSlug))
  return edited
}

/** Deletes `comment` (a "[deleted]" placeholder stays for its replies) and purges if it was public. */
export async function deleteOwnComment(deps: CommentDeps, comment: CommentRow, now = Date.now()): Promise<CommentRow> {
  const [deleted] = await setStatus(deps.db, comment.id, 'deleted', now)
  if (comment.status === 'approved') await purgeQuietly(deps, publicTags(comment.postSlug))
  return deleted ?? comment
}
