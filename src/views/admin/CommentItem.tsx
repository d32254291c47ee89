import type { SiteConfig } from '../../content/types'
import type { CommentRow } from '../../comments/types'
import { MODERATION_ACTIONS, type ModerationAction } from '../../comments/moderation'
import { formatDateTime, uiStrings } from '../../i18n'
import type { ThreadLink } from '../../content/discussion-host'
import { ADMIN_BANS_PATH, ADMIN_COMMENTS_PATH, ADMIN_CONFIRM_PATH, adminReplyPath, commentPath } from '../../urls'
import { isDestructive } from './confirm'

const EXCERPT_CHARS = 600

/** The start of the source text (code points, so no emoji is cut in half); JSX escapes it. */
function excerpt(text: string): string {
  const chars = [...text]
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : text
}

export interface CommentItemProps {
  site: SiteConfig
  comment: CommentRow
  /** The post or page the comment is on (`threadLink`). */
  thread: ThreadLink
  /** Tick box tied to the bulk form (by its id). */
  bulkForm?: string
  /** Show the "reply as the author" form; with an error and the text typed after a failed reply. */
  reply?: { body?: string; error?: string }
  /** Prefix of element ids, unique per list. */
  idPrefix: string
  /** In the recent list: its actions get a name of their own, since the queue may show the same comment. */
  recent?: boolean
  /** Without actions: the comment as the confirmation step shows what it is about to change. */
  summary?: boolean
}

/** One comment for the admin: author, email, post, date, status (and why it is held), the start of its text, actions. */
export function CommentItem({ site, comment, thread, bulkForm, reply, idPrefix, recent, summary }: CommentItemProps) {
  const ui = uiStrings(site.language).admin.comment
  const id = `${idPrefix}-${comment.id}`
  const actions = (Object.keys(MODERATION_ACTIONS) as ModerationAction[]).filter(
    (action) => MODERATION_ACTIONS[action] !== comment.status,
  )
  return (
    <article class="admin-comment" aria-labelledby={`${id}-author`}>
      <p class="meta">
        {bulkForm && (
          <>
            <input type="checkbox" id={`${id}-select`} name="id" value={String(comment.id)} form={bulkForm} />
            <label for={`${id}-select`} class="visually-hidden">
              {ui.select(comment.id, comment.authorName)}
            </label>
          </>
        )}
        <strong id={`${id}-author`}>{comment.authorName}</strong>
        {comment.isAuthor && <span class="badge">{ui.authorBadge}</span>}
        <span>{comment.authorEmail ?? ui.noEmail}</span>
        <span>
          {`${ui.onPost} `}
          <a href={thread.path}>{thread.title}</a>
        </span>
        <time datetime={new Date(comment.createdAt).toISOString()}>
          {formatDateTime(comment.createdAt, site.language, site.timeZone)}
        </time>
        <span class={`status status-${comment.status}`}>{ui.status[comment.status]}</span>
        {comment.status === 'approved' && (
          <a href={commentPath(thread, comment.id)}>{ui.view}</a>
        )}
      </p>
      {comment.status === 'pending' && comment.heldReason && <p class="held-reason">{ui.heldReason[comment.heldReason]}</p>}
      {comment.parentId !== null && <p class="meta">{ui.inReplyTo(comment.parentId)}</p>}
      <blockquote class="excerpt">{excerpt(comment.body)}</blockquote>
      {!summary && (
        <form class="actions" method="post" action={ADMIN_COMMENTS_PATH} aria-label={(recent ? ui.recentActions : ui.actions)(comment.id)}>
          <input type="hidden" name="id" value={String(comment.id)} />
          {actions.map((action) => (
            <button
              type="submit"
              name="action"
              value={action}
              class={isDestructive(action) ? 'danger' : undefined}
              formaction={isDestructive(action) ? ADMIN_CONFIRM_PATH : undefined}
            >
              {ui[action]}
            </button>
          ))}
          {/* Whoever wrote it, by its email and IP HMAC: undone by lifting the ban (/admin/bans). */}
          {bannable(comment) && (
            <button type="submit" class="danger" formaction={ADMIN_BANS_PATH}>
              {uiStrings(site.language).admin.bans.ban}
            </button>
          )}
        </form>
      )}
      {reply && <ReplyForm site={site} comment={comment} id={`${id}-reply`} {...reply} />}
    </article>
  )
}

/** A reader's comment with something to ban it by (the author's replies have neither email nor IP). */
function bannable(comment: CommentRow): boolean {
  return !comment.isAuthor && (comment.authorEmail !== null || comment.ipHmac !== null)
}

function ReplyForm(props: { site: SiteConfig; comment: CommentRow; id: string; body?: string; error?: string }) {
  const ui = uiStrings(props.site.language).admin.reply
  const { comment, id, error } = props
  return (
    <form class="reply" method="post" action={adminReplyPath(comment.id)}>
      <label for={id}>{ui.label(comment.authorName)}</label>
      <textarea
        id={id}
        name="body"
        rows={3}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {/* A browser drops one newline right after <textarea>: keep the text's own. */}
        {`\n${props.body ?? ''}`}
      </textarea>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{comment.status === 'pending' ? ui.submitAndApprove : ui.submit}</button>
    </form>
  )
}
