import type { PlannedNotice, SubscriptionFacts } from './types'

/** What recipient selection needs to know about a new (or newly approved) comment. */
export interface CommentFacts {
  postSlug: string
  /** The comments it answers, nearest first: its parent, the parent's parent, … */
  ancestorIds: readonly number[]
  /** The address of whoever wrote it (the site author's address for the author's replies). */
  ownEmail: string | null
}

/** The form in which addresses are stored and compared: trimmed and lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * The readers to tell about a public comment, one notice per address: a `replies` subscription
 * matches when it follows one of the comment's ancestors, a `post` one when it follows the
 * comment's post. Unconfirmed addresses and the comment's own author get nothing. When several
 * subscriptions of one address match, the most specific wins (the nearest followed ancestor,
 * then the post), so its unsubscribe link is the one that stops this kind of email. Pure.
 */
export function planReaderNotices(comment: CommentFacts, subscriptions: readonly SubscriptionFacts[]): PlannedNotice[] {
  const own = comment.ownEmail === null ? null : normalizeEmail(comment.ownEmail)
  const best = new Map<string, { rank: number; notice: PlannedNotice }>()
  for (const sub of subscriptions) {
    const rank = matchRank(comment, sub)
    const email = normalizeEmail(sub.email)
    if (rank === null || !sub.confirmed || email === own) continue
    const current = best.get(email)
    if (current && current.rank <= rank) continue
    const kind = sub.scope === 'replies' ? 'reply' : 'post'
    best.set(email, { rank, notice: { kind, email, subscriptionId: sub.id } })
  }
  return [...best.values()].map(({ notice }) => notice)
}

/** Lower is more specific: the depth of the followed ancestor, or past every ancestor for the post. */
function matchRank(comment: CommentFacts, sub: SubscriptionFacts): number | null {
  if (sub.postSlug !== comment.postSlug) return null
  if (sub.scope === 'post') return comment.ancestorIds.length
  const depth = sub.commentId === null ? -1 : comment.ancestorIds.indexOf(sub.commentId)
  return depth < 0 ? null : depth
}

/**
 * The blog author's notice of a new comment (held ones included), or null: when no author
 * address is configured, or when the comment is the author's own. Pure.
 */
export function planAuthorNotice(
  comment: { ownEmail: string | null; isAuthor: boolean },
  authorEmail: string | undefined,
): PlannedNotice | null {
  if (!authorEmail || comment.isAuthor) return null
  const email = normalizeEmail(authorEmail)
  if (comment.ownEmail !== null && normalizeEmail(comment.ownEmail) === email) return null
  return { kind: 'author', email, subscriptionId: null }
}


/**
 * Every notice a new comment causes: the author's (held comments included), and, when the
 * comment is public, the readers'. An address gets one of them at most: the author's wins,
 * since it carries the moderation link. Pure.
 */
export function planCommentNotices(
  comment: CommentFacts & { isAuthor: boolean; isPublic: boolean },
  subscriptions: readonly SubscriptionFacts[],
  authorEmail: string | undefined,
): PlannedNotice[] {
  const author = planAuthorNotice(comment, authorEmail)
  const readers = comment.isPublic ? planReaderNotices(comment, subscriptions) : []
  return author ? [author, ...readers.filter((notice) => notice.email !== author.email)] : readers
}
