import type { CommentRef } from '../comments/store'
import type { CommentRow, NewComment } from '../comments/types'
import type { SiteConfig } from '../content/types'
import { confirmationStatement, noticeStatement, webhookStatement } from './outbox-queue'
import { planCommentNotices, planReaderNotices } from './recipients'
import { getNoticeFacts, subscribeStatements } from './subscriptions'

/**
 * What a comment owes in email, as D1 statements for the same batch as the write that causes
 * it: the comment and its outbox rows are stored together or not at all, so no email is owed
 * for a comment that was not stored, and none is lost for one that was.
 */

type Subject = Pick<NewComment, 'postSlug' | 'parentId' | 'authorEmail' | 'isAuthor' | 'status' | 'notify'>

/**
 * Reads what recipient selection needs (one round trip, only when the comment is public) and
 * returns the statements to add to the batch that stores `comment`, once its reference is
 * known: the commenter's own subscription request (and their confirmation email when one is
 * due), the author's notice, the author's webhook alert when `options.webhook` (WEBHOOK_URL is
 * set; never for the author's own comments), and the readers' notices when the comment is public now.
 */
export async function newCommentStatements(
  db: D1Database,
  comment: Subject,
  site: SiteConfig,
  now: number,
  options: { webhook?: boolean } = {},
): Promise<(ref: CommentRef) => D1PreparedStatement[]> {
  const isPublic = comment.status === 'approved'
  const ownEmail = comment.isAuthor ? (site.email.author ?? null) : comment.authorEmail
  const facts = isPublic ? await getNoticeFacts(db, comment.postSlug, comment.parentId) : { ancestorIds: [], subscriptions: [] }
  const notices = planCommentNotices(
    { postSlug: comment.postSlug, ancestorIds: facts.ancestorIds, ownEmail, isAuthor: comment.isAuthor, isPublic },
    facts.subscriptions,
    site.email.author,
  )
  const email = comment.notify && !comment.isAuthor ? comment.authorEmail : null
  const request = email ? { email, scope: comment.notify!, postSlug: comment.postSlug } : null
  return (ref) => [
    ...(request ? [...subscribeStatements(db, request, ref, now), confirmationStatement(db, request, ref, now)] : []),
    ...[noticeStatement(db, ref, notices, now)].filter((s) => s !== null),
    ...(options.webhook && !comment.isAuthor ? [webhookStatement(db, ref, now)] : []),
  ]
}

/**
 * The readers' notices of comments that become public (an approval), for the batch that
 * approves them; each is checked in SQL to be approved when it runs. The author was told when
 * the comment came in.
 */
export async function approvalStatements(
  db: D1Database,
  comments: readonly Pick<CommentRow, 'id' | 'postSlug' | 'parentId' | 'authorEmail'>[],
  now: number,
): Promise<D1PreparedStatement[]> {
  const statements = await Promise.all(
    comments.map(async (comment) => {
      const facts = await getNoticeFacts(db, comment.postSlug, comment.parentId)
      const notices = planReaderNotices({ postSlug: comment.postSlug, ancestorIds: facts.ancestorIds, ownEmail: comment.authorEmail }, facts.subscriptions)
      return noticeStatement(db, { id: comment.id }, notices, now)
    }),
  )
  return statements.filter((s) => s !== null)
}
