import type { Thread as ThreadData } from '../comments/tree'
import type { CommentNode } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { formatCount, postLocale, uiStrings, type CommentStrings } from '../i18n'
import { commentsFeedPath, discussionPath, editPath, REPLY_SCRIPT_PATH, type ThreadAddress } from '../urls'
import { CommentForm, type CommentFormState } from './CommentForm'
import { Thread, type ThreadView } from './Thread'

export interface DiscussionProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  /** The whole public thread, or null when it could not be read (a note says so). */
  thread: ThreadData | null
  /** This page's top-level threads, and where it sits among the discussion's pages. */
  threads: CommentNode[]
  page: number
  pageCount: number
  /** The form shown again with the reader's input (uncached responses only). */
  form?: CommentFormState & { replyTo?: { id: number; author: string } }
  /** The poster's own edit link for one comment (uncached responses only). */
  edit?: { id: number; token: string }
  turnstileSiteKey?: string
}

/**
 * The discussion of a post or page: its count, one page of threads, links to the other pages, and the form
 * (or a note when comments are closed). Renders synchronously, so `renderPostPage` can hold it.
 */
export function Discussion(props: DiscussionProps) {
  const { site, post, thread } = props
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  const edit = props.edit && { id: props.edit.id, href: editPath(post, props.edit.id, props.edit.token) }
  const view: ThreadView = { ui, locale, timeZone: site.timeZone, address: post, open: post.comments, edit, avatars: site.comments.avatars !== false }
  return (
    <section id="comments" class="discussion" aria-labelledby="comments-title">
      <h2 id="comments-title">{thread ? formatCount(ui.count, thread.count, locale) : ui.heading}</h2>
      {thread === null ? (
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
      {thread?.count === 0 && <p>{ui.empty}</p>}
      {props.threads.length > 0 && <Thread nodes={props.threads} view={view} />}
      <DiscussionPages ui={ui} address={post} page={props.page} pageCount={props.pageCount} />
      {post.comments && props.threads.length > 0 && <script src={REPLY_SCRIPT_PATH} defer />}
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
