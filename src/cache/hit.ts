import { legacyCacheKey } from '../redirects/cache-keys'
import { canonicalUrl } from '../urls/canonical'
import { etagMatches, notModified } from './headers'
import { workersCache } from './purge'

/** Requests `cachedPage` already looked up in vain: the app's `edgeCache` does not match them again. */
export const lookedUp = new WeakSet<Request>()

/**
 * A cache hit on the Cache API path, answered before the app runs: no routing, no middleware,
 * no content index. The stored copy already carries every header a hit sends (the security
 * headers and `X-Cache: HIT` included, see `cacheStore`); only the browser's `Cache-Control`
 * differs from what the Cache API needs to keep it. Undefined whenever the app must answer:
 * Workers Cache in front (it answers hits itself), not a GET, a path to redirect to its
 * canonical spelling, a poster's link to check, or nothing cached.
 */
export async function cachedPage(request: Request, ctx: ExecutionContext): Promise<Response | undefined> {
  if (request.method !== 'GET' || workersCache(ctx)) return undefined
  const key = PLAIN_URL.test(request.url) ? request.url : canonicalKey(request.url)
  if (key === undefined) return undefined
  const hit = await caches.default.match(key)
  if (!hit) lookedUp.add(request)
  return hit && conditional(request, fromCache(hit))
}

/**
 * A URL that is its own key: no query, and a path of lowercase unreserved ASCII segments without
 * a trailing slash, which canonical spelling leaves as it is (nothing to decode, encode or
 * normalize), and which is also its own old-address key when it is no page (`legacyCacheKey`).
 * Most hits are such URLs, and they skip `canonicalUrl`; if nothing is cached the match misses.
 */
const PLAIN_URL = /^https?:\/\/[^/?#]+(?:\/|(?:\/[a-z0-9._~-]+)+)$/

/**
 * The key `requestTarget` gives a page without a valid poster's link; at a path no page is
 * cached at, the key the redirect of an old address may be kept under (src/redirects); undefined
 * when the app must answer.
 */
function canonicalKey(href: string): string | undefined {
  const url = new URL(href)
  const canonical = canonicalUrl(url)
  if (canonical.path !== url.pathname || canonical.personal.length) return undefined
  return canonical.cacheable ? url.origin + canonical.path + canonical.search : legacyCacheKey(url)
}

/** `res`, or its 304 when the request's `If-None-Match` matches its ETag. */
export function conditional(request: Request, res: Response): Response {
  return etagMatches(request.headers.get('If-None-Match'), res.headers.get('ETag')) ? notModified(res) : res
}

/** A stored page as a hit sends it: browsers revalidate every time, and no `Age` of the copy. */
export function fromCache(hit: Response): Response {
  const res = withHeaders(hit, { 'Cache-Control': 'no-cache', 'X-Cache': 'HIT' })
  res.headers.delete('Age')
  return res
}

/** A copy of `res` (same body stream) with `headers` set. */
export function withHeaders(res: Response, headers: Record<string, string>): Response {
  const copy = new Response(res.body, res)
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
  return copy
}
