import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { rawSearch } from '../urls'
import { edgeHeaders, etagMatches, notModified, strongEtag } from './headers'
import { requestTarget } from './keys'
import { workersCache } from './purge'

/**
 * The edge cache in front of every route. A route makes its 200 cacheable with `cacheFor`;
 * everything else is sent `no-store` (Workers Cache would otherwise cache it by heuristics).
 *
 * With Workers Cache (`ctx.cache`), Cloudflare stores and replays the response, so the Worker
 * only sets headers and stamps no `X-Cache` (it would be replayed on every hit). Without it
 * (local dev, tests, Workers Cache off) the Worker matches and puts in `caches.default` itself
 * and says which path it took in `X-Cache`.
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
    if (local && target.key) {
      const hit = await caches.default.match(target.key)
      if (hit) return conditional(c, fromCache(hit))
    }
    await next()
    const policy = c.get('cache')
    // No key: a personal page, or a route caching a path src/urls/ does not list (and so no
    // purge would reach): never kept.
    if (!policy || !target.key || c.res.status !== 200) {
      replace(c, withHeaders(c.res, { 'Cache-Control': 'no-store', ...(local && { 'X-Cache': 'BYPASS' }) }))
      return
    }
    const body = await c.res.arrayBuffer()
    const headers = { ...edgeHeaders(policy), ETag: await strongEtag(body) }
    const res = withHeaders(new Response(body, c.res), local ? { ...headers, 'X-Cache': 'MISS' } : headers)
    // Awaited rather than left to waitUntil: the body is already buffered for the ETag, the put
    // is local, and the next request then finds the page for certain.
    if (local) await caches.default.put(target.key, toCache(res, policy.maxAge))
    replace(c, conditional(c, res))
  }
}

function conditional(c: Context<AppEnv>, res: Response): Response {
  return etagMatches(c.req.header('If-None-Match') ?? null, res.headers.get('ETag')) ? notModified(res) : res
}

/** Hono's `c.res` setter copies the old headers over the new ones; these must win. */
function replace(c: Context<AppEnv>, res: Response): void {
  c.res = undefined
  c.res = res
}

function withHeaders(res: Response, headers: Record<string, string>): Response {
  const copy = new Response(res.body, res)
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
  return copy
}

/** The Cache API keeps a response for its `Cache-Control` max-age, not for CDN-Cache-Control. */
function toCache(res: Response, maxAge: number): Response {
  return withHeaders(res.clone(), { 'Cache-Control': `public, max-age=${maxAge}` })
}

function fromCache(hit: Response): Response {
  const res = withHeaders(hit, { 'Cache-Control': 'no-cache', 'X-Cache': 'HIT' })
  res.headers.delete('Age')
  return res
}
