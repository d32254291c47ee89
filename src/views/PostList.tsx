import type { PostMeta, SiteConfig } from '../content/types'
import { formatCount, type UiStrings } from '../i18n'
import { postPath } from '../urls'
import { Byline } from './Byline'

interface PostListProps {
  site: SiteConfig
  posts: PostMeta[]
  ui: UiStrings
  locale: string
  /** Approved comments per post slug, linked to each post's discussion. */
  commentCounts?: Map<string, number>
}

/** Posts as a list: title link, date, reading time, tags, summary and comment count of each. */
export function PostList({ site, posts, ui, locale, commentCounts }: PostListProps) {
  return (
    <ol class="post-list">
      {posts.map((post) => (
        <li>
          <article>
            <h2 lang={lang(post, locale)}>
              <a href={postPath(post.slug)}>{post.title}</a>
            </h2>
            <Byline site={site} post={post} ui={ui} locale={locale} />
            {post.summary && <p lang={lang(post, locale)}>{post.summary}</p>}
            <CommentCount post={post} count={commentCounts?.get(post.slug)} ui={ui} locale={locale} />
          </article>
        </li>
      ))}
    </ol>
  )
}

/** The post's own language where it differs from the list's: its title and summary are in it. */
function lang(post: PostMeta, locale: string): string | undefined {
  return post.lang && post.lang !== locale ? post.lang : undefined
}

function CommentCount({ post, count, ui, locale }: { post: PostMeta; count?: number; ui: UiStrings; locale: string }) {
  // A closed discussion without comments has nothing to count.
  if (count === undefined || (count === 0 && !post.comments)) return null
  return (
    <p class="meta comment-count">
      <a href={`${postPath(post.slug)}#comments`}>{formatCount(ui.comments.count, count, locale)}</a>
    </p>
  )
}
