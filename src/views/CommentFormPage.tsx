import type { CommentRow } from '../comments/types'
import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { postLocale, uiStrings } from '../i18n'

import { CommentForm, type CommentFormState } from './CommentForm'
import { Layout } from './Layout'
import { ReplyPage } from './ReplyPage'

export interface CommentFormPageProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  /** What the reader sent and what is wrong with it. */
  state: CommentFormState
  /** The comment answered, when it is still public: the page shows it above the form. */
  parent?: CommentRow
  /** The reply kept when the comment answered cannot be shown (D1 down): its id is sent again. */
  replyTo?: { id: number; author: string }
  turnstileSiteKey?: string
}

/**
 * The comment form alone, sent back after a refusal (422, 429) with the reader's text and the
 * problems: not the post and its thread, so a refused POST costs one small render (a reply
 * shows only the comment answered, as the reply page does). Never cached, never indexed.
 */
export function CommentFormPage({ site, post, state, parent, replyTo, turnstileSiteKey }: CommentFormPageProps) {
  if (parent) return <ReplyPage site={site} post={post} parent={parent} state={state} turnstileSiteKey={turnstileSiteKey} />
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  return (
    <Layout site={site} lang={locale} title={ui.form.title} noindex>
      <p class="meta">
        <a href={post.path}>{post.title}</a>
      </p>
      <CommentForm ui={ui} address={post} policy={site.comments} replyTo={replyTo} level={2} state={state} turnstileSiteKey={turnstileSiteKey} />
    </Layout>
  )
}
