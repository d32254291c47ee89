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
      <DraftList
        empty={ui.empty}
        items={posts.map((post) => ({
          title: post.title,
          slug: post.slug,
          status: post.draft ? 'pending' : 'approved',
          label: post.draft ? ui.draft : ui.scheduled(formatDateTime(Date.parse(post.date), site.language, site.timeZone)),
          preview: previews ? postPath(post.slug) : undefined,
        }))}
        previewLabel={ui.preview}
      />
      <h2>{ui.pages}</h2>
      <DraftList
        empty={ui.pagesEmpty}
        items={pages.map((page) => ({ title: page.title, slug: page.slug, status: 'pending', label: ui.draft, preview: previews ? pagePath(page.slug) : undefined }))}
        previewLabel={ui.preview}
      />
    </AdminLayout>
  )
}

/** One line of the drafts page: a post or a page readers cannot see yet, with its preview link when previews are on. */
interface DraftItem {
  title: string
  slug: string
  status: 'pending' | 'approved'
  label: string
  preview?: string
}

function DraftList({ items, empty, previewLabel }: { items: DraftItem[]; empty: string; previewLabel: string }) {
  if (items.length === 0) return <p>{empty}</p>
  return (
    <ul class="admin-list">
      {items.map((item) => (
        <li>
          <p class="meta">
            <strong>{item.title}</strong>
            <span class={`status status-${item.status}`}>{item.label}</span>
            <code>{item.slug}</code>
            {item.preview && <a href={item.preview}>{`${previewLabel}: ${item.title}`}</a>}
          </p>
        </li>
      ))}
    </ul>
  )
}
