import type { PostMeta, SiteConfig } from '../content/types'
import { formatCount, formatDate, type UiStrings } from '../i18n'
import { tagPath } from '../urls'

interface BylineProps {
  site: SiteConfig
  post: PostMeta
  ui: UiStrings
  /** BCP 47 tag dates and numbers are written in (it may carry a region `ui` does not). */
  locale: string
  /** The post page also says when the post was updated. */
  showUpdated?: boolean
  /**
   * The author's preview of a post readers cannot see yet: its date is said to be a draft's or
   * the day it is scheduled for, never "Published".
   */
  preview?: boolean
}

/** A post's date, reading time and tags, in the language of `ui`, dates in the site's time zone. */
export function Byline({ site, post, ui, locale, showUpdated, preview }: BylineProps) {
  const date = (iso: string) => formatDate(iso, locale, site.timeZone)
  const label = preview ? (post.draft ? ui.post.draftDated : ui.post.scheduledFor) : showUpdated && ui.post.published
  return (
    <>
      <p class="meta">
        <span>
          {label && `${label} `}
          <time datetime={post.date}>{date(post.date)}</time>
        </span>
        {showUpdated && post.updated && (
          <span>
            {`${ui.post.updated} `}
            <time datetime={post.updated}>{date(post.updated)}</time>
          </span>
        )}
        <span>{formatCount(ui.post.readingTime, post.readingMinutes, locale)}</span>
      </p>
      {post.tags.length > 0 && <TagList tags={post.tags} label={ui.post.tags} />}
    </>
  )
}

function TagList({ tags, label }: { tags: string[]; label: string }) {
  return (
    <ul class="tags" aria-label={label}>
      {tags.map((tag) => (
        <li>
          <a href={tagPath(tag)} rel="tag">
            {tag}
          </a>
        </li>
      ))}
    </ul>
  )
}
