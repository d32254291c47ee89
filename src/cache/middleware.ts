import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { rawSearch } from '../urls'
import { edgeHeaders, strongEtag } from './headers'
import { conditional, fromCache, lookedUp, withHeaders } from './hit'
import { CACHEABLE_STATUSES } from './policy'
import { requestTarget } from './keys'
import { workersCache } from './purge'

/**
 * Pages `edgeCache` made cacheable: the Cache API key (absent under Workers Cache), max-age, and
 * the response it built with the body's bytes, so that `cacheStore` makes the copy it keeps from
 * those bytes instead of teeing the response's stream (`clone()`).
 */
const cacheable = new WeakMap<Request, { key?: string; maxAge: number; res: Response; body: ArrayBuffer }>()

/**
 * The edge cache in front of every route. A route makes its 200 cacheable with `cacheFor`;
 * everything else is sent `no-store` (Workers Cache would otherwise cache it by heuristics).
 *
 * With Workers Cache (`ctx.cache`), Cloudflare stores and replays the response, so the Worker
 * only sets headers and stamps no `X-Cache` (it would be replayed on every hit). Without it
 * (local dev, tests, Workers Cache off) the Worker keeps pages in `caches.default` itself
 * (`cacheStore`, once the response is final), says which path it took in `X-Cache`, and answers
 * most hits before the app runs (`cachedPage`).
 *
 * Before any cache is consulted, a path spelt otherwise than its canonical form is redirected
 * (301) to it, so a purge reaches every cached copy. Workers Cache keys on the whole URL and the
 * Worker cannot set that key, so there any query parameter the page does not take (or a poster's
 * link that is not valid) is redirected away too; on the Cache API path the key simply leaves
 * them out. The redirects are `no-store` and read nothing, so random URLs cost almost nothing.
 */
export function edgeCache(): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      await next()
      replace(c, withHeaders(c.res, { 'Cache-Control': 'no-store' }))
      return
    }
    const url = new URL(c.req.url)
    const target = await requestTarget(url, c.env.SIGNING_KEY)
    const local = !workersCache(c.executionCtx as ExecutionContext)
    if (target.pathDiffers || (!local && target.canonical !== url.pathname + rawSearch(url))) {
      return new Response(null, { status: 301, headers: { Location: target.canonical, 'Cache-Control': 'no-store' } })
    }
    // Most hits were answered before the app ran (`cachedPage`); HEAD requests and pages with
    // a poster's parameter still to check come here. A miss there is not looked up twice.
    if (local && target.key && !lookedUp.has(c.req.raw)) {
      const hit = await caches.default.match(target.key)
      if (hit) return conditional(c.req.raw, fromCache(hit))
    }
    await next()
    const policy = c.get('cache')
    const key = target.key ?? policy?.key
    // No key: a personal page, or a route caching a path src/urls/ does not list (and so no
    // purge would reach): never kept.
    if (!policy || !key || !CACHEABLE_STATUSES.has(c.res.status)) {
      replace(c, withHeaders(c.res, { 'Cache-Control': 'no-store', ...(local && { 'X-Cache': 'BYPASS' }) }))
      return
    }
    const body = await c.res.arrayBuffer()
    const headers = { ...edgeHeaders(policy), ETag: await strongEtag(body) }
    const res = withBody(c.res, body, local ? { ...headers, 'X-Cache': 'MISS' } : headers)
    replace(c, res)
    cacheable.set(c.req.raw, { key: local ? key : undefined, maxAge: policy.maxAge, res, body })
  }
}

/**
 * The outermost middleware: once every other one has set its headers (the security headers
 * included), puts the page `edgeCache` made cacheable into `caches.default`, so that a hit is
 * the final response as it was stored, then answers a matching `If-None-Match` with a 304.
 */
export function cacheStore(): MiddlewareHandler<AppEnv> {
  return async function cacheStore(c, next) {
    await next()
    const page = cacheable.get(c.req.raw)
    if (!page || !CACHEABLE_STATUSES.has(c.res.status)) return
    // Awaited rather than left to waitUntil: the body is already buffered for the ETag, the put
    // is local, and the next request then finds the page for certain.
    if (page.key) await caches.default.put(page.key, toCache(c.res, page))
    replace(c, conditional(c.req.raw, c.res))
  }
}

/** Hono's `c.res` setter copies the old headers onto the new one; these must win. */
function replace(c: Context<AppEnv>, res: Response): void {
  c.res = undefined
  c.res = res
}

/**
 * The copy kept in the Cache API: stored for its `Cache-Control` max-age (the Cache API ignores
 * CDN-Cache-Control), and already saying HIT, as every answer from it will. Its body is the
 * bytes `edgeCache` buffered when `res` is still the response it built (the middleware between
 * the two only set headers); a stream tee otherwise.
 */
function toCache(res: Response, page: { maxAge: number; res: Response; body: ArrayBuffer }): Response {
  const headers = { 'Cache-Control': `public, max-age=${page.maxAge}`, 'X-Cache': 'HIT' }
  return res === page.res ? withBody(res, page.body, headers) : withHeaders(res.clone(), headers)
}

/** A response with `res`'s status and headers, `body` as its body, and `headers` set. */
function withBody(res: Response, body: ArrayBuffer, headers: Record<string, string>): Response {
  const copy = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
  return copy
}
