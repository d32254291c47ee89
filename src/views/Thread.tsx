import { html as template, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { CommentNode } from '../comments/types'
import { type CommentStrings } from '../i18n'
import { AUTHOR_AVATAR_PATH, avatarPath, commentAnchor, replyPath, type ThreadAddress } from '../urls'
import { commentDateHtml } from './comment-date'

/**
 * A discussion's comments, as strings rather than JSX: a page of 500 comments renders in a
 * fraction of the time. Every value is escaped but the comment's HTML, inserted as it is
 * because it was sanitized when written, and only it.
 */

/** hono's `html`, typed as what it returns when no value is a Promise (none is, here). */
const html = template as (strings: TemplateStringsArray, ...values: unknown[]) => HtmlEscapedString

/** What every comment of a rendered thread shares. */
export interface ThreadView {
  ui: CommentStrings
  /** BCP 47 tag dates are written in (the post's language). */
  locale: string
  timeZone: string
  /** Where the discussion lives (its reply links). */
  address: ThreadAddress
  /** Comments are open: each comment offers a reply link. */
  open: boolean
  /** The poster's own edit link, shown under their comment only (uncached pages). */
  edit?: { id: number; href: string }
  /** Show generated avatars (site.yaml `comments.avatars`). */
  avatars?: boolean
}

/** Top-level threads, oldest first, each comment with its replies nested below it. */
export function Thread({ nodes, view }: { nodes: CommentNode[]; view: ThreadView }): HtmlEscapedString {
  let out = '<ol class="thread">'
  for (const node of nodes) out += commentItem(node, view)
  return raw(`${out}</ol>`)
}

// The thread is built by string concatenation, escaping as hono's `html` does (the same five
// characters, the same entities): on a page of 500 comments the template tag's per-call
// objects cost more than everything else the Worker does after its reads.
function commentItem(node: CommentNode, view: ThreadView): string {
  const author = node.isAuthor && !node.deleted ? ' by-author' : ''
  const content = node.deleted
    ? `<p class="comment-deleted">${escape(view.ui.deleted)}</p>`
    : cardHtml(node, view, undefined, undefined, commentActions(node, view))
  let replies = ''
  if (node.replies.length > 0) {
    replies = '<ol class="replies">'
    for (const reply of node.replies) replies += commentItem(reply, view)
    replies += '</ol>'
  }
  return `<li id="${escape(commentAnchor(node.id))}" class="comment${author}">${content}${replies}</li>`
}

function commentActions(node: CommentNode, view: ThreadView): string {
  const editable = view.edit?.id === node.id
  if (!view.open && !editable) return ''
  const { ui } = view
  const reply = view.open
    ? `<a href="${escape(replyPath(view.address, node.id))}" rel="nofollow" aria-label="${escape(ui.replyTo(node.author))}" data-reply="${node.id}">${escape(ui.reply)}</a>`
    : ''
  const edit = editable ? `<a href="${escape(view.edit!.href)}">${escape(ui.editLink)}</a>` : ''
  return `<p class="comment-actions">${reply}${edit}</p>`
}

export interface CardProps {
  node: Pick<CommentNode, 'id' | 'author' | 'isAuthor' | 'createdAt' | 'html' | 'inReplyTo' | 'avatar'>
  view: Pick<ThreadView, 'ui' | 'locale' | 'timeZone' | 'avatars'>
  /** Where the date links to (the comment's anchor on its page by default). */
  href?: string
  /** Extra mark after the author (e.g. "awaiting moderation"). */
  status?: string
  children?: unknown
}

/**
 * One comment: author (in `<bdi>`, so a right-to-left name cannot reorder the line), badge,
 * localized date linking to its anchor, "in reply to" past the depth limit, and its HTML.
 */
export function CommentCard({ node, view, href, status, children }: CardProps): HtmlEscapedString {
  return raw(cardHtml(node, view, href, status, String(html`${children}`)))
}

/** `CommentCard`'s HTML; `children` is HTML already. */
function cardHtml(node: CardProps['node'], view: CardProps['view'], href: string | undefined, status: string | undefined, children: string): string {
  const { ui } = view
  const badge = node.isAuthor ? `<span class="badge">${escape(ui.authorBadge)}</span>` : ''
  const pending = status ? `<span class="badge pending">${escape(status)}</span>` : ''
  // After the name, placed first by the stylesheet; the key is hex, so it needs no escaping.
  const avatar = view.avatars && (node.isAuthor || node.avatar)
    ? `<img class="avatar" src="${node.isAuthor ? AUTHOR_AVATAR_PATH : avatarPath(node.avatar!)}" alt="" width="32" height="32">`
    : ''
  const date = commentDateHtml(node.createdAt, view.locale, view.timeZone)
  const inReplyTo = node.inReplyTo
    ? `<p class="in-reply-to">${escape(ui.inReplyTo)} <a href="#${escape(commentAnchor(node.inReplyTo.id))}"><bdi>${escape(node.inReplyTo.author || ui.deleted)}</bdi></a></p>`
    : ''
  return `<article class="comment-card"><header class="comment-meta"><bdi class="comment-author">${escape(node.author)}</bdi>${avatar}${badge}${pending}<a class="comment-date" href="${escape(href ?? `#${commentAnchor(node.id)}`)}">${date}</a></header>${inReplyTo}<div class="comment-body" dir="auto">${node.html}</div>${children}</article>`
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text as hono's `html` escapes an interpolated string. */
function escape(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!) : text
}
