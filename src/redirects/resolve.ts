import { ATOM_FEED_PATH, canonicalPath, commentsFeedPath, postPath, RSS_FEED_PATH, SITE_COMMENTS_FEED_PATH } from '../urls'
import type { RedirectRow } from './store'

/**
 * Where an old address goes, from its key (`legacyPathKey`) and the rows read for it. Pure: the
 * route reads the rows (`getRedirects`) once the plan says which.
 */

/** WordPress's own feeds, answered with no row and no read. */
const BUILT_IN = new Map<string, string>([
  ['/feed', ATOM_FEED_PATH],
  ['/feed/atom', ATOM_FEED_PATH],
  ['/feed/rss2', RSS_FEED_PATH],
  ['/feed/rss', RSS_FEED_PATH],
  ['/feed/rdf', RSS_FEED_PATH],
  ['/comments/feed', SITE_COMMENTS_FEED_PATH],
  ['/comments/feed/atom', SITE_COMMENTS_FEED_PATH],
  ['/comments/feed/rss2', SITE_COMMENTS_FEED_PATH],
])

/** The built-in keys, for a purge of the redirects kept in the Cache API. */
export const BUILT_IN_KEYS: readonly string[] = [...BUILT_IN.keys()]

/** What WordPress appends to an item's address for its comment feed (`/<slug>/feed/`). */
export const FEED_SUFFIXES = ['/feed', '/feed/atom', '/feed/rss2', '/feed/rss', '/feed/rdf'] as const

const FEED_OF = /^(\/.+?)\/feed(?:\/(?:atom|rss2?|rdf))?$/

/** What to read for `key`: nothing (a built-in target), or its row and the row of the item it is the feed of. */
export type RedirectPlan = { builtIn: string } | { key: string; feedOf?: string }

export function planRedirect(key: string): RedirectPlan {
  const builtIn = BUILT_IN.get(key)
  if (builtIn) return { builtIn }
  const feedOf = FEED_OF.exec(key)?.[1]
  return feedOf ? { key, feedOf } : { key }
}

/**
 * The target of `plan` given the rows read for it: the row of the key itself, else (for
 * `<address>/feed`) the comment feed of the post `<address>` leads to; null when neither (an
 * item that is no post has no comment feed here). The target is a root-relative path in the
 * site's canonical spelling, or null when the stored one is not a path of this site.
 */
export function resolveRedirect(plan: RedirectPlan, rows: readonly RedirectRow[]): string | null {
  if ('builtIn' in plan) return plan.builtIn
  const own = rows.find((row) => row.fromPath === plan.key)
  if (own) return localPath(own.toPath)
  const item = plan.feedOf === undefined ? undefined : rows.find((row) => row.fromPath === plan.feedOf)
  const slug = item && postSlugOf(localPath(item.toPath))
  return slug ? commentsFeedPath({ path: postPath(slug) }) : null
}

const ORIGIN = 'https://palabre.invalid'

/**
 * `toPath` in the site's canonical spelling (percent-encoding as `canonicalPath` writes it), or
 * null unless it is a root-relative path: a row naming `//elsewhere.example` or `https://…`
 * would make the blog an open redirect.
 */
export function localPath(toPath: string): string | null {
  if (!/^\/(?![/\\])/.test(toPath) || /[\\\u0000-\u001f]/.test(toPath)) return null
  const url = new URL(toPath, ORIGIN)
  if (url.origin !== ORIGIN) return null
  return canonicalPath(url.pathname) + url.search + url.hash
}

/** The slug of a post's path (`/posts/<slug>`, as `postPath` writes it), else null. */
function postSlugOf(path: string | null): string | null {
  const segment = /^\/posts\/([^/?#]+)$/.exec(path ?? '')?.[1]
  if (segment === undefined) return null
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
