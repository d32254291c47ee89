import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { edgeHeaders, etagMatches, notModified, strongEtag } from './headers'
import { cacheKey, isPersonalRequest } from './keys'
import { workersCache } from './purge'

/**
 * The edge cache in front of every route. A route makes its 200 cacheable with `cacheFor`;
 * everything else is sent `no-store` (Workers Cache would otherwise cache it by heuristics).
 *
 * With Workers Cache (`ctx.cache`), Cloudflare stores and replays the response, so the Worker
 * only sets headers and stamps no `X-Cache` (it would be replayed on every hit). Without it
 * (local dev, tests, Workers Cache off) the Worker matches and puts in `caches.default` itself
 * and says which path it took in `X-Cache`.
 */
export function edgeCache(): MiddlewareHandler<AppEnv> {
  return async function edgeCache(c, next) {
    const readable = c.req.method === 'GET' || c.req.method === 'HEAD'
    const local = readable && !workersCache(c.executionCtx as ExecutionContext)
    const key = cacheKey(new URL(c.req.url))
    if (local && key && !isPersonalRequest(c.req.url)) {
      const hit = await caches.default.match(key)
      if (hit) return conditional(c, fromCache(hit))
    }
    await next()
    const policy = c.get('cache')
    if (!readable || !policy || !key || c.res.status !== 200) {
      replace(c, withHeaders(c.res, { 'Cache-Control': 'no-store', ...(local && { 'X-Cache': 'BYPASS' }) }))
      return
    }
    const body = await c.res.arrayBuffer()
    const headers = { ...edgeHeaders(policy), ETag: await strongEtag(body) }
    const res = withHeaders(new Response(body, c.res), local ? { ...headers, 'X-Cache': 'MISS' } : headers)
    // Awaited rather than left to waitUntil: the body is already buffered for the ETag, the put
    // is local, and the next request then finds the page for certain.
    if (local) await caches.default.put(key, toCache(res, policy.maxAge))
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
