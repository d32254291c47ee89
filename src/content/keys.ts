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
