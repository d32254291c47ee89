import type { Context } from 'hono'
import type { AppEnv } from '../env'

/** What a route allows the edge to keep of its response. */
export interface CachePolicy {
  /** Cache-Tag values (raw; encoded to printable ASCII when sent). */
  tags: string[]
  /** Seconds the edge keeps the page. */
  maxAge: number
  /**
   * The Cache API key, for an answer at a path src/urls/ lists no page at (an old address's
   * redirect, keyed by `redirectCacheKey`, whose purge names it from the redirects table).
   */
  key?: string
}

/**
 * Marks the response of this request as cacheable at the edge under `tags`. Responses whose
 * route does not call this are sent `no-store`. A 200 or a 301 only: errors are never cached.
 * `key`: see `CachePolicy.key`.
 */
export function cacheFor(c: Context<AppEnv>, tags: string[], maxAge?: number, key?: string): void {
  const siteMaxAge = c.get('index').site.cacheMaxAge
  c.set('cache', { tags, maxAge: Math.max(1, Math.min(maxAge ?? siteMaxAge, siteMaxAge)), ...(key && { key }) })
}

/** The statuses the edge may keep: a page, and a permanent redirect (an old address). */
export const CACHEABLE_STATUSES: ReadonlySet<number> = new Set([200, 301])
