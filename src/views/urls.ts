import { tagSlug } from '../content/slug'
import type { SiteConfig } from '../content/types'

// Links inside pages are root-relative; canonical, OpenGraph and share URLs are absolute.

/** A post's page, `/posts/<slug>`, the slug percent-encoded as the feeds and sitemap write it. */
export function postPath(slug: string): string {
  return `/posts/${encodeURIComponent(slug)}`
}

/** A tag's page, `/tags/<tagSlug(tag)>`. */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tagSlug(tag))}`
}

/** Page `n` of the post list: `/` for the first, `/page/<n>` after it. */
export function listPath(page: number): string {
  return page <= 1 ? '/' : `/page/${page}`
}

/** `path` (root-relative) or a post's `image` (root-relative or absolute) as an absolute URL. */
export function absoluteUrl(site: SiteConfig, path: string): string {
  if (/^https?:\/\//i.test(path)) return path
  return `${site.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`
}
