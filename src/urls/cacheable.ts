import { parseTag } from '../cache/tags'
import { findPage } from '../content/pages-store'
import type { ContentIndex } from '../content/types'
import { KEPT_PARAMS } from '../redirects/legacy-path'
import { commentsApiPath, commentsFeedPath, discussionPath, type ThreadAddress } from './comment-paths'
import {
  ATOM_FEED_PATH,
  listPath,
  postPath,
  REPLY_SCRIPT_PATH,
  ROBOTS_PATH,
  RSS_FEED_PATH,
  SITE_COMMENTS_FEED_PATH,
  SITEMAP_PATH,
  tagPath,
} from './paths'
import { ARCHIVE_PATH, pagePath, RESERVED_SEGMENTS, TAGS_PATH } from './site-pages'
import { SEARCH_API_PATH, SEARCH_PATH } from './search-paths'

/**
 * The pages the edge may keep, and for each cache tag the paths it covers. A route that calls
 * `cacheFor` must answer a path listed here, under tags whose paths include it
 * (test/integration/cache-coverage.test.ts checks every route against both).
 */

/** What a cacheable page takes from the query string; anything else only splits the cache. */
export interface CacheablePage {
  /** Parameters that change the page, in the order the canonical URL writes them. */
  query: readonly string[]
  /** Parameters that make the page personal when they hold a valid signed link (never cached). */
  personal: readonly string[]
}

const PLAIN: CacheablePage = { query: [], personal: [] }
// WordPress's `/?p=<id>`, `/?page_id=<id>`, `/?cat=`, `/?tag=`: the home page takes them so that
// they reach the old-address redirect (src/routes/legacy-redirects.ts) instead of being sent away.
const HOME: CacheablePage = { query: KEPT_PARAMS, personal: [] }
const DISCUSSION: CacheablePage = { query: ['page'], personal: ['edit'] }
/** The route redirects every other spelling of `q` to its canonical one, so keys stay few and short. */
const SEARCH: CacheablePage = { query: ['q', 'page'], personal: [] }

const EXACT = new Map<string, CacheablePage>([
  [listPath(1), HOME],
  ...[ATOM_FEED_PATH, RSS_FEED_PATH, SITEMAP_PATH, ROBOTS_PATH, REPLY_SCRIPT_PATH, ARCHIVE_PATH, TAGS_PATH, SITE_COMMENTS_FEED_PATH].map(
    (path): [string, CacheablePage] => [path, PLAIN],
  ),
])
for (const path of [SEARCH_PATH, SEARCH_API_PATH]) EXACT.set(path, SEARCH)

const PATTERNS: [RegExp, CacheablePage][] = [
  [/^\/page\/[0-9]+$/, PLAIN],
  [/^\/posts\/[^/]+$/, DISCUSSION],
  [/^\/posts\/[^/]+\/comments\.xml$/, PLAIN],
  [/^\/api\/posts\/[^/]+\/comments$/, PLAIN],
  [/^\/tags\/[^/]+$/, PLAIN],
  [/^\/theme\/[0-9a-f]{16}\.css$/, PLAIN],
]

/**
 * The discussion of a page that takes comments: its feed and its JSON thread, under a first
 * segment no route of the app uses (whether the page takes comments is the route's business).
 */
const PAGE_DISCUSSION_PATTERNS: RegExp[] = [/^\/([^/.]+)\/comments\.xml$/, /^\/api\/([^/.]+)\/comments$/]

function isPageDiscussionPath(pathname: string): boolean {
  return PAGE_DISCUSSION_PATTERNS.some((pattern) => {
    const segment = pattern.exec(pathname)?.[1]
    return segment !== undefined && !RESERVED_SEGMENTS.has(segment)
  })
}

/**
 * An author's page, `/<slug>`: one segment (slugs have no `.`) that no route of the app uses.
 * It takes `?page=` and `?edit=` as a post's page does, for a page with a discussion; the route
 * sends `?page=` away from any other page.
 */
const PAGE_PATH = /^\/([^/.]+)$/

function isPagePath(pathname: string): boolean {
  const segment = PAGE_PATH.exec(pathname)?.[1]
  return segment !== undefined && !RESERVED_SEGMENTS.has(segment)
}

/** The cacheable page at `pathname` (canonical spelling), or undefined for a page never cached. */
export function cacheablePage(pathname: string): CacheablePage | undefined {
  return EXACT.get(pathname) ?? PATTERNS.find(([pattern]) => pattern.test(pathname))?.[1] ?? (isPagePath(pathname) ? DISCUSSION : isPageDiscussionPath(pathname) ? PLAIN : undefined)
}

/** Upper bound on the discussion pages of one post that a Cache API purge deletes. */
const MAX_DISCUSSION_PAGES = 20

/**
 * The paths a tag covers, for the Cache API, which can only delete URLs (Workers Cache purges
 * by tag itself): exactly the pages the routes cache under that tag.
 */
export function pathsForTag(tag: string, index: ContentIndex): string[] {
  const parsed = parseTag(tag)
  if (parsed?.kind === 'list') {
    const pages = Math.ceil(index.posts.length / Math.max(1, index.site.postsPerPage))
    const listPages = Array.from({ length: Math.max(1, pages) }, (_, i) => listPath(i + 1))
    const stylesheet = index.site.stylesheet ? [index.site.stylesheet] : []
    // The site-wide comment feed: every change to a public comment purges `list` with the post's tag.
    return [...listPages, ATOM_FEED_PATH, RSS_FEED_PATH, SITEMAP_PATH, ROBOTS_PATH, REPLY_SCRIPT_PATH, SITE_COMMENTS_FEED_PATH, ARCHIVE_PATH, TAGS_PATH, ...stylesheet]
  }
  if (parsed?.kind === 'post') {
    // The feeds carry full post bodies, so they are tagged with every post they hold.
    return [...discussionPaths({ path: postPath(parsed.slug) }), ATOM_FEED_PATH, RSS_FEED_PATH]
  }
  if (parsed?.kind === 'tag') return [tagPath(parsed.tag)]
  if (parsed?.kind === 'page') {
    const address = { path: pagePath(parsed.slug) }
    return findPage(index, parsed.slug)?.comments ? discussionPaths(address) : [address.path]
  }
  // Only the pages without a query can be named: results pages expire instead (SEARCH_MAX_AGE).
  if (parsed?.kind === 'search') return [SEARCH_PATH, SEARCH_API_PATH]
  return []
}

/** A discussion's cached paths: its first MAX_DISCUSSION_PAGES pages, its feed, its JSON thread. */
function discussionPaths(address: ThreadAddress): string[] {
  const pages = Array.from({ length: MAX_DISCUSSION_PAGES }, (_, i) => discussionPath(address, i + 1))
  return [...pages, commentsFeedPath(address), commentsApiPath(address)]
}
