import type { Context } from 'hono'
import type { AppEnv } from '../env'

/** What a route allows the edge to keep of its response. */
export interface CachePolicy {
  /** Cache-Tag values (raw; encoded to printable ASCII when sent). */
  tags: string[]
  /** Seconds the edge keeps the page. */
  maxAge: number
}

/**
 * Marks the response of this request as cacheable at the edge under `tags`. Responses whose
 * route does not call this are sent `no-store`. A 200 only: errors are never cached.
 */
export function cacheFor(c: Context<AppEnv>, tags: string[], maxAge?: number): void {
  const siteMaxAge = c.get('index').site.cacheMaxAge
  c.set('cache', { tags, maxAge: Math.max(1, Math.min(maxAge ?? siteMaxAge, siteMaxAge)) })
}
