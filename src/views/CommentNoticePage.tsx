import type { DiscussionHost } from '../content/discussion-host'
import type { SiteConfig } from '../content/types'
import { postLocale, uiStrings } from '../i18n'

import { textareaText } from './CommentForm'
import { Layout } from './Layout'

export interface CommentNoticePageProps {
  site: SiteConfig
  /** The post or page the discussion hangs on. */
  post: DiscussionHost
  title: string
  message: string
  /** The reader's text, shown read-only so that it is not lost (e.g. comments closed meanwhile). */
  text?: { label: string; value: string }
}

/** A short page about one post's discussion: a refusal, an expired link, a confirmation. Never indexed. */
export function CommentNoticePage({ site, post, title, message, text }: CommentNoticePageProps) {
  const locale = postLocale(post, site)
  const ui = uiStrings(locale).comments
  return (
    <Layout site={site} lang={locale} title={title} noindex>
      <h1>{title}</h1>
      <p>{message}</p>
      {text && (
        <div class="field">
          <label for="kept-text">{text.label}</label>
          <textarea id="kept-text" readonly rows={6}>
            {textareaText(text.value)}
          </textarea>
        </div>
      )}
      <p>
        <a href={`${post.path}#comments`}>{ui.held.back}</a>
      </p>
    </Layout>
  )
}
