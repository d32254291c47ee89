import type { ContentIndex } from '../content/types'
import { tryRead, READ_FAILED } from '../errors/d1-read'
import { redirectCacheKeys } from '../redirects/cache-keys'
import { pathsForTag } from '../urls'
import { cacheKey } from './keys'
import { encodeTag, REDIRECTS_TAG } from './tags'

/** Workers Cache, when `cache.enabled` puts it in front of the Worker (absent locally). */
export interface WorkersCache {
  purge(options: { tags: string[] }): Promise<unknown>
}

/** The Workers Cache of this invocation, or undefined where the Worker must use the Cache API. */
export function workersCache(ctx: ExecutionContext): WorkersCache | undefined {
  const cache = (ctx as ExecutionContext & { cache?: WorkersCache }).cache
  return typeof cache?.purge === 'function' ? cache : undefined
}

/** Workers Cache takes at most this many tags per purge call. */
const TAGS_PER_PURGE = 100

/**
 * Purges `tags`: globally through Workers Cache when it is there, else by deleting the URLs the
 * tags cover from this data center's Cache API under each of `origins` (the edge max-age bounds
 * staleness elsewhere). Returns how many Cache API entries were deleted (0 with Workers Cache).
 * The `redirects` tag covers the addresses of the redirects table, read from `db` (without it,
 * or when the read fails, those stay until their max-age).
 */
export async function purgeTags(
  ctx: ExecutionContext,
  tags: string[],
  { origins, index, db }: { origins: string[]; index: ContentIndex; db?: D1Database },
): Promise<number> {
  const unique = [...new Set(tags)]
  const edge = workersCache(ctx)
  if (edge) {
    await purgeEdge(edge, unique)
    return 0
  }
  const urls = new Set<string>()
  for (const origin of new Set(origins)) {
    for (const tag of unique) {
      for (const path of pathsForTag(tag, index)) {
        const key = cacheKey(new URL(path, origin))
        if (key) urls.add(key)
      }
    }
  }
  if (db && unique.includes(REDIRECTS_TAG)) {
    const keys = await tryRead('the redirects to purge', () => redirectCacheKeys(db, origins))
    if (keys !== READ_FAILED) for (const key of keys) urls.add(key)
  }
  const deleted = await Promise.all([...urls].map((url) => caches.default.delete(url)))
  return deleted.filter(Boolean).length
}

/** Purges `tags` (raw; encoded here) through Workers Cache, at most TAGS_PER_PURGE a call. */
export async function purgeEdge(edge: WorkersCache, tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)]
  for (let i = 0; i < unique.length; i += TAGS_PER_PURGE) {
    await edge.purge({ tags: unique.slice(i, i + TAGS_PER_PURGE).map(encodeTag) })
  }
}
