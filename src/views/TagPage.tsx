import type { PostMeta, SiteConfig } from '../content/types'
import { formatCount, uiStrings } from '../i18n'
import { tagPath } from '../urls'
import { Layout } from './Layout'
import { PostList } from './PostList'

export interface TagPageProps {
  site: SiteConfig
  /** The tag as the author wrote it. */
  tag: string
  /** The public posts that carry it, newest first. */
  posts: PostMeta[]
}

/** Every public post with one tag. */
export function TagPage({ site, tag, posts }: TagPageProps) {
  const ui = uiStrings(site.language)
  const title = ui.tag.title(tag)
  return (
    <Layout site={site} title={title} path={tagPath(tag)}>
      <h1>{title}</h1>
      <p class="meta">{formatCount(ui.tag.count, posts.length, site.language)}</p>
      <PostList site={site} posts={posts} ui={ui} locale={site.language} />
    </Layout>
  )
}
