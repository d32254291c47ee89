import { createHash } from 'node:crypto'
import { postKey } from '../content/keys'
import type { ContentIndex, MediaSize, PostMeta } from '../content/types'
import type { ParsedContent } from './parse-content'

/** What a publish makes of `content/`: the index and every post body under its KV key. */
export interface BuiltContent {
  index: ContentIndex
  /** KV key (`postKey(meta)`) → markdown, for every post in the index. */
  bodies: Map<string, string>
}

/**
 * Builds the content index: posts newest first (ties by slug, so the order is stable), each
 * with a hash of its markdown, metadata and the sizes of its images (a resized image changes
 * its pages), a `version` hashing everything, and the sizes of the images the indexed posts
 * show. Drafts are left out unless `drafts` is set (local previews). Deterministic: same
 * content, same index.
 */
export function buildIndex(content: ParsedContent, { drafts }: { drafts: boolean }): BuiltContent {
  const bodies = new Map<string, string>()
  const media: Record<string, MediaSize> = {}
  const posts: PostMeta[] = content.posts
    .filter((post) => drafts || !post.meta.draft)
    .map((post) => {
      const sizes = sizesOf(post.images, content.media)
      if (sizes) Object.assign(media, sizes)
      const meta = { ...post.meta, hash: contentHash({ meta: post.meta, markdown: post.markdown, media: sizes }) }
      bodies.set(postKey(meta), post.markdown)
      return meta
    })
    .sort((a, b) => b.date.localeCompare(a.date) || (a.slug < b.slug ? -1 : 1))
  const version = contentHash({ site: content.site, posts })
  const keys = Object.keys(media).sort()
  const index: ContentIndex = { version, site: content.site, posts }
  if (keys.length) index.media = Object.fromEntries(keys.map((key) => [key, media[key]!]))
  return { index, bodies }
}

/** The known sizes of `images`, or undefined when none is known (the post's hash then stays as before). */
function sizesOf(images: string[], media: ParsedContent['media']): Record<string, MediaSize> | undefined {
  const known = images.filter((image) => media?.[image]).sort()
  return known.length ? Object.fromEntries(known.map((image) => [image, media![image]!])) : undefined
}

/** 16 hex characters of the SHA-256 of `value`'s canonical JSON (keys sorted). */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16)
}

/** JSON with object keys sorted and undefined members dropped, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) =>
    val !== null && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  )
}
