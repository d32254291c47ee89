import type { ContentIndex } from '../content/types'
import { pathsForTag } from '../urls'
import { cacheKey } from './keys'
import { encodeTag } from './tags'

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
 */
export async function purgeTags(
  ctx: ExecutionContext,
  tags: string[],
  { origins, index }: { origins: string[]; index: ContentIndex },
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
