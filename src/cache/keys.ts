import type { ContentIndex } from '../content/types'
import { LIST_TAG } from './tags'

/** Query parameters that change a cached page; any other (utm_…, cache busters) is ignored. */
const KEYED_PARAMS = ['page']

/**
 * Query parameters that make a page personal (the poster's signed edit or view link): such a
 * request must reach the route, never a cached copy made for everyone.
 */
const PERSONAL_PARAMS = ['edit', 't']

export function isPersonalRequest(url: string): boolean {
  const { searchParams } = new URL(url)
  return PERSONAL_PARAMS.some((name) => searchParams.has(name))
}

/**
 * The Cache API key of a page: its URL with only the parameters that change the page, so
 * `?utm_source=x` cannot fill the cache or bypass it.
 */
export function cacheKey(url: string): string {
  const parsed = new URL(url)
  const kept = new URLSearchParams()
  for (const name of KEYED_PARAMS) {
    const value = parsed.searchParams.get(name)
    if (value !== null) kept.set(name, value)
  }
  parsed.search = kept.toString()
  parsed.hash = ''
  return parsed.toString()
}

/** Upper bound on the discussion pages of one post that a Cache API purge deletes. */
const MAX_DISCUSSION_PAGES = 20

/**
 * The paths a tag covers, for the Cache API, which can only delete URLs (Workers Cache purges
 * by tag itself). Must stay in step with the tags the routes pass to `cacheFor`.
 */
export function pathsForTag(tag: string, index: ContentIndex): string[] {
  if (tag === LIST_TAG) {
    const pages = Math.ceil(index.posts.length / Math.max(1, index.site.postsPerPage))
    const listPages = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => `/page/${i + 2}`)
    return ['/', ...listPages, '/feed.xml', '/rss.xml', '/sitemap.xml', '/robots.txt']
  }
  const [kind, ...rest] = tag.split(':')
  const name = encodeURIComponent(rest.join(':'))
  if (kind === 'post') {
    const discussionPages = Array.from({ length: MAX_DISCUSSION_PAGES - 1 }, (_, i) => `/posts/${name}?page=${i + 2}`)
    // The feeds carry full post bodies, so they are tagged with every post they hold.
    return [`/posts/${name}`, ...discussionPages, `/posts/${name}/comments.xml`, `/api/posts/${name}/comments`, '/feed.xml', '/rss.xml']
  }
  if (kind === 'tag') return [`/tags/${name}`]
  return []
}
