import type { ThreadLink } from '../../content/discussion-host'
import { ADMIN_COMMENTS_PATH, ADMIN_CONFIRM_PATH } from '../../urls'
import type { Child } from 'hono/jsx'
import type { SiteConfig } from '../../content/types'
import type { CommentRow } from '../../comments/types'
import { formatCount, uiStrings, type AdminStrings } from '../../i18n'
import { AdminLayout } from './AdminLayout'
import { CommentItem } from './CommentItem'
import type { Notice } from './notice'

const BULK_FORM = 'bulk'

/** A reply that failed validation: shown again under its comment with the text kept. */
export interface ReplyProblem {
  commentId: number
  body: string
  error: string
}

export interface DashboardPageProps {
  site: SiteConfig
  /** Pending comments, newest first. */
  queue: CommentRow[]
  /** Comments of any status across posts, newest first. */
  recent: CommentRow[]
  /** The title and path of the post or page a thread key names. */
  threadOf: (slug: string) => ThreadLink
  notice?: Notice
  replyProblem?: ReplyProblem
  /** More sections after the queue (the emails that failed). */
  children?: Child
}

/** The moderation queue (bulk and one-by-one actions, replies as the author) and recent comments. */
export function DashboardPage({ site, queue, recent, threadOf, notice, replyProblem, children }: DashboardPageProps) {
  const ui = uiStrings(site.language).admin
  const strayProblem = replyProblem && !queue.some((comment) => comment.id === replyProblem.commentId)
  return (
    <AdminLayout site={site} title={ui.title} signedIn current="queue">
      {notice && (
        <p class="banner" role="status">
          {noticeText(ui, notice, site.language)}
        </p>
      )}
      {strayProblem && (
        <p class="field-error" role="alert">
          {replyProblem.error}
        </p>
      )}
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{ui.queue.title}</h2>
        {queue.length === 0 ? (
          <p>{ui.queue.empty}</p>
        ) : (
          <>
            <form id={BULK_FORM} class="bulk" method="post" action={ADMIN_COMMENTS_PATH} aria-label={ui.queue.selected}>
              {/* Every bulk action asks first: approving many at once emails their followers. */}
              <button type="submit" name="action" value="approve" formaction={ADMIN_CONFIRM_PATH}>{ui.queue.approveSelected}</button>
              <button type="submit" name="action" value="spam" class="danger" formaction={ADMIN_CONFIRM_PATH}>{ui.queue.spamSelected}</button>
              <button type="submit" name="action" value="delete" class="danger" formaction={ADMIN_CONFIRM_PATH}>{ui.queue.deleteSelected}</button>
            </form>
            <ul class="admin-list">
              {queue.map((comment) => {
                const failed = replyProblem?.commentId === comment.id ? replyProblem : undefined
                return (
                  <li>
                    <CommentItem
                      site={site}
                      comment={comment}
                      thread={threadOf(comment.postSlug)}
                      bulkForm={BULK_FORM}
                      reply={failed ? { body: failed.body, error: failed.error } : {}}
                      idPrefix="queue"
                    />
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>
      {children}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{ui.recent.title}</h2>
        {recent.length === 0 ? (
          <p>{ui.recent.empty}</p>
        ) : (
          <ul class="admin-list">
            {recent.map((comment) => (
              <li>
                <CommentItem site={site} comment={comment} thread={threadOf(comment.postSlug)} idPrefix="recent" recent />
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminLayout>
  )
}

function noticeText(ui: AdminStrings, notice: Notice, locale: string): string {
  if (notice.done === 'replied') return ui.done.replied
  if (notice.done === 'none') return ui.missing
  if (notice.n === 0) return ui.done.nothing
  const message = { approved: ui.done.approved, spam: ui.done.spam, deleted: ui.done.deleted }[notice.done]
  return formatCount(message, notice.n, locale)
}
