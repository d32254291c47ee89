import type { Context } from 'hono'
import { isAdminRequest } from '../auth/admin'
import { writePurge } from '../cache/coalesce'
import { loadConfusables } from '../comments/confusables-store'
import { purgeTags } from '../cache/purge'
import type { CommentDeps, CreateOptions } from '../comments/service'
import type { DiscussionHost } from '../content/discussion-host'
import type { AppEnv } from '../env'
import { deliverSoon, deliveryDeps } from '../notify'

/**
 * The comment service's dependencies for this request: D1, the signing key, Turnstile when
 * TURNSTILE_SECRET is set, the rate-limit binding, a purge bound to this request (Workers
 * Cache, coalesced, or the Cache API under the request's origin and the site's), and the immediate try of
 * the emails a write causes (after the response).
 */
export function commentDeps(c: Context<AppEnv>): CommentDeps {
  const index = c.get('index')
  return {
    db: c.env.DB,
    signingKey: c.env.SIGNING_KEY,
    turnstileSecret: c.env.TURNSTILE_SECRET || undefined,
    rateLimiter: c.env.COMMENT_RATE_LIMIT,
    purge: commentPurge(c),
    deliver: (ids) => deliverSoon(c.executionCtx, deliveryDeps(c.env, index), ids),
    webhook: Boolean(c.env.WEBHOOK_URL),
    confusables: () => loadConfusables(c.env.CONTENT, index),
  }
}

/**
 * Purges tags for this request: through Workers Cache, or on the Cache API under both the
 * request's origin and the site's `baseUrl` (a page may have been cached under either).
 */
export function requestPurge(c: Context<AppEnv>): (tags: string[]) => Promise<number> {
  const index = c.get('index')
  const origins = [new URL(c.req.url).origin, new URL(index.site.baseUrl).origin]
  return (tags) => purgeTags(c.executionCtx as ExecutionContext, tags, { origins, index, db: c.env.DB })
}

/**
 * The purge a comment's write makes: as `requestPurge`, but coalesced under Workers Cache and
 * with each thread's tag turned into its host's (`writePurge`, src/cache/coalesce.ts).
 */
function commentPurge(c: Context<AppEnv>): (tags: string[]) => Promise<number> {
  const index = c.get('index')
  const origins = [new URL(c.req.url).origin, new URL(index.site.baseUrl).origin]
  return writePurge(c.executionCtx as ExecutionContext, c.env, { origins, index })
}

/** Options of `createComment` for a reader's submission on `host` through this request. */
export async function readerOptions(c: Context<AppEnv>, host: DiscussionHost): Promise<CreateOptions> {
  return {
    host,
    site: c.get('index').site,
    ip: c.req.header('CF-Connecting-IP') || undefined,
    isAdmin: await isAdminRequest(c),
  }
}

/** The public Turnstile site key, when the widget should be shown (TURNSTILE_SITE_KEY, with the secret). */
export function turnstileSiteKey(c: Context<AppEnv>): string | undefined {
  return c.env.TURNSTILE_SECRET ? c.env.TURNSTILE_SITE_KEY || undefined : undefined
}
