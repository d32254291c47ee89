import { raw } from 'hono/html'
import type { ShownThread } from '../comments/discussion-pages'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { formatCount, postLocale, uiStrings, type CommentStrings } from '../i18n'
import { commentsFeedPath, discussionPath, REPLY_SCRIPT_PATH, type ThreadAddress } from '../urls'
import { CommentForm, type CommentFormState } from './CommentForm'

export interface DiscussionProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  /**
   * This page of the thread, its HTML rendered already (`shownThread`, or stored: src/comments/discussion-pages.ts),
   * or null when the thread could not be read (a note says so).
   */
  shown: ShownThread | null
  page: number
  /** The form shown again with the reader's input (uncached responses only). */
  form?: CommentFormState & { replyTo?: { id: number; author: string } }
  turnstileSiteKey?: string
}

/**
 * The discussion of a post or page: its count, one page of threads, links to the other pages, and the form
 * (or a note when comments are closed). Renders synchronously, so `renderPostPage` can hold it.
 */
export function Discussion(props: DiscussionProps) {
  const { site, post, shown } = props
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  return (
    <section id="comments" class="discussion" aria-labelledby="comments-title">
      <h2 id="comments-title">{shown ? formatCount(ui.count, shown.count, locale) : ui.heading}</h2>
      {shown === null ? (
        <p class="notice" role="status">
          {ui.unavailable}
        </p>
      ) : (
        <p class="meta">
          <a href={commentsFeedPath(post)} type="application/atom+xml">
            {ui.feed}
          </a>
        </p>
      )}
      {shown?.count === 0 && <p>{ui.empty}</p>}
      {shown?.html && raw(shown.html)}
      <DiscussionPages ui={ui} address={post} page={props.page} pageCount={shown?.pageCount ?? 1} />
      {post.comments && shown?.html && <script src={REPLY_SCRIPT_PATH} defer />}
      {post.comments ? (
        <CommentForm
          ui={ui}
          address={post}
          policy={site.comments}
          replyTo={props.form?.replyTo}
          state={props.form}
          turnstileSiteKey={props.turnstileSiteKey}
        />
      ) : (
        <p class="notice">{ui.closed}</p>
      )}
    </section>
  )
}

function DiscussionPages({ ui, address, page, pageCount }: { ui: CommentStrings; address: ThreadAddress; page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={ui.pagination.label}>
      {page > 1 && (
        <a class="newer" href={`${discussionPath(address, page - 1)}#comments`} rel="prev">
          ← {ui.pagination.earlier}
        </a>
      )}
      <span>{ui.pagination.pageOf(page, pageCount)}</span>
      {page < pageCount && (
        <a class="older" href={`${discussionPath(address, page + 1)}#comments`} rel="next">
          {ui.pagination.later} →
        </a>
      )}
    </nav>
  )
}
