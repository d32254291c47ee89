import { tagSlug } from '../content/slug'
import type { ConfirmScope, UnsubscribeScope } from '../notify/tokens'

/**
 * Every root-relative path of the site (the README's "Addresses"), built in one place so that
 * links, redirects, feeds, emails and cache purges agree. Slugs and tags are percent-encoded by
 * `encodeSegment`, which is also what `canonicalPath` turns any other spelling into.
 */

/** RFC 3986 `pchar` characters that `encodeURIComponent` escapes but a path may hold as they are. */
const PCHAR_KEPT = /%(?:24|26|2B|2C|3A|3B|3D|40)/g

/** One path segment, percent-encoded with uppercase hex (RFC 3986 §2.1), `pchar` kept literal. */
export function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(PCHAR_KEPT, (escape) => decodeURIComponent(escape))
}

export const HOME_PATH = '/'
export const ATOM_FEED_PATH = '/feed.xml'
export const RSS_FEED_PATH = '/rss.xml'
/** The site-wide comment feed (Atom): the latest public comments across posts; WordPress's `/comments/feed/` is sent there. */
export const SITE_COMMENTS_FEED_PATH = '/comments.xml'
export const SITEMAP_PATH = '/sitemap.xml'
export const ROBOTS_PATH = '/robots.txt'
/** The discussion's optional script (the same for every page). */
export const REPLY_SCRIPT_PATH = '/comments.js'
/** The site's icon, a static asset from `content/media/`. */
export const FAVICON_PATH = '/media/favicon.svg'

/** The site's stylesheet (accent and theme.css), named by the hash of its text. */
export function stylesheetPath(hash: string): string {
  return `/theme/${hash}.css`
}

/** The hash a stylesheet path names, or undefined for any other path. */
export function stylesheetHash(path: string): string | undefined {
  return /^\/theme\/([0-9a-f]{16})\.css$/.exec(path)?.[1]
}

/** Page `n` of the post list: `/` for the first, `/page/<n>` after it. */
export function listPath(page: number): string {
  return page <= 1 ? HOME_PATH : `/page/${page}`
}

/** A post's page, `/posts/<slug>`. */
export function postPath(slug: string): string {
  return `/posts/${encodeSegment(slug)}`
}

/** A tag's page, `/tags/<tagSlug(tag)>`. */
export function tagPath(tag: string): string {
  return `/tags/${encodeSegment(tagSlug(tag))}`
}

export const CONFIRM_PATH = '/notify/confirm'
export const UNSUBSCRIBE_PATH = '/notify/unsubscribe'
/** What an address follows, with a button to stop each (the link in every reader's email). */
export const MANAGE_PATH = '/notify/subscriptions'

/**
 * The email links' pages. The token and the id travel in the query string, so the RFC 8058
 * one-click POST (whose body is fixed) reaches the same URL as the page's own button.
 */
const scopeQuery = (scope: ConfirmScope | UnsubscribeScope): [string, string] =>
  'subscription' in scope ? ['s', String(scope.subscription)] : ['a', String(scope.address)]

export function confirmPath(scope: ConfirmScope, token: string): string {
  return `${CONFIRM_PATH}?${new URLSearchParams([scopeQuery(scope), ['t', token]])}`
}

export function unsubscribePath(scope: UnsubscribeScope, token: string): string {
  return `${UNSUBSCRIBE_PATH}?${new URLSearchParams([scopeQuery(scope), ['t', token]])}`
}

export function managePath(addressId: number, token: string): string {
  return `${MANAGE_PATH}?${new URLSearchParams([['a', String(addressId)], ['t', token]])}`
}

/** Readers' tools (issue 13): generated avatars, keyed by an HMAC, never by the email. */
export const AUTHOR_AVATAR_PATH = '/avatars/author.svg'

/** A commenter's avatar, `/avatars/<key>.svg` (`key`: src/comments/avatar.ts's AVATAR_KEY). */
export function avatarPath(key: string): string {
  return `/avatars/${key}.svg`
}
