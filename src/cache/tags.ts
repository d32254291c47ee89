/**
 * Cache tags. Every cacheable page names the tags it depends on; publishing or a comment purges
 * by tag. Cloudflare drops tags that are not printable ASCII without a word, so tags are sent
 * through `encodeTag`.
 */

/** The post page, its discussion pages and its comment feed. */
export function postTag(slug: string): string {
  return `post:${slug}`
}

/** Every page that lists posts: home and its pages, feeds, sitemap, the archive and the tags. */
export const LIST_TAG = 'list'

/** Old addresses' redirects (src/redirects), purged after an import changes the table. */
export const REDIRECTS_TAG = 'redirects'
/**
 * Every search result page (`/search`, `/api/search`): purged when the search index changes.
 * Only Workers Cache can purge it (by tag); the Cache API cannot list the queries it holds, so
 * there these pages live `SEARCH_MAX_AGE` seconds at most.
 */
export const SEARCH_TAG = 'search'

/** A tag's page. */
export function tagPageTag(tag: string): string {
  return `tag:${tag}`
}

/** An author's page (`content/pages/`), at `/<slug>`. */
export function pageTag(slug: string): string {
  return `page:${slug}`
}

/**
 * Percent-encodes whatever is not printable ASCII, plus `%` and `,` (the header's separator),
 * so the tag survives Cloudflare's filter and stays unique.
 */
export function encodeTag(tag: string): string {
  return tag.replace(/[^\x21-\x7e]|[%,]/gu, (ch) => encodeURIComponent(ch).replace(/,/g, '%2C'))
}

/** What a tag names, or undefined for a tag no page carries. */
export type ParsedTag =
  | { kind: 'list' }
  | { kind: 'search' }
  | { kind: 'post'; slug: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'page'; slug: string }

export function parseTag(tag: string): ParsedTag | undefined {
  if (tag === LIST_TAG) return { kind: 'list' }
  if (tag === SEARCH_TAG) return { kind: 'search' }
  const [kind, ...rest] = tag.split(':')
  const name = rest.join(':')
  if (kind === 'post' && name) return { kind: 'post', slug: name }
  if (kind === 'tag' && name) return { kind: 'tag', tag: name }
  if (kind === 'page' && name) return { kind: 'page', slug: name }
  return undefined
}
