import type { SiteConfig } from '../content/types'
import { CommentRejected } from '../errors'
import { COMMENT_RENDER_VERSION, countLinks, renderComment } from '../markdown/comment'
import { EDIT_WINDOW_MS, VIEW_TOKEN_TTL_MS, hashIp, signToken, verifyToken } from './hmac'
import { publicTags, purgeQuietly, type CommentDeps } from './service'
import { linkHosts } from './link-hosts'
import { matchRules } from './rules'
import { moderationDecision, underEditLimit } from './spam'
import { getComment, isTrustedCommenter, setStatus, updateBody, type BodyEdit } from './store'
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

/** Who asks for an edit or a delete: the rate limit's key, and whether it is an admin request (no limit). */
export interface EditRequest {
  /** CF-Connecting-IP; used only as its HMAC. */
  ip?: string
  isAdmin?: boolean
  now?: number
}

/** Throws `CommentRejected('rate_limited')` (429) when the poster edits or deletes too often. */
async function checkEditRate(deps: CommentDeps, comment: CommentRow, { ip, isAdmin }: EditRequest) {
  if (isAdmin) return
  const ipHmac = ip ? await hashIp(deps.signingKey, ip) : null
  // Ids alone could repeat across databases (tests); with the creation time they name one comment.
  const key = `${comment.id}:${comment.createdAt}`
  if (!(await underEditLimit(deps.rateLimiter, ipHmac, key))) throw new CommentRejected('rate_limited')
}

/**
 * Where an edit sends the comment: a published comment goes back to the queue when the edit adds
 * a link, or when the policy would hold its new text as a new comment (the admin approved the
 * old text, not this one); a held one stays held, its reason following the new text. Undefined
 * leaves the status alone (the author's comments, admin requests, spam).
 */
async function editModeration(
  deps: CommentDeps,
  comment: CommentRow,
  { body, html }: { body: string; html: string },
  { site, isAdmin, ip }: { site: SiteConfig; isAdmin?: boolean; ip?: string },
): Promise<BodyEdit['moderation']> {
  if (comment.isAuthor || isAdmin || (comment.status !== 'approved' && comment.status !== 'pending')) return undefined
  const links = countLinks(html)
  if (comment.status === 'approved' && links > countLinks(comment.bodyHtml)) return { status: 'pending', heldReason: 'edit_added_link' }
  // A content rule that the new text matches holds it (an edit never sends a comment to spam:
  // the admin sees it in the queue, with the reason).
  const subject = { name: comment.authorName, email: comment.authorEmail, body, linkHosts: linkHosts(html), ip }
  const rule = matchRules(site.comments, subject)
  const decision = await moderationDecision({
    policy: site.comments,
    trustedRequest: false,
    links,
    isTrustedCommenter: () => isTrustedCommenter(deps.db, comment.authorName, comment.authorEmail),
    rule: rule && { ...rule, list: 'hold' },
  })
  return decision.status === 'pending' ? decision : undefined
}

/**
 * Replaces the text of `comment` (from `getEditableComment`, body validated by the caller),
 * rendered and sanitized once, and re-moderated (`editModeration`) in the same write. Throws
 * `CommentRejected('rate_limited')` first when the poster edits too often. Purges the post's
 * pages when the comment was public (its text changed, or it went back to the queue).
 */
export async function editComment(
  deps: CommentDeps,
  comment: CommentRow,
  body: string,
  { site, ...request }: EditRequest & { site: SiteConfig },
): Promise<CommentRow> {
  await checkEditRate(deps, comment, request)
  const html = renderComment(body)
  const moderation = await editModeration(deps, comment, { body, html }, { site, isAdmin: request.isAdmin, ip: request.ip })
  const edit = { body, html, version: COMMENT_RENDER_VERSION, moderation }
  const edited = (await updateBody(deps.db, comment.id, edit, request.now ?? Date.now())) ?? comment
  if (comment.status === 'approved') await purgeQuietly(deps, publicTags(comment.postSlug))
  return edited
}

/**
 * Deletes `comment` (a "[deleted]" placeholder stays for its replies) and purges if it was
 * public. Rate-limited as edits are (`CommentRejected('rate_limited')`).
 */
export async function deleteOwnComment(deps: CommentDeps, comment: CommentRow, request: EditRequest = {}): Promise<CommentRow> {
  await checkEditRate(deps, comment, request)
  const [deleted] = await setStatus(deps.db, comment.id, 'deleted', request.now ?? Date.now())
  if (comment.status === 'approved') await purgeQuietly(deps, publicTags(comment.postSlug))
  return deleted ?? comment
}
