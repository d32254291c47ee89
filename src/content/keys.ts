import type { PageMeta, PostMeta } from './types'

/** KV key of the content index. */
export const INDEX_KEY = 'index'

/**
 * KV key of a post's HTML, rendered at publish time. Content-addressed (the hash covers the
 * HTML and the renderer's version, `POST_RENDER_VERSION`), so that a data center that still sees the
 * old index reads the old body, and one that sees the new index can never read a stale body
 * (KV takes up to a minute to propagate a write).
 */
export function postKey(meta: Pick<PostMeta, 'slug' | 'hash'>): string {
  return `post:${meta.slug}:${meta.hash}`
}

/**
 * KV key of the copy of a post's HTML that its page reads beside the index, in parallel
 * (`getIndexWithPostCopy`): named by the slug alone, so it is known before the index is, and
 * rewritten by every publish that changes the post. Its value is the hash it was rendered for,
 * a newline, then the HTML (`postCopyValue`); a page whose index names another hash (KV has not
 * propagated both yet, or the publish that wrote the index wrote no copy) reads the
 * content-addressed `postKey` instead. Undefined for a slug too long for a KV key (512 bytes):
 * such a post has no copy.
 */
export function postCopyKey(slug: string): string | undefined {
  // 150 UTF-16 units are at most 450 bytes of UTF-8.
  return slug.length <= 150 ? `${POST_COPY_PREFIX}${slug}` : undefined
}

/** Prefix of every post copy's key (`postCopyKey`). */
export const POST_COPY_PREFIX = 'post-copy:'

/** The value stored under `postCopyKey`: the post's hash, a newline, its HTML. */
export function postCopyValue(hash: string, html: string): string {
  return `${hash}\n${html}`
}

/** The HTML a `postCopyValue` holds when it was rendered for `hash`, else undefined. */
export function postCopyHtml(copy: string | null | undefined, hash: string): string | undefined {
  return copy?.startsWith(`${hash}\n`) ? copy.slice(hash.length + 1) : undefined
}

/** Prefix of every post key, for listing what is stored. */
export const POST_KEY_PREFIX = 'post:'

/** KV key of a page's HTML: content-addressed like a post's (`postKey`), under its own prefix. */
export function pageKey(meta: Pick<PageMeta, 'slug' | 'hash'>): string {
  return `page:${meta.slug}:${meta.hash}`
}

/**
 * KV key of the site's stylesheet (the accent and `content/theme.css`), content-addressed like
 * post bodies: `hash` is the one in its URL, `/theme/<hash>.css`.
 */
export function stylesheetKey(hash: string): string {
  return `stylesheet:${hash}`
}

/**
 * KV key of the confusables table (src/cli/confusables.ts) that commenters' names are folded
 * with, content-addressed by the hash of its JSON; the index names it (`confusables`).
 */
export function confusablesKey(hash: string): string {
  return `confusables:${hash}`
}
