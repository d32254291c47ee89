import type { Context } from 'hono'
import { listThread } from '../comments/store'
import type { CommentRow } from '../comments/types'
import type { AppEnv, Bindings } from '../env'

/**
 * How a post's page reads its thread on a cache miss: from the nearest D1 read replica (the
 * Sessions API; the primary where the account has no replication), and started beside the
 * content index rather than after it, since the slug is in the path. The post's HTML is read
 * beside the index too (`getIndexWithPostCopy`), so a post's page waits for one round trip
 * to each store, all in parallel.
 *
 * Reads that must see a write just made stay on the primary (plain `env.DB`): the poster's
 * redirect and their page with `?edit=`, the permalink, moderation and admin. Every public read
 * may be a little late on a replica; a page cached from such a read is purged again at the
 * end of the coalescing window (src/cache/coalesce.ts).
 */

/** A session for public reads (a thread, the list's comment counts, search): any replica, each read at least as new as the previous. */
export function publicReads(db: D1Database): D1DatabaseSession {
  return db.withSession('first-unconstrained')
}

type Prefetched = { slug: string; rows: Promise<CommentRow[] | { error: unknown }> }
const prefetched = new WeakMap<Request, Prefetched>()

// `/posts/<slug>` exactly: the post's page (its `?page=` included). Other paths read no thread.
const POST_PAGE = /^\/posts\/([^/]+)$/

/**
 * The slug a `GET /posts/<slug>` names (decoded, NFC, as the route reads it), or undefined for
 * any other request. Its thread and its post's copy are read before the index says whether the
 * post exists: an unknown slug costs one indexed query that finds no row, and a KV key that
 * holds nothing.
 */
export function postPageSlug(request: Request): string | undefined {
  if (request.method !== 'GET') return undefined
  const match = POST_PAGE.exec(new URL(request.url).pathname)
  if (!match) return undefined
  try {
    return decodeURIComponent(match[1]!).normalize('NFC')
  } catch {
    return undefined
  }
}

/**
 * Starts reading the thread of the post `slug` whose page `request` asks for (`postPageSlug`).
 * A request carrying `?edit=` (the poster's redirect) reads the primary, since it must show
 * the comment just written.
 */
export function prefetchThread(request: Request, env: Bindings, slug: string): void {
  const primary = new URL(request.url).searchParams.has('edit')
  // Async, so that a binding that throws at once (D1 down) fails the read, not the request.
  const read = async () => listThread(primary ? env.DB : publicReads(env.DB), slug)
  const rows = read().catch((error: unknown) => ({ error }))
  prefetched.set(request, { slug, rows })
}

/**
 * The public thread rows of `slug` for this request: the prefetched read when there is one for
 * this slug, else a read now (the replica unless `primary`). Throws what the read threw.
 */
export async function readThreadRows(c: Context<AppEnv>, slug: string, { primary = false } = {}): Promise<CommentRow[]> {
  const early = prefetched.get(c.req.raw)
  if (early?.slug === slug) {
    const rows = await early.rows
    if ('error' in rows) throw rows.error
    return rows
  }
  return listThread(primary ? c.env.DB : publicReads(c.env.DB), slug)
}
