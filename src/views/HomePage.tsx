import type { PostMeta, SiteConfig } from '../content/types'
import { uiStrings } from '../i18n'
import { listPath, SITE_COMMENTS_FEED_PATH } from '../urls'
import { headLink } from './head-link'
import { Layout } from './Layout'
import { Pagination } from './Pagination'
import { PostList } from './PostList'

export interface HomePageProps {
  site: SiteConfig
  /** The public posts of this page, newest first. */
  posts: PostMeta[]
  page: number
  totalPages: number
  /** Approved comments per post slug; no counts shown without it. */
  commentCounts?: Map<string, number>
}

/** The home page and its later pages (`/page/<n>`). */
export function HomePage({ site, posts, page, totalPages, commentCounts }: HomePageProps) {
  const ui = uiStrings(site.language)
  const title = page > 1 ? ui.list.pageTitle(page) : undefined
  return (
    <Layout site={site} title={title} path={listPath(page)} feeds={headLink({ rel: 'alternate', type: 'application/atom+xml', href: SITE_COMMENTS_FEED_PATH, title: ui.comments.siteFeedTitle(site.title) })}>
      <h1 class="visually-hidden">{title ? `${site.title} – ${title}` : site.title}</h1>
      {posts.length > 0 ? (
        <PostList site={site} posts={posts} ui={ui} locale={site.language} commentCounts={commentCounts} />
      ) : (
        <p>{ui.list.noPosts}</p>
      )}
      <Pagination page={page} totalPages={totalPages} ui={ui} />
    </Layout>
  )
}
