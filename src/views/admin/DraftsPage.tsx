import type { PageMeta, PostMeta, SiteConfig } from '../../content/types'
import { formatDateTime, uiStrings } from '../../i18n'
import { pagePath, postPath } from '../../urls'
import { AdminLayout } from './AdminLayout'

export interface DraftsPageProps {
  site: SiteConfig
  /** Drafts and scheduled posts, as the index lists them (newest date first). */
  posts: PostMeta[]
  /** Pages with `draft: true`, as the index lists them. */
  pages: PageMeta[]
  /** Whether this deployment shows them at their address (`DRAFTS = "preview"`). */
  previews: boolean
}

/**
 * /admin/drafts: what readers cannot see yet, each draft or scheduled post, then each draft
 * page, with its preview link where previews are on. Remote publishes never upload drafts, so
 * in production the list holds the scheduled posts only.
 */
export function DraftsPage({ site, posts, pages, previews }: DraftsPageProps) {
  const ui = uiStrings(site.language).admin.drafts
  return (
    <AdminLayout site={site} title={ui.title} signedIn current="drafts">
      <p>{ui.intro}</p>
      {!previews && <p class="banner">{ui.previewsOff}</p>}
      {posts.length === 0 ? (
        <p>{ui.empty}</p>
      ) : (
        <ul class="admin-list">
          {posts.map((post) => (
            <li>
              <p class="meta">
                <strong>{post.title}</strong>
                <span class={`status status-${post.draft ? 'pending' : 'approved'}`}>
                  {post.draft ? ui.draft : ui.scheduled(formatDateTime(Date.parse(post.date), site.language, site.timeZone))}
                </span>
                <code>{post.slug}</code>
                {previews && <a href={postPath(post.slug)}>{`${ui.preview}: ${post.title}`}</a>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{ui.pages}</h2>
      {pages.length === 0 ? (
        <p>{ui.pagesEmpty}</p>
      ) : (
        <ul class="admin-list">
          {pages.map((page) => (
            <li>
              <p class="meta">
                <strong>{page.title}</strong>
                <span class="status status-pending">{ui.draft}</span>
                <code>{page.slug}</code>
                {previews && <a href={pagePath(page.slug)}>{`${ui.preview}: ${page.title}`}</a>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  )
}
