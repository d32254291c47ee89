/**
 * Cache tags. Every cacheable page names the tags it depends on; publishing or a comment purges
 * by tag. Cloudflare drops tags that are not printable ASCII without a word, so tags are sent
 * through `encodeTag`.
 */

/** The post page, its discussion pages and its comment feed. */
export function postTag(slug: string): string {
  return `post:${slug}`
}

/** Every page that lists posts: home and its pages, feeds, sitemap. */
export const LIST_TAG = 'list'

/** A tag's page. */
export function tagPageTag(tag: string): string {
  return `tag:${tag}`
}

/**
 * Percent-encodes whatever is not printable ASCII, plus `%` and `,` (the header's separator),
 * so the tag survives Cloudflare's filter and stays unique.
 */
export function encodeTag(tag: string): string {
  return tag.replace(/[^\x21-\x7e]|[%,]/gu, (ch) => encodeURIComponent(ch).replace(/,/g, '%2C'))
}
