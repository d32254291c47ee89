import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { formatDateTime, postLocale, uiStrings } from '../i18n'
import { commentPath, deletePath, editPath } from '../urls'
import { textareaText } from './CommentForm'
import { Layout } from './Layout'
import { CommentCard } from './Thread'

/** The poster's own pages, reached by signed links: never cached, never indexed. */

interface OwnPageProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  comment: CommentRow
}

function cardNode(comment: CommentRow) {
  return { id: comment.id, author: comment.authorName, isAuthor: comment.isAuthor, createdAt: comment.createdAt, html: comment.bodyHtml }
}

/** The poster's view of their comment: "awaiting moderation" while held, with the edit link while it lasts. */
export function HeldCommentPage({ site, post, comment, editHref }: OwnPageProps & { editHref?: string }) {
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  const published = comment.status === 'approved'
  const title = published ? ui.held.published : ui.held.title
  return (
    <Layout site={site} lang={locale} title={title} noindex>
      <p class="meta">
        <a href={post.path}>{post.title}</a>
      </p>
      <h1>{title}</h1>
      <p>{published ? <a href={commentPath(post, comment.id)}>{ui.held.seeIt}</a> : ui.held.message}</p>
      <div id={`comment-${comment.id}`} class="comment">
        <CommentCard
          node={cardNode(comment)}
          view={{ ui, locale, timeZone: site.timeZone }}
          href={commentPath(post, comment.id)}
          status={published ? undefined : ui.held.badge}
        >
          {editHref && (
            <p class="comment-actions">
              <a href={editHref}>{ui.editLink}</a>
            </p>
          )}
        </CommentCard>
      </div>
      <p>
        <a href={post.path}>{ui.held.back}</a>
      </p>
    </Layout>
  )
}

export interface EditCommentPageProps extends OwnPageProps {
  token: string
  /** Unix ms when the edit link stops working. */
  deadline: number
  /** The text being edited (what was sent, when it comes back with a problem). */
  body?: string
  error?: string
}

/** Edit (the text, re-rendered when saved) or delete, for the 15 minutes the token lasts. */
export function EditCommentPage({ site, post, comment, token, deadline, body, error }: EditCommentPageProps) {
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  return (
    <Layout site={site} lang={locale} title={ui.edit.title} noindex>
      <p class="meta">
        <a href={post.path}>{post.title}</a>
      </p>
      <h1>{ui.edit.title}</h1>
      <p>{ui.edit.until(formatDateTime(deadline, locale, site.timeZone))}</p>
      <form id="comment-form" class="comment-form" method="post" action={editPath(post, comment.id)}>
        <input type="hidden" name="t" value={token} />
        <div class="field">
          <label for="comment-body">{ui.form.body}</label>
          <textarea
            id="comment-body"
            name="body"
            required
            rows={8}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'comment-body-error comment-body-hint' : 'comment-body-hint'}
            autofocus={error ? true : undefined}
          >
            {textareaText(body ?? comment.body)}
          </textarea>
          <small id="comment-body-hint">{ui.form.bodyHint}</small>
          {error && (
            <p id="comment-body-error" class="field-error">
              {error}
            </p>
          )}
        </div>
        <p>
          <button type="submit">{ui.edit.save}</button>
        </p>
      </form>
      <h2>{ui.edit.deleteTitle}</h2>
      <form method="post" action={deletePath(post, comment.id)}>
        <input type="hidden" name="t" value={token} />
        <p>{ui.edit.deleteHint}</p>
        <p>
          <button type="submit" class="danger">
            {ui.edit.delete}
          </button>
        </p>
      </form>
    </Layout>
  )
}
