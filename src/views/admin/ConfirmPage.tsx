import type { ThreadLink } from '../../content/discussion-host'
import type { CommentRow } from '../../comments/types'
import type { ModerationAction } from '../../comments/moderation'
import type { SiteConfig } from '../../content/types'
import { formatCount, uiStrings } from '../../i18n'
import { ADMIN_COMMENTS_PATH, ADMIN_PATH } from '../../urls'
import { AdminLayout } from './AdminLayout'
import { CommentItem } from './CommentItem'
import { isDestructive } from './confirm'

export interface ConfirmPageProps {
  site: SiteConfig
  action: ModerationAction
  /** The comments the action would change, as they are now. */
  comments: CommentRow[]
  /** The title and path of the post or page a thread key names. */
  threadOf: (slug: string) => ThreadLink
}

/**
 * "Delete this comment? [Delete] [Cancel]": the comments, what the action does to them, and a
 * form that carries the same action and ids to /admin/comments, where they are acted on.
 */
export function ConfirmPage({ site, action, comments, threadOf }: ConfirmPageProps) {
  const ui = uiStrings(site.language).admin
  const title = formatCount(ui.confirm.title[action], comments.length, site.language)
  return (
    <AdminLayout site={site} title={title} signedIn>
      <p>{ui.confirm.explain[action]}</p>
      <ul class="admin-list">
        {comments.map((comment) => (
          <li>
            <CommentItem site={site} comment={comment} thread={threadOf(comment.postSlug)} idPrefix="confirm" summary />
          </li>
        ))}
      </ul>
      <form class="confirm actions" method="post" action={ADMIN_COMMENTS_PATH}>
        {comments.map((comment) => (
          <input type="hidden" name="id" value={String(comment.id)} />
        ))}
        <button type="submit" name="action" value={action} class={isDestructive(action) ? 'danger' : undefined}>
          {ui.confirm.submit[action]}
        </button>
        <a href={ADMIN_PATH}>{ui.confirm.cancel}</a>
      </form>
    </AdminLayout>
  )
}
