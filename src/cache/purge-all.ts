import { tagSlug } from '../content/slug'
import type { ContentIndex } from '../content/types'
import { purgeTags, workersCache } from './purge'
import { LIST_TAG, pageTag, postTag, REDIRECTS_TAG, tagPageTag } from './tags'

/**
 * Every tag a cached page of `index` can carry: the lists, each page, each post (drafts and scheduled posts
 * included: harmless, and a post may have become public since it was indexed) and each tag page.
 * Must stay in step with the tags the routes pass to `cacheFor`.
 */
export function allTags(index: ContentIndex): string[] {
  const tags = new Set<string>([LIST_TAG, REDIRECTS_TAG])
  for (const post of index.posts) tags.add(postTag(post.slug))
  for (const post of index.posts) for (const tag of post.tags) tags.add(tagPageTag(tagSlug(tag)))
  for (const page of index.pages ?? []) tags.add(pageTag(page.slug))
  return [...tags]
}

/**
 * Purges every cached page, for a deploy of new code (templates, styles) that renders every page
 * differently: Workers Cache does not key its entries on the Worker's version. With Workers Cache
 * that is one `purgeEverything` call (one of the few purges a minute the platform allows); on the
 * Cache API path it deletes the URLs of `allTags(index)` under each origin. Returns how many Cache
 * API entries were deleted (0 with Workers Cache).
 */
export async function purgeEverything(
  ctx: ExecutionContext,
  scope: { origins: string[]; index: ContentIndex; db?: D1Database },
): Promise<number> {
  const edge = workersCache(ctx) as { purge(options: { purgeEverything: true }): Promise<unknown> } | undefined
  if (edge) {
    await edge.purge({ purgeEverything: true })
    return 0
  }
  return purgeTags(ctx, allTags(scope.index), scope)
}
