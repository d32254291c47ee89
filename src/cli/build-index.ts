import { createHash } from 'node:crypto'
import { postKey } from '../content/keys'
import type { ContentIndex, PostMeta } from '../content/types'
import type { ParsedContent } from './parse-content'

/** What a publish makes of `content/`: the index and every post body under its KV key. */
export interface BuiltContent {
  index: ContentIndex
  /** KV key (`postKey(meta)`) → markdown, for every post in the index. */
  bodies: Map<string, string>
}

/**
 * Builds the content index: posts newest first (ties by slug, so the order is stable), each
 * with a hash of its markdown and metadata, and a `version` hashing everything. Drafts are
 * left out unless `drafts` is set (local previews). Deterministic: same content, same index.
 */
export function buildIndex(content: ParsedContent, { drafts }: { drafts: boolean }): BuiltContent {
  const bodies = new Map<string, string>()
  const posts: PostMeta[] = content.posts
    .filter((post) => drafts || !post.meta.draft)
    .map((post) => {
      const meta = { ...post.meta, hash: contentHash({ meta: post.meta, markdown: post.markdown }) }
      bodies.set(postKey(meta), post.markdown)
      return meta
    })
    .sort((a, b) => b.date.localeCompare(a.date) || (a.slug < b.slug ? -1 : 1))
  const version = contentHash({ site: content.site, posts })
  return { index: { version, site: content.site, posts }, bodies }
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
