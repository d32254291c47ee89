import { canonicalUrl } from '../urls'

/**
 * Cache keys and the canonical URL of a request, derived from `src/urls/` (which says which
 * pages are cacheable, what query each takes and which paths each tag covers).
 */

/**
 * The Cache API key of a canonical URL: for a cacheable page, its origin, path and the query
 * parameters that change the page (`?utm_source=x` neither fills the cache nor bypasses it);
 * undefined for a page never cached.
 */
export function cacheKey(url: URL): string | undefined {
  const canonical = canonicalUrl(url)
  return canonical.cacheable ? url.origin + canonical.path + canonical.search : undefined
}

/**
 * Query parameters that make a page personal (the poster's signed edit or view link): such a
 * request must reach the route, never a cached copy made for everyone.
 */
const PERSONAL_PARAMS = ['edit', 't']

export function isPersonalRequest(url: string): boolean {
  const { searchParams } = new URL(url)
  return PERSONAL_PARAMS.some((name) => searchParams.has(name))
}
