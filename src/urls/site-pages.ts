import { encodeSegment } from './paths'

/**
 * Paths of the site around the posts: the author's pages at `/<slug>`, the archive, the list of
 * tags, and the first path segments a page may not take.
 */

export const ARCHIVE_PATH = '/archive'
export const TAGS_PATH = '/tags'

/** A page's address, `/<slug>` (no trailing slash: `/about/` is not the page). */
export function pagePath(slug: string): string {
  return `/${encodeSegment(slug)}`
}

/**
 * The first path segments the app's own routes and the static assets use: a page slug equal to
 * one would be hidden by that route, so the publish tool refuses it. The list must hold every
 * literal first segment of `app.routes` (test/integration/site-pages.test.ts derives them
 * and fails on a new one missing here); `media` is the static assets' folder, served before the
 * Worker runs; `search` is reserved for the search page.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'archive',
  'comments.js',
  'comments.xml',
  'favicon.ico',
  'feed.xml',
  'media',
  'notify',
  'page',
  'posts',
  'robots.txt',
  'rss.xml',
  'search',
  'sitemap.xml',
  'tags',
  'theme',
])
