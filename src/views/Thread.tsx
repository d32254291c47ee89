import { html as template, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { CommentNode } from '../comments/types'
import { formatDateTime, type CommentStrings } from '../i18n'
import { commentAnchor, replyPath } from '../urls'

/**
 * A discussion's comments. Written with hono's `html` template rather than JSX: it escapes every
 * value the same way, and a page of 500 comments renders in a fraction of the time. Comment HTML
 * is inserted with `raw()` because it was sanitized when written, and only it.
 */

/** hono's `html`, typed as what it returns when no value is a Promise (none is, here). */
const html = template as (strings: TemplateStringsArray, ...values: unknown[]) => HtmlEscapedString

/** What every comment of a rendered thread shares. */
export interface ThreadView {
  ui: CommentStrings
  /** BCP 47 tag dates are written in (the post's language). */
  locale: string
  timeZone: string
  slug: string
  /** Comments are open: each comment offers a reply link. */
  open: boolean
  /** The poster's own edit link, shown under their comment only (uncached pages). */
  edit?: { id: number; href: string }
}

/** Top-level threads, oldest first, each comment with its replies nested below it. */
export function Thread({ nodes, view }: { nodes: CommentNode[]; view: ThreadView }): HtmlEscapedString {
  return html`<ol class="thread">${nodes.map((node) => commentItem(node, view))}</ol>`
}

function commentItem(node: CommentNode, view: ThreadView): HtmlEscapedString {
  const author = node.isAuthor && !node.deleted ? ' by-author' : ''
  const content = node.deleted
    ? html`<p class="comment-deleted">${view.ui.deleted}</p>`
    : CommentCard({ node, view, children: commentActions(node, view) })
  const replies = node.replies.length > 0 && html`<ol class="replies">${node.replies.map((reply) => commentItem(reply, view))}</ol>`
  return html`<li id="${commentAnchor(node.id)}" class="comment${author}">${content}${replies}</li>`
}

function commentActions(node: CommentNode, view: ThreadView): HtmlEscapedString | undefined {
  const editable = view.edit?.id === node.id
  if (!view.open && !editable) return undefined
  const reply =
    view.open &&
    html`<a href="${replyPath(view.slug, node.id)}" rel="nofollow" aria-label="${view.ui.replyTo(node.author)}" data-reply="${node.id}">${view.ui.reply}</a>`
  const edit = editable && html`<a href="${view.edit!.href}">${view.ui.editLink}</a>`
  return html`<p class="comment-actions">${reply}${edit}</p>`
}

export interface CardProps {
  node: Pick<CommentNode, 'id' | 'author' | 'isAuthor' | 'createdAt' | 'html' | 'inReplyTo'>
  view: Pick<ThreadView, 'ui' | 'locale' | 'timeZone'>
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
  const { ui } = view
  const badge = node.isAuthor && html`<span class="badge">${ui.authorBadge}</span>`
  const pending = status && html`<span class="badge pending">${status}</span>`
  const date = html`<time datetime="${new Date(node.createdAt).toISOString()}">${formatDateTime(node.createdAt, view.locale, view.timeZone)}</time>`
  const inReplyTo =
    node.inReplyTo &&
    html`<p class="in-reply-to">${ui.inReplyTo} <a href="#${commentAnchor(node.inReplyTo.id)}"><bdi>${node.inReplyTo.author || ui.deleted}</bdi></a></p>`
  return html`<article class="comment-card"><header class="comment-meta"><bdi class="comment-author">${node.author}</bdi>${badge}${pending}<a class="comment-date" href="${href ?? `#${commentAnchor(node.id)}`}">${date}</a></header>${inReplyTo}<div class="comment-body" dir="auto">${raw(node.html)}</div>${children}</article>`
}
