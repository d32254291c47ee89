import { verifyToken } from '../comments/hmac'
import { canonicalUrl, parseEditParam } from '../urls'

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

/** Checks of the poster's link parameters, by name: a valid signature and expiry, no D1 read. */
const PERSONAL_CHECKS: Record<string, (signingKey: string, value: string, now: number) => Promise<boolean>> = {
  // The edit token signs (purpose, comment id, expiry) only, so it is checked in full here.
  edit: async (signingKey, value, now) => {
    const edit = parseEditParam(value)
    return edit !== undefined && verifyToken(signingKey, edit.token, 'edit', edit.id, now)
  },
}

/** What the edge cache makes of a request URL. */
export interface RequestTarget {
  /** The canonical path and query (valid personal parameters kept), root-relative. */
  canonical: string
  /** Whether the path itself was spelt otherwise (every cache must then redirect). */
  pathDiffers: boolean
  /** The Cache API key, when the page is cacheable and carries no valid personal link. */
  key: string | undefined
  /** Whether the request carries a valid poster's link (the page is personal). */
  personal: boolean
}

/**
 * The canonical form of `url`: its path, the query its page takes and its valid poster's links.
 * An invalid or expired link is dropped: it neither skips the cache nor survives a redirect.
 */
export async function requestTarget(url: URL, signingKey: string, now = Date.now()): Promise<RequestTarget> {
  const canonical = canonicalUrl(url)
  const pathDiffers = canonical.path !== url.pathname
  if (!canonical.cacheable) return { canonical: canonical.path + canonical.search, pathDiffers, key: undefined, personal: false }
  const valid = await Promise.all(
    canonical.personal.map(async ([name, value]) => (await PERSONAL_CHECKS[name]?.(signingKey, value, now)) === true),
  )
  const personal = canonical.personal.filter((_, i) => valid[i])
  const query = new URLSearchParams([...new URLSearchParams(canonical.search), ...personal]).toString()
  return {
    canonical: canonical.path + (query && `?${query}`),
    pathDiffers,
    key: personal.length ? undefined : url.origin + canonical.path + canonical.search,
    personal: personal.length > 0,
  }
}
