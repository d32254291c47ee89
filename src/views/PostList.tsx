import type { PostMeta, SiteConfig } from '../content/types'
import type { UiStrings } from '../i18n'
import { Byline } from './Byline'
import { postPath } from './urls'

interface PostListProps {
  site: SiteConfig
  posts: PostMeta[]
  ui: UiStrings
  locale: string
}

/** Posts as a list: title link, date, reading time, tags and summary of each. */
export function PostList({ site, posts, ui, locale }: PostListProps) {
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
