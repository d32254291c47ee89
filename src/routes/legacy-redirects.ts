import type { Context, MiddlewareHandler } from 'hono'
import { cacheFor } from '../cache/policy'
import { REDIRECTS_TAG } from '../cache/tags'
import type { AppEnv } from '../env'
import { READ_FAILED, tryRead } from '../errors'
import { redirectCacheKey } from '../redirects/cache-keys'
import { KEPT_PARAMS, legacyPathKey } from '../redirects/legacy-path'
import { planRedirect, resolveRedirect } from '../redirects/resolve'
import { getRedirects } from '../redirects/store'
import { HOME_PATH } from '../urls'

/**
 * Old addresses (a WordPress blog's permalinks, `/?p=<id>`, its feeds) answered with a 301 to
 * where the item lives now, from the redirects table the import writes. Cached like pages under
 * the `redirects` tag, which an import purges.
 */

/**
 * The 301 for the old address of this GET or HEAD, or null when it is none (no row, a row that
 * leads back here, or D1 failing: the caller's 404 stands). At most one indexed D1 read, and
 * only once no route answered.
 */
export async function legacyRedirect(c: Context<AppEnv>): Promise<Response | null> {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null
  const url = new URL(c.req.url)
  const key = legacyPathKey(url.pathname, url.search)
  if (key === null) return null
  const plan = planRedirect(key)
  const rows = 'builtIn' in plan ? [] : await tryRead('the redirect look-up', () => getRedirects(c.env.DB, plan.key, plan.feedOf))
  if (rows === READ_FAILED) return null
  const location = resolveRedirect(plan, rows)
  if (location === null) return null
  const to = new URL(location, url.origin)
  if (legacyPathKey(to.pathname, to.search) === key) return null
  cacheFor(c, [REDIRECTS_TAG], undefined, redirectCacheKey(url.origin, key))
  return movedTo(location)
}

/**
 * In front of the home page: `/?p=<id>` and its kin are old addresses, never the home page
 * (which would otherwise be cached under every id anyone tries). Without a row, or with D1
 * failing, they are sent to `/` uncached, as the edge sends any other parameter away.
 */
export const legacyHome: MiddlewareHandler<AppEnv> = async function legacyHome(c, next) {
  const params = new URL(c.req.url).searchParams
  if (!KEPT_PARAMS.some((name) => params.has(name))) return next()
  return (await legacyRedirect(c)) ?? c.redirect(HOME_PATH, 301)
}

/** A permanent redirect with a short body naming its target, so that its ETag differs per target. */
function movedTo(location: string): Response {
  return new Response(`Moved permanently to ${location}\n`, {
    status: 301,
    headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
