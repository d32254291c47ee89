import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { postLocale, uiStrings } from '../i18n'
import { commentPath } from '../urls'
import { CommentForm, type CommentFormState } from './CommentForm'
import { Layout } from './Layout'
import { CommentCard } from './Thread'

export interface ReplyPageProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  /** The comment answered (public). */
  parent: CommentRow
  state?: CommentFormState
  turnstileSiteKey?: string
}

/**
 * The comment being answered with the form under it: what a reply link opens, so replying needs
 * no JavaScript and the post page carries one form, not one per comment.
 */
export function ReplyPage({ site, post, parent, state, turnstileSiteKey }: ReplyPageProps) {
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  const title = ui.replyPage.title(parent.authorName)
  const node = { id: parent.id, author: parent.authorName, isAuthor: parent.isAuthor, createdAt: parent.createdAt, html: parent.bodyHtml, avatar: parent.avatarKey }
  return (
    <Layout site={site} lang={locale} title={title} noindex>
      <p class="meta">
        <a href={post.path}>{post.title}</a>
      </p>
      <h1>{title}</h1>
      <div id={`comment-${parent.id}`} class="comment">
        <CommentCard node={node} view={{ ui, locale, timeZone: site.timeZone, avatars: site.comments.avatars !== false }} href={commentPath(post, parent.id)} />
      </div>
      <CommentForm
        ui={ui}
        address={post}
        policy={site.comments}
        replyTo={{ id: parent.id, author: parent.authorName }}
        level={2}
        state={state}
        turnstileSiteKey={turnstileSiteKey}
      />
    </Layout>
  )
}
