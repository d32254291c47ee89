import { encodeSegment } from '../urls'
import { legacyPathKey } from './legacy-path'
import { BUILT_IN_KEYS, FEED_SUFFIXES } from './resolve'
import { listRedirectKeys } from './store'

/**
 * Where the Cache API keeps old addresses' redirects (Workers Cache keys them on the request's
 * URL itself and purges them by the `redirects` tag). Keyed by `legacyPathKey`, so every
 * spelling of one old address (trailing slash, case, `%c3%a9`) shares one entry, and a purge can
 * name every entry from the table's keys.
 */

const SPLIT = /^(.*?)(\?(?:p|page_id|cat|tag)=[^?]*)?$/

/** The Cache API key of the redirect whose `legacyPathKey` is `key`, under `origin`. */
export function redirectCacheKey(origin: string, key: string): string {
  const [, path = key, query = ''] = SPLIT.exec(key) ?? []
  return origin + path.split('/').map(encodeSegment).join('/') + query
}

/** The key a request for `url` would find its redirect under, or undefined when it can be no old address. */
export function legacyCacheKey(url: URL): string | undefined {
  const key = legacyPathKey(url.pathname, url.search)
  return key === null ? undefined : redirectCacheKey(url.origin, key)
}

/**
 * Every Cache API key a redirect may be kept under, for each of `origins`: each stored address,
 * the comment feeds derived from them (`<address>/feed`…) and the built-in feeds. One read of
 * the whole table: only a purge of the `redirects` tag on the Cache API path runs it.
 */
export async function redirectCacheKeys(db: D1Database, origins: readonly string[]): Promise<string[]> {
  const stored = await listRedirectKeys(db)
  const keys = [...BUILT_IN_KEYS, ...stored, ...stored.filter((key) => key !== '/' && !key.includes('?')).flatMap((key) => FEED_SUFFIXES.map((suffix) => key + suffix))]
  return [...new Set(origins)].flatMap((origin) => keys.map((key) => redirectCacheKey(origin, key)))
}
