import type { Context } from 'hono'
import { readDiscussion, type DiscussionRead } from '../comments/discussion-pages'
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

/** The discussion page asked for: 1 when absent, null when `?page=` is not a positive integer as written. */
export function parsePage(value: string | undefined): number | null {
  if (value === undefined) return 1
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}

type Prefetched = { slug: string; page: number; read: Promise<DiscussionRead | { error: unknown }> }
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
 * Starts reading the discussion of the post `slug` whose page `request` asks for
 * (`postPageSlug`): the stored page of its thread, or its rows (`readDiscussion`). A request
 * carrying `?edit=` (the poster's redirect) reads the rows on the primary, since it must show
 * the comment just written, and with the poster's link, which no stored page has.
 */
export function prefetchThread(request: Request, env: Bindings, slug: string): void {
  const params = new URL(request.url).searchParams
  const primary = params.has('edit')
  // Any page: the route sends an invalid one away before using what was read.
  const page = parsePage(params.get('page') ?? undefined) ?? 1
  // Async, so that a binding that throws at once (D1 down) fails the read, not the request.
  const read = async () => discussionRead(env, slug, page, primary)
  prefetched.set(request, { slug, page, read: read().catch((error: unknown) => ({ error })) })
}

/**
 * Page `page` of the public discussion of `slug` for this request (`readDiscussion`): the
 * prefetched read when there is one for this slug and page, else a read now. With `primary`
 * (the poster's own page) the rows, always, from the primary. Throws what the read threw.
 */
export async function readPublicDiscussion(c: Context<AppEnv>, slug: string, page: number, { primary = false } = {}): Promise<DiscussionRead> {
  const early = prefetched.get(c.req.raw)
  if (early?.slug === slug && early.page === page) {
    const read = await early.read
    if ('error' in read) throw read.error
    return read
  }
  return discussionRead(c.env, slug, page, primary)
}

function discussionRead(env: Bindings, slug: string, page: number, primary: boolean): Promise<DiscussionRead> {
  return primary ? readDiscussion(env.DB, slug, page, { rows: 'always' }) : readDiscussion(publicReads(env.DB), slug, page)
}
